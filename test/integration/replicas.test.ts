import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, StreamableHTTPClientTransport, type CallToolResult } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/server.js';
import { BIN, envWithoutDynadot } from '../bundle/support.js';
import { redisOrSkip, startRedis, type RedisServer } from '../helpers/redis.js';

/**
 * Two instances of the built server (two processes, two state folders) on one account, sharing
 * nothing but Redis (DYNADOT_STATE_URL, with a password), against the simulator with its
 * concurrency check on (1 in flight per key; the next gets "Too many requests"). Clients alternate
 * between the instances, as behind a balancer that knows no sessions.
 */

const KEY = 'replica-key-7e6d5c4b3a291807';
const REDIS_PASSWORD = 'redis-pass-5f4e3d2c1b0a9988';
const SECRET = 'replica-confirm-secret-0123456789abcdef';
const { skip } = redisOrSkip();

type Json = Record<string, unknown>;

interface Instance {
  child: ChildProcessWithoutNullStreams;
  url: string;
  output(): string;
}

async function startInstance(sim: Simulator, redis: RedisServer, stateDir: string): Promise<Instance> {
  const child = spawn(process.execPath, [BIN, '--transport', 'http', '--port', '0'], {
    env: envWithoutDynadot({
      DYNADOT_API_KEY: KEY,
      DYNADOT_API_URL: sim.url,
      DYNADOT_STATE_URL: redis.url,
      DYNADOT_STATE_DIR: stateDir,
      DYNADOT_CONFIRM_SECRET: SECRET,
      DYNADOT_TOOLSETS: 'all',
      DYNADOT_CONCURRENCY: '1',
      DYNADOT_RATE_PER_MIN: '6000',
      DYNADOT_MCP_MAX_SESSIONS: '200',
      DYNADOT_LOG_LEVEL: 'debug',
    }),
  });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const deadline = Date.now() + 15_000;
  let match: RegExpExecArray | null = null;
  while (!(match = /listening on (http:\/\/\S+)/.exec(output)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  if (!match) throw new Error(`the server did not start:\n${output}`);
  return { child, url: match[1] as string, output: () => output };
}

async function connect(instance: Instance): Promise<Client> {
  const client = new Client({ name: 'replicas-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(instance.url)));
  return client;
}

async function call(client: Client, name: string, args: Json): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

function structured(result: CallToolResult): Json {
  return (result.structuredContent ?? {}) as Json;
}

function errorOf(result: CallToolResult): Json {
  const first = result.content[0];
  return first?.type === 'text' ? (JSON.parse(first.text) as Json) : {};
}

async function previewId(client: Client, tool: string, args: Json): Promise<string> {
  const preview = structured(await call(client, tool, args)).preview as Json | undefined;
  const id = preview?.confirmation_id;
  if (typeof id !== 'string') throw new Error(`no confirmation id: ${JSON.stringify(preview)}`);
  return id;
}

describe.skipIf(skip)('two instances on one account, sharing state through Redis', () => {
  let redis: RedisServer;
  let sim: Simulator;
  let a: Instance;
  let b: Instance;
  let onA: Client;
  let onB: Client;
  const dirs: string[] = [];
  const sent = (command: string) => sim.requests.filter((r) => r.command === command);

  beforeAll(async () => {
    redis = await startRedis({ password: REDIS_PASSWORD });
    sim = await startSimulator({ keys: [KEY], maxConcurrentPerKey: 1, latencyMs: 1, requestLogLimit: 10_000 });
    for (let i = 0; i < 2; i++) dirs.push(mkdtempSync(join(tmpdir(), 'dynadot-replica-')));
    [a, b] = await Promise.all([startInstance(sim, redis, dirs[0] as string), startInstance(sim, redis, dirs[1] as string)]);
    [onA, onB] = await Promise.all([connect(a), connect(b)]);
  }, 30_000);

  afterAll(async () => {
    await Promise.allSettled([onA?.close(), onB?.close()]);
    for (const instance of [a, b]) {
      if (!instance || instance.child.exitCode !== null) continue;
      const exited = new Promise((resolve) => instance.child.once('exit', resolve));
      instance.child.kill('SIGTERM');
      await exited;
    }
    await sim?.close();
    await redis?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('20 clients × 100 calls, alternating instances: never more than 1 in flight at the simulator, nor past the rate', async () => {
    sim.reset();
    const clients = await Promise.all(Array.from({ length: 20 }, async () => [await connect(a), await connect(b)] as const));
    try {
      const results = await Promise.all(
        clients.map(async (pair) => {
          const out: CallToolResult[] = [];
          for (let i = 0; i < 100; i++) out.push(await call(pair[i % 2] as Client, 'get_ns', { domain: 'acme-widgets.com' }));
          return out;
        }),
      );
      const all = results.flat();
      expect(all.filter((r) => r.isError).map((r) => errorOf(r))).toEqual([]);
      expect(all).toHaveLength(2_000);
      expect(sim.concurrencyRefusals).toBe(0);
      expect(sim.maxInFlightSeen).toBe(1);
      expect(sent('get_ns')).toHaveLength(2_000);
      // The rate: no 60 s window holds more than DYNADOT_RATE_PER_MIN starts (tests/replicas-rate proves it binds).
      const times = sent('get_ns').map((r) => r.at);
      for (let i = 0; i < times.length; i++)
        expect(times.filter((t) => t >= (times[i] as number) && t < (times[i] as number) + 60_000).length).toBeLessThanOrEqual(6_000);
    } finally {
      await Promise.allSettled(clients.flat().map((client) => client.close()));
    }
  }, 120_000);

  it('a confirmation used on A and replayed on B buys once', async () => {
    sim.reset();
    const renew = { domain: 'acme-widgets.com', years: 1 };
    const id = await previewId(onA, 'renew', renew);
    const confirmed = { ...renew, confirm: true, confirmation_id: id };
    const first = await call(onA, 'renew', confirmed);
    expect(first.isError ?? false, JSON.stringify(first.content)).toBe(false);
    const replayed = await call(onB, 'renew', confirmed);
    const orders = sent('renew').filter((r) => r.params.price_check === undefined);
    expect(orders).toHaveLength(1);
    expect(structured(replayed)).toMatchObject({ replay: true });
  }, 30_000);

  it('a set_dns2 on A is listed and restored exactly from B', async () => {
    sim.reset();
    const before = structured(await call(onB, 'get_dns', { domain: 'acme-widgets.com' })).dns;
    const change = { domains: ['acme-widgets.com'], records: [{ type: 'a', value: '198.51.100.7' }], ttl: 300 };
    const id = await previewId(onA, 'set_dns2', change);
    const done = structured(await call(onA, 'set_dns2', { ...change, confirm: true, confirmation_id: id }));
    const snapshotId = done.snapshot_id;
    expect(snapshotId).toMatch(/^s-/);
    expect(structured(await call(onA, 'get_dns', { domain: 'acme-widgets.com' })).dns).not.toEqual(before);

    const listed = structured(await call(onB, 'list_snapshots', { domain: 'acme-widgets.com' })).items as Json[];
    expect(listed.map((item) => item.id)).toContain(snapshotId);
    const restoreId = await previewId(onB, 'restore_settings', { snapshot_id: snapshotId });
    const restored = await call(onB, 'restore_settings', { snapshot_id: snapshotId, confirm: true, confirmation_id: restoreId });
    expect(structured(restored), JSON.stringify(restored.content)).toMatchObject({ all_restored: true });
    expect(structured(await call(onA, 'get_dns', { domain: 'acme-widgets.com' })).dns).toEqual(before);
  }, 30_000);

  it('Redis stopped mid-run: no write sent, a clear error, reads go on and say so; recovery when it returns, a used id stays used', async () => {
    sim.reset();
    // An id consumed before the outage: Redis's append-only file keeps it across the restart.
    const renew = { domain: 'widgetlab.io', years: 1 };
    const renewId = await previewId(onA, 'renew', renew);
    const renewed = await call(onA, 'renew', { ...renew, confirm: true, confirmation_id: renewId });
    expect(renewed.isError ?? false, JSON.stringify(renewed.content)).toBe(false);

    const change = { domains: ['acme-widgets.com'], records: [{ type: 'a', value: '198.51.100.8' }], ttl: 300 };
    const changeId = await previewId(onA, 'set_dns2', change);
    // Reads keep flowing on A while Redis goes away underneath them. Only A reads during the
    // outage: the instances cannot see each other's requests then, and this account allows 1 in
    // flight (README, Replicas), so reads from both at once could meet "too many requests".
    let stopReading = false;
    const readResults: CallToolResult[] = [];
    const reading = (async () => {
      while (!stopReading) {
        readResults.push(await call(onA, 'get_ns', { domain: 'acme-widgets.com' }));
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    try {
      while (readResults.length < 3) await new Promise((r) => setTimeout(r, 10));
      await redis.stop();
      const readBefore = readResults.length;
      while (readResults.length < readBefore + 3) await new Promise((r) => setTimeout(r, 10));
    } finally {
      stopReading = true;
      await reading;
    }
    expect(readResults.filter((r) => r.isError).map((r) => errorOf(r))).toEqual([]);
    const noted = readResults.filter((r) => /unreachable.*1 request at a time/.test(String(structured(r).state_store)));
    expect(noted.length).toBeGreaterThanOrEqual(2);

    // The confirmed call's fresh reads run on B alone; the change itself is refused before api3.
    const refused = await call(onB, 'set_dns2', { ...change, confirm: true, confirmation_id: changeId });
    expect(refused.isError).toBe(true);
    const error = errorOf(refused);
    expect(error.error).toBe('upstream_unavailable');
    expect(String(error.message)).toMatch(/shared state store \(Redis at DYNADOT_STATE_URL\).*nothing was sent/);
    // A write without a confirmation or snapshot is held by the queue itself.
    const forward = await call(onA, 'set_dns2', { domains: ['acme-widgets.com'], records: [{ type: 'txt', value: 'x' }], append: true });
    expect(forward.isError).toBe(true);
    expect(errorOf(forward).error).toBe('upstream_unavailable');
    expect(sent('set_dns2')).toHaveLength(0);

    await redis.start();
    // The store is back once a write goes through again (the client reconnects within a second or so).
    let again: CallToolResult | undefined;
    for (let i = 0; i < 50; i++) {
      const id = await previewId(onB, 'set_dns2', change);
      again = await call(onB, 'set_dns2', { ...change, confirm: true, confirmation_id: id });
      if (!again.isError) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(again?.isError ?? false, JSON.stringify(again?.content)).toBe(false);
    expect(sent('set_dns2')).toHaveLength(1);

    // Consumed before the restart, still consumed after it, on the other instance.
    const replay = await call(onB, 'renew', { ...renew, confirm: true, confirmation_id: renewId });
    expect(structured(replay)).toMatchObject({ replay: true });
    expect(sent('renew').filter((r) => r.params.price_check === undefined)).toHaveLength(1);
    expect(sim.concurrencyRefusals).toBe(0);
  }, 60_000);

  it('a frozen (slow) Redis refuses writes within a second or so, sending nothing', async () => {
    sim.reset();
    const change = { domains: ['acme-widgets.com'], records: [{ type: 'a', value: '198.51.100.9' }], ttl: 300 };
    const id = await previewId(onA, 'set_dns2', change);
    redis.freeze();
    try {
      const refused = await call(onA, 'set_dns2', { ...change, confirm: true, confirmation_id: id });
      expect(refused.isError).toBe(true);
      expect(errorOf(refused).error).toBe('upstream_unavailable');
      expect(sent('set_dns2')).toHaveLength(0);
    } finally {
      redis.thaw();
    }
  }, 30_000);

  it('neither the Redis password nor the API key appears in any output of either instance', () => {
    for (const instance of [a, b]) {
      expect(instance.output()).not.toContain(REDIS_PASSWORD);
      expect(instance.output()).not.toContain(KEY);
      expect(instance.output()).toMatch(/shared state: the shared state store/);
    }
  });
});
