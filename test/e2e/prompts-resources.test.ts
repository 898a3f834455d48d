import { Client, type ClientOptions } from '@modelcontextprotocol/client';
import { getDefaultEnvironment, StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/server.js';
import { BIN, testDirs } from '../bundle/support.js';

/**
 * Prompts, resources and completions on the built bin over stdio, in both protocol eras (the
 * 2025-era default and a client pinned to 2026-07-28): the capabilities are declared and each
 * request is answered, with the API key in none of the answers.
 */
const KEY = 'prompts-key-8c1d2e3f4a5b6c7d';

const ERAS: ReadonlyArray<{ era: 'legacy' | 'modern'; options: ClientOptions }> = [
  { era: 'legacy', options: {} },
  { era: 'modern', options: { versionNegotiation: { mode: { pin: '2026-07-28' } } } },
];

describe('prompts, resources and completions on the built bin', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ keys: [KEY] });
  });
  afterAll(() => sim.close());

  for (const { era, options } of ERAS) {
    it(`${era} era: lists and gets prompts, reads resources and the domain template, completes a domain`, async () => {
      const client = new Client({ name: 'prompts-e2e', version: '1.0.0' }, options);
      await client.connect(
        new StdioClientTransport({
          command: process.execPath,
          args: [BIN],
          env: { ...getDefaultEnvironment(), ...testDirs(), DYNADOT_API_KEY: KEY, DYNADOT_API_URL: sim.url },
          stderr: 'ignore',
        }),
      );
      try {
        expect(client.getProtocolEra()).toBe(era);
        expect(client.getServerCapabilities()).toMatchObject({ prompts: {}, resources: {}, completions: {} });

        const { prompts } = await client.listPrompts();
        expect(prompts.map((p) => p.name)).toEqual(['research_name', 'safe_dns_change', 'renewal_review', 'move_name_servers', 'undo_change']);
        const prompt = await client.getPrompt({ name: 'undo_change', arguments: { domain: 'acme-widgets.com' } });
        expect(JSON.stringify(prompt.messages)).toContain('list_snapshots with domain: \\"acme-widgets.com\\"');

        const { resources } = await client.listResources();
        expect(resources.map((r) => r.uri)).toEqual(['dynadot://account', 'dynadot://snapshots', 'dynadot://audit']);
        const texts: string[] = [];
        for (const uri of ['dynadot://account', 'dynadot://snapshots', 'dynadot://audit', 'dynadot://domain/acme-widgets.com']) {
          const read = await client.readResource({ uri });
          const content = read.contents[0];
          expect(content && 'text' in content ? content.text : '', uri).toMatch(/^\{/);
          texts.push(content && 'text' in content ? content.text : '');
        }
        expect(JSON.parse(texts[0] ?? '{}').username).toBe('demo-user');
        expect(JSON.parse(texts[3] ?? '{}').name).toBe('acme-widgets.com');
        for (const text of texts) expect(text).not.toContain(KEY);

        const { completion } = await client.complete({ ref: { type: 'ref/resource', uri: 'dynadot://domain/{name}' }, argument: { name: 'name', value: 'acme-widgets.n' } });
        expect(completion.values).toEqual(['acme-widgets.net']);
      } finally {
        await client.close();
      }
    });
  }
});
