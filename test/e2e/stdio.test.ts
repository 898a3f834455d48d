import { spawn, spawnSync } from 'node:child_process';
import type { CallToolResult } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/server.js';
import { BIN, connectStdio, envWithoutDynadot, expectedTools } from '../bundle/support.js';

/** The built bin (npm test builds first), driven over stdio as a client would. */
const KEY = 'e2e-live-key-7b31c9d04f2a6e85';

describe('built bin over stdio', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ keys: [KEY] });
  });
  afterAll(async () => sim.close());

  it('demo mode: writes nothing but JSON-RPC to stdout, labels itself demo', async () => {
    const child = spawn(process.execPath, [BIN], { env: envWithoutDynadot(), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const send = (message: object) => child.stdin.write(`${JSON.stringify(message)}\n`);
    send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });
    send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    send({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
    send({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'list_domain', arguments: { expiring_within_days: 31 } } });
    const deadline = Date.now() + 10_000;
    while (stdout.split('\n').filter(Boolean).length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    child.stdin.end();
    await new Promise((resolve) => child.on('exit', resolve));

    const lines = stdout.split('\n').filter(Boolean);
    const messages = lines.map((line) => JSON.parse(line) as { id?: number; result?: Record<string, unknown> });
    expect(messages.every((m) => (m as { jsonrpc?: string }).jsonrpc === '2.0')).toBe(true);
    const byId = new Map(messages.map((m) => [m.id, m.result]));
    expect(String((byId.get(1) as { instructions?: string }).instructions)).toMatch(/DEMO MODE/);
    expect(((byId.get(2) as { tools: Array<{ name: string }> }).tools).map((t) => t.name)).toEqual(expectedTools());
    const call = byId.get(3) as unknown as CallToolResult;
    expect(call.isError).toBeFalsy();
    expect(call.structuredContent).toMatchObject({ demo: true });
    expect((call.structuredContent as { items: unknown[] }).items.length).toBeGreaterThan(0);
    expect(stderr).toMatch(/DEMO MODE/);
  });

  // stdin closing right after the requests (a shell pipe) must not cut the answers: tools/list of
  // every tool is more than a pipe's 64 KiB, and exiting before stdout drained used to truncate it.
  it('requests piped in with stdin closed at once: every answer arrives whole', async () => {
    const requests = [
      { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'pipe', version: '1' } } },
      { jsonrpc: '2.0', method: 'notifications/initialized' },
      // Four lists: more than the pipe and this process's read buffer hold together.
      { jsonrpc: '2.0', id: 2, method: 'tools/list' },
      { jsonrpc: '2.0', id: 3, method: 'tools/list' },
      { jsonrpc: '2.0', id: 4, method: 'tools/list' },
      { jsonrpc: '2.0', id: 5, method: 'tools/list' },
    ];
    const child = spawn(process.execPath, [BIN, '--toolsets', 'all'], {
      env: envWithoutDynadot({ DYNADOT_API_KEY: KEY, DYNADOT_API_URL: sim.url }),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    // A slow reader: stdout is not read until the server has begun shutting down, so its answer
    // still sits in the process when it decides to exit.
    let stderr = '';
    const shuttingDown = new Promise<void>((resolve) =>
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
        if (stderr.includes('shutting down (stdin closed)')) resolve();
      }),
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.stdin.end(requests.map((request) => `${JSON.stringify(request)}\n`).join(''));
    await shuttingDown;
    const chunks: Buffer[] = [];
    const closed = new Promise<void>((resolve) => child.stdout.on('close', () => resolve()));
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    expect(await exited).toBe(0);
    await closed;
    const stdout = Buffer.concat(chunks).toString('utf8');
    expect(stdout.length).toBeGreaterThan(3 * 64 * 1024);
    const answers = stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { id?: number; result?: { tools?: Array<{ name: string }> } });
    expect(answers.map((answer) => answer.id)).toEqual([1, 2, 3, 4, 5]);
    for (const answer of answers.slice(1)) expect(answer.result?.tools?.map((tool) => tool.name)).toEqual(expectedTools({ toolsets: 'all' }));
  });

  it('with a key: talks to DYNADOT_API_URL, no demo label, key never printed', async () => {
    sim.requests.length = 0;
    const session = await connectStdio(process.execPath, [BIN], { DYNADOT_API_KEY: KEY, DYNADOT_API_URL: sim.url, DYNADOT_LOG_LEVEL: 'debug' });
    try {
      const info = (await session.client.callTool({ name: 'domain_info', arguments: { domain: 'acme-widgets.com' } })) as CallToolResult;
      expect(info.isError).toBeFalsy();
      expect(info.structuredContent).toMatchObject({ domain: { name: 'acme-widgets.com', locked: true } });
      expect(info.structuredContent).not.toHaveProperty('demo');
      expect(sim.requests.map((r) => r.command)).toEqual(['domain_info']);
      expect(session.client.getInstructions()).not.toMatch(/DEMO MODE/);

      for (const kind of ['http500', 'reset', 'malformed', 'html'] as const) {
        sim.injectFault({ kind, times: 10 });
        const failed = (await session.client.callTool({ name: 'get_dns', arguments: { domain: 'acme-widgets.com' } })) as CallToolResult;
        expect(failed.isError, kind).toBe(true);
        expect(JSON.stringify(failed)).not.toContain(KEY);
        sim.clearFaults();
      }
      // The process survived every fault and still answers.
      const after = (await session.client.callTool({ name: 'get_ns', arguments: { domain: 'widgetlab.io' } })) as CallToolResult;
      expect(after.isError).toBeFalsy();
    } finally {
      await session.close();
    }
    expect(session.stderr()).not.toContain(KEY);
    expect(session.stderr()).toMatch(/api3 domain_info/); // debug logging was on, and still redacted
    expect(session.stderr()).not.toMatch(/unhandled rejection|uncaught exception/);
  });

  it('a wrong key is reported as permission_denied without echoing it', async () => {
    const wrong = 'e2e-wrong-key-0a9b8c7d6e5f4a3b';
    const session = await connectStdio(process.execPath, [BIN], { DYNADOT_API_KEY: wrong, DYNADOT_API_URL: sim.url });
    try {
      const result = (await session.client.callTool({ name: 'list_domain', arguments: {} })) as CallToolResult;
      expect(result.isError).toBe(true);
      expect(JSON.parse((result.content[0] as { text: string }).text).error).toBe('permission_denied');
      expect(JSON.stringify(result)).not.toContain(wrong);
    } finally {
      await session.close();
    }
    expect(session.stderr()).not.toContain(wrong);
  });

  it('a bad setting stops start-up with a message naming it', () => {
    const run = spawnSync(process.execPath, [BIN], { env: envWithoutDynadot({ DYNADOT_TOOLSETS: 'domains,bogus' }), encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/DYNADOT_TOOLSETS.*unknown toolset "bogus"/);
  });

  it('--help and --version answer and exit', () => {
    const help = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--read-only/);
    const version = spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' });
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
