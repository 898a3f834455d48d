import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueuePaused } from '../../src/api3/queue.js';
import { MASKED_SECRET, registerSecret } from '../../src/api3/redact.js';
import { fileAuditLog, type AuditEntry } from '../../src/server/audit.js';
import { KEEP_MS } from '../../src/server/single-use.js';
import { StateStore } from '../../src/server/state-store.js';
import { accountId, AUDIT_RETENTION_MS, connectRedisState, SNAPSHOT_RETENTION_MS } from '../../src/state/redis.js';
import type { SharedState } from '../../src/state/shared-state.js';
import { redisOrSkip, startRedis, type RedisServer } from '../helpers/redis.js';

/**
 * The Redis state store alone, two connections standing for two instances: the queue's rate and
 * concurrency hold across them (with the window shortened to a second, so the rate binds within
 * the test), api3's pause is shared, and confirmations, snapshots and audit lines are what the
 * state folder would hold.
 */

const KEY = 'store-key-0f1e2d3c4b5a6978';
const { skip } = redisOrSkip();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(skip)('the Redis state store', () => {
  let redis: RedisServer;
  let dir: string;
  let one: SharedState;
  let two: SharedState;
  let raw: Redis;
  const prefix = `test-${process.pid}`;

  beforeAll(async () => {
    redis = await startRedis();
    dir = mkdtempSync(join(tmpdir(), 'dynadot-store-'));
    const options = { url: redis.url, dir, demo: false, apiKey: KEY, keyPrefix: prefix, windowMs: 1_000 };
    [one, two] = await Promise.all([connectRedisState(options), connectRedisState(options)]);
    raw = new Redis(redis.url);
  }, 20_000);

  afterAll(async () => {
    raw?.disconnect();
    await one?.close();
    await two?.close();
    await redis?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds the rate and the concurrency across instances', async () => {
    const limits = { concurrency: 2, ratePerMinute: 5, timeoutMs: 5_000 };
    const queues = [one.queueFor(KEY, limits), two.queueFor(KEY, limits)];
    const starts: number[] = [];
    let inFlight = 0;
    let most = 0;
    const began = Date.now();
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        queues[i % 2]?.run(async () => {
          starts.push(Date.now());
          most = Math.max(most, ++inFlight);
          await sleep(30);
          inFlight--;
        }),
      ),
    );
    expect(most).toBeLessThanOrEqual(2);
    expect(most).toBe(2);
    // 12 starts at 5 a window: the third window is needed, so at least two have passed.
    expect(Date.now() - began).toBeGreaterThanOrEqual(2_000 - 50);
    // A start is recorded here after Redis granted it, late by however busy this machine is: a
    // 200 ms margin at the window's end (without the limit all 12 would start within one such span).
    for (const start of starts) expect(starts.filter((t) => t >= start && t < start + 800).length).toBeLessThanOrEqual(5);
  }, 20_000);

  it("shares api3's pause: a caller of the other instance that cannot wait is refused, one that can waits", async () => {
    const limits = { concurrency: 1, ratePerMinute: 1_000, timeoutMs: 5_000 };
    // Another account, so the previous test's window does not count here.
    const first = one.queueFor(`${KEY}-pause`, limits);
    const second = two.queueFor(`${KEY}-pause`, limits);
    await first.run(async () => undefined);
    first.pauseUntil(Date.now() + 600);
    await sleep(50);
    await expect(second.run(async () => 'sent', { deadline: Date.now() + 100 })).rejects.toBeInstanceOf(QueuePaused);
    const asked = Date.now();
    await second.run(async () => 'sent');
    expect(Date.now() - asked).toBeGreaterThanOrEqual(400);
  }, 10_000);

  it('a confirmation is taken once, by either instance, for the id lifetime', async () => {
    const key = `digest-${Date.now()}`;
    expect(await one.uses?.take(key, { call: 'c' })).toBe(true);
    expect(await two.uses?.take(key, { call: 'c' })).toBe(false);
    await one.uses?.finish(key, { call: 'c', outcome: { result: { done: true } } });
    expect(await two.uses?.read(key)).toEqual({ call: 'c', outcome: { result: { done: true } } });
    const ttl = await raw.pttl(`${prefix}:confirmation:${key}`);
    expect(ttl).toBeGreaterThan(KEEP_MS - 5_000);
    expect(ttl).toBeLessThanOrEqual(KEEP_MS);
  });

  it('snapshots hold what the file holds, masked alike, and show on the other instance', async () => {
    const secret = 'configured-secret-9a8b7c6d';
    registerSecret(secret);
    const domains = { 'acme-widgets.com': { type: 'dynadot_dns', ttl: 300, records: [{ type: 'txt', value: `v=1 ${secret} ?key=theirs` }] } };
    const saved = await one.snapshots.record('set_dns2', { domains: ['acme-widgets.com'] }, domains);
    const file = new StateStore(join(dir, 'folder'), false).save('set_dns2', { domains: ['acme-widgets.com'] }, domains);
    const { id: _a, time: _b, ...inRedis } = saved;
    const { id: _c, time: _d, ...inFile } = file;
    expect(inRedis).toEqual(inFile);
    expect(JSON.stringify(inRedis)).toContain(MASKED_SECRET);
    expect(JSON.stringify(inRedis)).toContain('?key=theirs');
    expect(JSON.stringify(inRedis)).not.toContain(secret);

    await two.snapshots.refresh();
    expect(two.snapshots.get(saved.id)).toEqual(saved);
    expect(two.snapshots.list({ domain: 'acme-widgets.com', limit: 10 }).items.map((item) => item.id)).toContain(saved.id);
    const ttl = await raw.pttl(`${prefix}:${accountId(KEY)}:snapshot:${saved.id}`);
    expect(ttl).toBeGreaterThan(SNAPSHOT_RETENTION_MS - 60_000);

    // Not sent after all: neither listed nor restored, on either instance.
    await one.snapshots.discard(saved.id);
    await two.snapshots.refresh();
    expect(two.snapshots.get(saved.id)).toBeUndefined();
  });

  it('audit lines are the lines audit.jsonl gets, redacted alike, trimmed by age', async () => {
    registerSecret(KEY);
    const entry: AuditEntry = { tool: 'set_note', args: { domain: 'acme-widgets.com', note: `key ${KEY} ?key=abc` }, outcome: 'sending' };
    const path = join(dir, 'audit.jsonl');
    fileAuditLog(path)(entry);
    await one.audit?.(entry);
    const fromFile = JSON.parse(readFileSync(path, 'utf8').trim());
    const streamKey = `${prefix}:${accountId(KEY)}:audit`;
    const [[, fields] = ['', []]] = await raw.xrevrange(streamKey, '+', '-', 'COUNT', 1);
    const fromRedis = JSON.parse(String(fields[1]));
    const { time: _t1, ...a } = fromFile;
    const { time: _t2, ...b } = fromRedis;
    expect(b).toEqual(a);
    expect(fields[1]).not.toContain(KEY);
    expect(AUDIT_RETENTION_MS).toBe(90 * 24 * 3_600_000);
  });

  it('a store that cannot be reached refuses a change with upstream_unavailable, and a read goes on and says so', async () => {
    const down = await connectRedisState({ url: 'redis://127.0.0.1:1', dir, demo: false, apiKey: KEY, keyPrefix: prefix });
    try {
      const queue = down.queueFor(KEY, { concurrency: 1, ratePerMinute: 60, timeoutMs: 5_000 });
      const since = Date.now();
      await expect(queue.run(async () => 'sent', { mutates: true })).rejects.toMatchObject({ code: 'upstream_unavailable' });
      expect(down.unavailableSince(since)).toBeUndefined();
      await expect(queue.run(async () => 'read')).resolves.toBe('read');
      expect(down.unavailableSince(since)).toMatch(/1 request at a time, 15 a minute/);
      await expect(down.uses?.take('k', { call: 'c' })).rejects.toMatchObject({ code: 'upstream_unavailable' });
      await expect(down.snapshots.record('set_ns', {}, {})).rejects.toMatchObject({ code: 'upstream_unavailable' });
      await expect(down.audit?.({ tool: 'set_note', args: {}, outcome: 'sending' })).rejects.toMatchObject({ code: 'upstream_unavailable' });
    } finally {
      await down.close();
    }
  }, 15_000);
});
