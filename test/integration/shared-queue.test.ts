import { randomBytes } from 'node:crypto';
import { Client } from '@modelcontextprotocol/client';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import type { CallToolResult } from '@modelcontextprotocol/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CATALOG } from '../../tools/index.js';
import { accountPort } from '../../tools/ports.js';
import { Api3Client } from '../../src/api3/client.js';
import { AccountQueue } from '../../src/api3/queue.js';
import { configSchema } from '../../src/config.js';
import { startHttpServer, type RunningHttpServer } from '../../src/server/http.js';
import { buildServer } from '../../src/server/server.js';
import { startSimulator, type Simulator } from '../../src/simulator/server.js';
import { textOf } from '../helpers/harness.js';

/**
 * Dynadot limits each account, not each connection: the per-key queue in src/api3/queue.ts is
 * process-wide, so two MCP sessions over HTTP, each with its own Api3Client for the same key,
 * must still never have two requests in flight at once for that key.
 */

interface Stack {
  simulator: Simulator;
  http: RunningHttpServer;
  clients: Api3Client[];
  close(): Promise<void>;
}

const running = new Set<Stack>();

afterEach(async () => {
  for (const stack of [...running]) await stack.close();
  vi.useRealTimers();
});

/** The simulator records overlap instead of refusing it (maxConcurrentPerKey 10) and answers slowly enough to overlap. */
async function startStack(apiKey: string, concurrency: number, keyPerSession = false): Promise<Stack> {
  const simulator = await startSimulator({ latencyMs: 20, maxConcurrentPerKey: 10 });
  const clients: Api3Client[] = [];
  const config = configSchema.parse({ transport: 'http', port: 0, apiKey, apiUrl: simulator.url, concurrency, ratePerMinute: 100_000 });
  const makeServer = () => {
    // A new Api3Client per session, as a fresh server per session would build; only the key is shared.
    const key = keyPerSession ? `${apiKey}-session-${clients.length}` : apiKey;
    const api = new Api3Client({ apiUrl: simulator.url, apiKey: key, timeoutMs: 10_000, concurrency, ratePerMinute: 1e6 });
    clients.push(api);
    return buildServer({ api, account: accountPort, catalog: CATALOG, demo: false, toolsets: 'all' });
  };
  const http = await startHttpServer({ config, makeServer });
  const stack: Stack = {
    simulator,
    http,
    clients,
    async close() {
      running.delete(stack);
      await http.close();
      await Promise.all(clients.map((c) => c.close()));
      await simulator.close();
    },
  };
  running.add(stack);
  return stack;
}

async function connect(url: string): Promise<Client> {
  const client = new Client({ name: 'shared-queue-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  return client;
}

const READS: Array<[string, Record<string, unknown>]> = [
  ['domain_info', { domain: 'acme-widgets.com' }],
  ['get_ns', { domain: 'widgetlab.io' }],
  ['list_domain', {}],
  ['account_info', {}],
  ['get_dns', { domain: 'acme-widgets.com' }],
];

/** Two sessions, each firing `perSession` read calls at once; returns every result. */
async function twoSessionsAtOnce(stack: Stack, perSession: number): Promise<CallToolResult[]> {
  const sessions = await Promise.all([connect(stack.http.url), connect(stack.http.url)]);
  try {
    const calls = sessions.flatMap((client) =>
      Array.from({ length: perSession }, (_, i) => {
        const [name, args] = READS[i % READS.length] as [string, Record<string, unknown>];
        return client.callTool({ name, arguments: args }) as Promise<CallToolResult>;
      }),
    );
    return await Promise.all(calls);
  } finally {
    await Promise.all(sessions.map((client) => client.close()));
  }
}

describe('one queue per API key across HTTP sessions', () => {
  it('two sessions calling at once never overlap requests for one key', async () => {
    const stack = await startStack(`shared-queue-key-${randomBytes(6).toString('hex')}`, 1);
    const results = await twoSessionsAtOnce(stack, 15);
    const failed = results.filter((r) => r.isError).map(textOf);
    expect(failed).toEqual([]);
    expect(results).toHaveLength(30);
    // Two sessions, two Api3Clients, one key.
    expect(stack.clients.length).toBe(2);
    expect(stack.simulator.requests.length).toBeGreaterThanOrEqual(30);
    expect(stack.simulator.maxInFlightSeen).toBe(1);
  });

  it('control: with concurrency 3 for a distinct key the simulator does see overlap', async () => {
    // Queue limits are fixed by the first client of a key, so this needs a key of its own.
    const stack = await startStack(`shared-queue-control-${randomBytes(6).toString('hex')}`, 3);
    const results = await twoSessionsAtOnce(stack, 15);
    expect(results.filter((r) => r.isError).map(textOf)).toEqual([]);
    expect(stack.simulator.maxInFlightSeen).toBeGreaterThan(1);
    expect(stack.simulator.maxInFlightSeen).toBeLessThanOrEqual(3);
  });
  it('control: sessions with different keys, each at concurrency 1, do overlap (the queue is per key)', async () => {
    const stack = await startStack(`shared-queue-two-keys-${randomBytes(6).toString('hex')}`, 1, true);
    const results = await twoSessionsAtOnce(stack, 15);
    expect(results.filter((r) => r.isError).map(textOf)).toEqual([]);
    expect(stack.clients.length).toBe(2);
    // The simulator counts in flight per key, so overlap across two keys shows in arrival times:
    // each answer takes 20 ms, so two arrivals less than 18 ms apart were in flight together.
    const arrivals = stack.simulator.requests.map((r) => r.at).sort((a, b) => a - b);
    const gaps = arrivals.slice(1).map((at, i) => at - (arrivals[i] as number));
    expect(Math.min(...gaps)).toBeLessThan(18);
  });
});

describe('AccountQueue rate limit', () => {
  it('starts only ratePerMinute tasks in a minute, however much concurrency is free', async () => {
    vi.useFakeTimers();
    const queue = new AccountQueue({ concurrency: 5, ratePerMinute: 3 });
    let started = 0;
    const done = Array.from({ length: 4 }, () =>
      queue.run(async () => {
        started++;
      }),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toBe(3);
    await vi.advanceTimersByTimeAsync(200);
    expect(started).toBe(3);
    expect(queue.pending).toBe(1);
    await vi.advanceTimersByTimeAsync(59_000);
    expect(started).toBe(3);
    // A minute after the first start, the window has room again.
    await vi.advanceTimersByTimeAsync(1_000);
    expect(started).toBe(4);
    await Promise.all(done);
  });
});
