import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { Client, StreamableHTTPClientTransport, type CallToolResult, type ClientOptions, type Transport } from '@modelcontextprotocol/client';
import { getDefaultEnvironment, StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/server.js';
import { BIN, envWithoutDynadot, expectedTools, testDirs } from '../bundle/support.js';

/**
 * Both protocol eras end to end on the built bin: a client of each (the 2025-era default, and
 * one pinned to 2026-07-28) lists and calls tools over stdio and over HTTP, and renews a domain
 * with the user's approval asked in the client: on the 2025 era through elicitation/create, on
 * 2026-07-28 through an input_required round the client fulfils and retries.
 */
const KEY = 'eras-key-5d8e1f2a3b4c6d7e';

const ERAS: ReadonlyArray<{ era: 'legacy' | 'modern'; options: ClientOptions }> = [
  { era: 'legacy', options: {} },
  { era: 'modern', options: { versionNegotiation: { mode: { pin: '2026-07-28' } } } },
];

type Structured = Record<string, any>;

/** A client that declares form elicitation and approves whatever it is asked, recording the questions. */
function approvingClient(options: ClientOptions): { client: Client; asked: string[] } {
  const client = new Client({ name: 'eras', version: '1.0.0' }, { ...options, capabilities: { elicitation: { form: {} } } });
  const asked: string[] = [];
  client.setRequestHandler('elicitation/create', async (request) => {
    asked.push(request.params.message);
    return { action: 'accept', content: { approve: true } };
  });
  return { client, asked };
}

/** The built bin in HTTP mode on a free port, once it says where it listens. */
async function startHttpBin(sim: Simulator): Promise<{ child: ChildProcessWithoutNullStreams; url: URL }> {
  const child = spawn(process.execPath, [BIN, '--transport', 'http', '--port', '0'], {
    env: envWithoutDynadot({ DYNADOT_API_KEY: KEY, DYNADOT_API_URL: sim.url }),
  });
  let stderr = '';
  const url = await new Promise<URL>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      const match = /listening on (http:\/\/\S+)/.exec(stderr);
      if (match) resolve(new URL(match[1] as string));
    });
    child.on('exit', () => reject(new Error(`the server did not start:\n${stderr}`)));
  });
  return { child, url };
}

describe('both protocol eras on the built bin', () => {
  let sim: Simulator;
  let http: { child: ChildProcessWithoutNullStreams; url: URL };
  beforeAll(async () => {
    sim = await startSimulator({ keys: [KEY] });
    http = await startHttpBin(sim);
  });
  afterAll(async () => {
    const exited = new Promise((resolve) => http.child.on('exit', resolve));
    http.child.kill('SIGTERM');
    await exited;
    await sim.close();
  });
  beforeEach(() => sim.reset());

  const transports: ReadonlyArray<{ name: string; open(): Transport }> = [
    {
      name: 'stdio',
      open: () =>
        new StdioClientTransport({
          command: process.execPath,
          args: [BIN],
          env: { ...getDefaultEnvironment(), ...testDirs(), DYNADOT_API_KEY: KEY, DYNADOT_API_URL: sim.url },
          stderr: 'ignore',
        }),
    },
    { name: 'HTTP', open: () => new StreamableHTTPClientTransport(http.url) },
  ];

  for (const transport of transports) {
    for (const { era, options } of ERAS) {
      it(`${transport.name}, ${era} era: lists and calls tools, and a renewal approved in the client goes through once`, async () => {
        const { client, asked } = approvingClient(options);
        await client.connect(transport.open());
        try {
          expect(client.getProtocolEra()).toBe(era);

          const { tools } = await client.listTools();
          expect(tools.map((tool) => tool.name)).toEqual(expectedTools());
          for (const tool of tools) expect(tool.inputSchema, tool.name).not.toHaveProperty('$schema');

          const list = (await client.callTool({ name: 'list_domain', arguments: {} })) as CallToolResult;
          expect(list.isError).toBeFalsy();
          expect((list.structuredContent as Structured).items.length).toBeGreaterThan(0);

          const bad = (await client.callTool({ name: 'renew', arguments: { domain: 'acme-widgets.com', years: 0 } })) as CallToolResult;
          expect(bad.isError).toBe(true);
          const text = bad.content[0]?.type === 'text' ? bad.content[0].text : '';
          expect(JSON.parse(text)).toMatchObject({ error: 'invalid_input' });

          const sends = () => sim.requests.filter((request) => request.command === 'renew' && request.params.price_check === undefined).length;
          const renewed = (await client.callTool({ name: 'renew', arguments: { domain: 'acme-widgets.com', years: 1 } })) as CallToolResult;
          expect(renewed.isError, JSON.stringify(renewed.content)).toBeFalsy();
          expect(renewed.structuredContent).not.toHaveProperty('preview');
          expect(renewed.structuredContent).toMatchObject({ domain: 'acme-widgets.com' });
          expect(asked).toHaveLength(1);
          expect(asked[0]).toMatch(/^Approve renew\?/);
          expect(sends()).toBe(1);
        } finally {
          await client.close();
        }
      });
    }
  }
});
