import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { Client } from '@modelcontextprotocol/client';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import type { CallToolResult } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/server.js';
import { BIN, envWithoutDynadot } from '../bundle/support.js';

const KEY = 'signal-key-4c3b2a1908f7e6d5';

/** Starts the built bin in HTTP mode on a free port and waits for the URL it logs. */
async function startBin(sim: Simulator): Promise<{ child: ChildProcessWithoutNullStreams; url: string; stderr(): string }> {
  const child = spawn(process.execPath, [BIN, '--transport', 'http', '--port', '0'], {
    env: envWithoutDynadot({ DYNADOT_API_KEY: KEY, DYNADOT_API_URL: sim.url }),
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const deadline = Date.now() + 10_000;
  let match: RegExpExecArray | null = null;
  while (!(match = /listening on (http:\/\/\S+)/.exec(stderr)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  if (!match) throw new Error(`the server did not start:\n${stderr}`);
  return { child, url: match[1] as string, stderr: () => stderr };
}

describe('built bin over HTTP', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ keys: [KEY] });
  });
  afterAll(async () => sim.close());

  it('SIGTERM lets the call in flight finish, then refuses new work and exits 0', async () => {
    const { child, url, stderr } = await startBin(sim);
    const client = new Client({ name: 'signals', version: '1' });
    await client.connect(new StreamableHTTPClientTransport(new URL(url)));
    sim.setLatency(400);
    const inFlight = client.callTool({ name: 'domain_info', arguments: { domain: 'acme-widgets.com' } }) as Promise<CallToolResult>;
    // SIGTERM once the call has reached api3, so it is truly in flight.
    while (!sim.requests.some((r) => r.command === 'domain_info')) await new Promise((r) => setImmediate(r));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');

    const result = await inFlight;
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ domain: { name: 'acme-widgets.com' } });
    expect(await exited).toBe(0);
    await expect(fetch(url.replace('/mcp', '/healthz'))).rejects.toThrow();
    sim.setLatency(0);
    expect(stderr()).toMatch(/shutting down \(SIGTERM\)/);
    expect(stderr()).not.toContain(KEY);
  });
});
