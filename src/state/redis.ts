import { createHash, randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { Api3Error } from '../api3/errors.js';
import { AccountQueue, QueueCancelled, QueuePaused, type RequestQueue, type RunOptions } from '../api3/queue.js';
import { redact, registerSecret } from '../api3/redact.js';
import { errorMessage, log } from '../log.js';
import type { AuditEntry, AuditLog } from '../server/audit.js';
import type { Json } from '../server/condense.js';
import { KEEP_MS, type UseRecord, type UseStore } from '../server/single-use.js';
import { newSnapshot, StateStore, summarize, type SkippedFile, type Snapshot, type SnapshotSummary } from '../server/state-store.js';
import type { QueueSettings, SharedState } from './shared-state.js';

/**
 * The shared state in Redis (DYNADOT_STATE_URL), for several server instances on one account.
 *
 * - Queue: a semaphore (a sorted set of leases, each expiring if its holder dies) and a sliding
 *   window of the last minute's request starts, both checked and taken in one Lua script, so no two
 *   instances can both take the last slot; api3's "too many requests" pause is a key every instance
 *   checks in the same script.
 * - Confirmations: SET NX PX with the id's lifetime; the first instance to set it sends.
 * - Snapshots: one key per snapshot and a sorted index, kept SNAPSHOT_RETENTION_MS.
 * - Audit: a stream of the same JSON lines the file holds, trimmed to AUDIT_RETENTION_MS.
 *
 * When Redis cannot be reached (or answers slower than COMMAND_TIMEOUT_MS), nothing that changes
 * the account is sent: it answers upstream_unavailable naming the store. Reads go on within a
 * conservative local limit (one at a time, a quarter of the rate) and say so in their answer.
 * Redis restarts lose nothing it persisted (run it with appendonly yes); leases and the request
 * window are rebuilt from the requests that follow.
 */

/** Snapshots and audit entries are kept this long: the undo of a change is possible for 90 days. */
export const SNAPSHOT_RETENTION_MS = 90 * 24 * 3_600_000;
export const AUDIT_RETENTION_MS = 90 * 24 * 3_600_000;
/** Slower than this is unavailable: a request to api3 must not wait on a store in trouble. */
export const COMMAND_TIMEOUT_MS = 1_000;
const CONNECT_TIMEOUT_MS = 2_000;
const WINDOW_MS = 60_000;
/**
 * A slot another request holds is asked for again when a release is published, or after this
 * long at the latest (a holder that died releases nothing: its lease runs out).
 */
const SLOT_RECHECK_MS = 50;

const NAME = 'the shared state store (Redis at DYNADOT_STATE_URL)';
const HINT =
  "Writes and purchases wait for the shared state store: it holds every instance of this server to the account's limits and keeps a confirmation from acting twice. Reads go on at a reduced rate. Try again shortly; whoever runs the server checks Redis.";

/** The answer to a change that cannot go through the store: nothing was sent to Dynadot. */
export function storeUnavailable(what: string, error: unknown): Api3Error {
  return new Api3Error('upstream_unavailable', `${NAME} could not be reached (${redact(errorMessage(error))}): ${what}; nothing was sent to Dynadot`, {
    hint: HINT,
  });
}

/**
 * KEYS: leases, window, pause. ARGV: lease id, concurrency, rate, window ms, lease ms.
 * Answers {1} when the slot is taken, else {0, ms to wait or 0 for "until a lease ends", pause ms}.
 * Redis's own clock: every instance measures the window and the pause on the same one.
 */
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local pause = tonumber(redis.call('GET', KEYS[3]) or '0')
if pause > now then return {0, pause - now, pause - now} end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return {0, 0, 0} end
local window = tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - window)
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[3]) then
  local oldest = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
  return {0, math.max(1, tonumber(oldest[2]) + window - now), 0}
end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[5]), ARGV[1])
redis.call('ZADD', KEYS[2], now, ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
redis.call('PEXPIRE', KEYS[2], window)
return {1, 0, 0}
`;

/** KEYS: pause. ARGV: ms. A pause only ever grows. */
const PAUSE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local untilMs = now + tonumber(ARGV[1])
if tonumber(redis.call('GET', KEYS[1]) or '0') < untilMs then redis.call('SET', KEYS[1], untilMs, 'PX', ARGV[1]) end
return untilMs
`;

/** Resolves true after `ms` or when `wake` settles first, false as soon as `signal` aborts. */
function sleep(ms: number, signal: AbortSignal | undefined, wake?: Promise<void>): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (value: boolean) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(value);
    };
    const onAbort = () => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal?.addEventListener('abort', onAbort, { once: true });
    wake?.then(() => done(true));
  });
}

/** Failures of Redis itself, told apart from the task's own errors. */
class StoreDown extends Error {
  constructor(readonly reason: unknown) {
    super(errorMessage(reason));
    this.name = 'StoreDown';
  }
}

interface Tracker {
  /** A call went on without the store (a read within the local limit, a list from memory). */
  wentOnWithout(): void;
}

/**
 * One account's queue across every instance: this process's own AccountQueue first (so its
 * callers wait in order, in memory), then a slot from Redis for each request.
 */
class SharedQueue implements RequestQueue {
  private readonly local: AccountQueue;
  /** Reads while Redis is unreachable: never knowing what other instances send, it stays well under the account's limits. */
  private readonly alone: AccountQueue;
  private readonly keys: [string, string, string];
  /** Where a released slot is announced, so that waiting instances ask again at once. */
  readonly channel: string;
  private wakers: Array<() => void> = [];
  /** Leases whose release Redis did not take (it was away): returned when it is back, not left to run out. */
  private readonly unreleased = new Set<string>();

  constructor(
    private readonly redis: Redis,
    prefix: string,
    private readonly limits: QueueSettings,
    private readonly tracker: Tracker,
    private readonly windowMs = WINDOW_MS,
  ) {
    // In order and in memory, at most `concurrency` of this instance's callers at a time; the rate is Redis's to keep.
    this.local = new AccountQueue({ concurrency: limits.concurrency, ratePerMinute: Number.MAX_SAFE_INTEGER });
    this.alone = new AccountQueue({ concurrency: 1, ratePerMinute: Math.max(1, Math.floor(limits.ratePerMinute / 4)) });
    this.keys = [`${prefix}:leases`, `${prefix}:window`, `${prefix}:pause`];
    this.channel = `${prefix}:released`;
  }

  /** A slot was released somewhere: every caller waiting for one asks again. */
  wake(): void {
    const wakers = this.wakers;
    this.wakers = [];
    for (const wake of wakers) wake();
  }

  /**
   * Returns leases and announces it. One Redis did not take is kept and returned when Redis is
   * back (`releaseLeftovers`); it would otherwise hold a slot for the whole lease time after a
   * restart (Redis keeps it with the rest of its data).
   */
  private release(leases: string[]): void {
    const keep = () => {
      for (const lease of leases) this.unreleased.add(lease);
    };
    this.redis
      .multi()
      .zrem(this.keys[0], ...leases)
      .publish(this.channel, '')
      .exec()
      .then((results) => {
        if (!results || results.some(([error]) => error)) keep();
      }, keep);
  }

  /** Redis is reachable again: the leases it could not take back then are returned now. */
  releaseLeftovers(): void {
    if (this.unreleased.size === 0) return;
    const leases = [...this.unreleased];
    this.unreleased.clear();
    this.release(leases);
  }

  private nextRelease(): Promise<void> {
    return new Promise((resolve) => this.wakers.push(resolve));
  }

  now(): number {
    return Date.now();
  }

  get pausedUntil(): number | undefined {
    return this.local.pausedUntil;
  }

  pauseUntil(until: number): void {
    this.local.pauseUntil(until);
    this.alone.pauseUntil(until);
    const ms = Math.max(1, Math.ceil(until - this.now()));
    this.redis.eval(PAUSE, 1, this.keys[2], ms).catch((error: unknown) => {
      log('warn', `could not share api3's pause with the other instances through ${NAME}: ${errorMessage(error)}`);
    });
  }

  run<T>(task: () => Promise<T>, options: RunOptions = {}): Promise<T> {
    return this.local.run(async () => {
      let lease: string;
      try {
        lease = await this.acquire(options);
      } catch (error) {
        if (!(error instanceof StoreDown)) throw error;
        if (options.mutates) throw storeUnavailable('a change is only sent with a slot of the shared request queue', error.reason);
        this.tracker.wentOnWithout();
        const { front: _first, ...rest } = options;
        return this.alone.run(task, rest);
      }
      try {
        return await task();
      } finally {
        this.release([lease]);
      }
    }, options);
  }

  private async acquire(options: RunOptions): Promise<string> {
    const lease = randomBytes(8).toString('hex');
    const leaseMs = this.limits.timeoutMs + 10_000;
    const deadline = options.deadline ?? Number.POSITIVE_INFINITY;
    for (;;) {
      if (options.signal?.aborted) throw new QueueCancelled();
      // Listening before asking: a release between the answer and the wait is not missed.
      const released = this.nextRelease();
      let answer: unknown;
      try {
        answer = await this.redis.eval(ACQUIRE, 3, ...this.keys, lease, this.limits.concurrency, this.limits.ratePerMinute, this.windowMs, leaseMs);
      } catch (error) {
        throw new StoreDown(error);
      }
      const [taken, waitMs, pauseMs] = Array.isArray(answer) ? answer.map(Number) : [0, 0, 0];
      if (taken === 1) return lease;
      if (pauseMs && pauseMs > 0) {
        // Another instance was told to pause: this one holds its own callers to it too.
        const until = this.now() + pauseMs;
        this.local.pauseUntil(until);
        if (until > deadline) throw new QueuePaused(until);
      }
      // Every slot taken: until one is released. Over the rate or paused: until then.
      const slotsFull = !waitMs || waitMs <= 0;
      const woke = slotsFull ? await sleep(SLOT_RECHECK_MS, options.signal, released) : await sleep(Math.min(waitMs, 1_000), options.signal);
      if (!woke) throw new QueueCancelled();
    }
  }
}

/** Consumed confirmation ids: set once (NX), for the id's lifetime (PX), by whichever instance sends. */
class RedisUseStore implements UseStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async take(key: string, record: UseRecord): Promise<boolean> {
    try {
      return (await this.redis.set(`${this.prefix}:${key}`, JSON.stringify(record), 'PX', KEEP_MS, 'NX')) === 'OK';
    } catch (error) {
      throw storeUnavailable('the confirmation could not be recorded as used', error);
    }
  }

  async read(key: string): Promise<UseRecord | undefined> {
    let text: string | null;
    try {
      text = await this.redis.get(`${this.prefix}:${key}`);
    } catch (error) {
      throw storeUnavailable('whether this confirmation was used before could not be checked', error);
    }
    if (text === null) return undefined;
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null && 'call' in parsed && typeof parsed.call === 'string') return { ...parsed, call: parsed.call };
    } catch {
      // Not a record this server wrote: treated as in progress, so nothing is sent again.
    }
    return { call: '' };
  }

  async finish(key: string, record: UseRecord): Promise<void> {
    // XX: only over the record `take` set; its lifetime starts again, which only keeps it longer.
    await this.redis.set(`${this.prefix}:${key}`, JSON.stringify(record), 'PX', KEEP_MS, 'XX');
  }
}

/**
 * Snapshots in Redis, with the content and masking of the files. Tools read them synchronously
 * (get, list), so the server calls `refresh` before a call that reads them, which loads what other
 * instances saved into memory.
 */
class RedisSnapshots extends StateStore {
  private readonly mirror = new Map<string, Snapshot>();
  private readonly index: string;

  constructor(
    dir: string,
    demo: boolean,
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly tracker: Tracker,
  ) {
    super(dir, demo);
    this.index = `${prefix}:index`;
  }

  override save(): Snapshot {
    throw new Error('snapshots in the shared state store are saved with record()');
  }

  override async record(tool: string, args: Json, domains: Record<string, Json>): Promise<Snapshot> {
    const snapshot = newSnapshot(tool, args, domains);
    try {
      const results = await this.redis
        .multi()
        .set(`${this.prefix}:${snapshot.id}`, JSON.stringify(snapshot), 'PX', SNAPSHOT_RETENTION_MS)
        .zadd(this.index, Date.parse(snapshot.time), snapshot.id)
        .pexpire(this.index, SNAPSHOT_RETENTION_MS)
        .exec();
      const failed = results?.find(([error]) => error);
      if (!results || failed) throw failed?.[0] ?? new Error('the transaction was discarded');
    } catch (error) {
      throw storeUnavailable('the snapshot of the settings this change replaces could not be saved', error);
    }
    this.mirror.set(snapshot.id, snapshot);
    return snapshot;
  }

  override async refresh(): Promise<void> {
    try {
      await this.redis.zremrangebyscore(this.index, '-inf', Date.now() - SNAPSHOT_RETENTION_MS);
      const ids = await this.redis.zrange(this.index, 0, -1);
      const kept = new Set(ids);
      for (const id of this.mirror.keys()) if (!kept.has(id)) this.mirror.delete(id);
      const missing = ids.filter((id) => !this.mirror.has(id));
      if (missing.length === 0) return;
      const texts = await this.redis.mget(missing.map((id) => `${this.prefix}:${id}`));
      missing.forEach((id, i) => {
        const text = texts[i];
        if (!text) return;
        try {
          this.mirror.set(id, JSON.parse(text));
        } catch {
          log('warn', `snapshot ${id} in ${NAME} is not JSON; skipped`);
        }
      });
    } catch (error) {
      // The snapshots known here still list; a restore is a change, refused later without the store.
      log('warn', `could not read the snapshots in ${NAME}: ${errorMessage(error)}`);
      this.tracker.wentOnWithout();
    }
  }

  override async discard(id: string): Promise<void> {
    this.mirror.delete(id);
    await this.redis.multi().zrem(this.index, id).rename(`${this.prefix}:${id}`, `${this.prefix}:${id}.not_sent`).exec();
  }

  override markNotSent(id: string): void {
    this.discard(id).catch((error: unknown) => log('warn', `could not mark snapshot ${id} as not sent: ${errorMessage(error)}`));
  }

  override get(id: string): Snapshot | undefined {
    return this.mirror.get(id);
  }

  override list(options: { domain?: string; limit: number }): { items: SnapshotSummary[]; skipped: SkippedFile[] } {
    const items: SnapshotSummary[] = [];
    for (const id of [...this.mirror.keys()].sort().reverse()) {
      if (items.length >= options.limit) break;
      const snapshot = this.mirror.get(id);
      if (!snapshot || (options.domain && !(options.domain in snapshot.domains))) continue;
      items.push(summarize(snapshot));
    }
    return { items, skipped: [] };
  }
}

/** The audit log as a stream of the file's lines; a `sending` entry that cannot be written stops the change. */
function redisAuditLog(redis: Redis, key: string): AuditLog {
  return async (entry: AuditEntry) => {
    const line = redact(JSON.stringify({ time: new Date().toISOString(), ...entry }));
    try {
      await redis.xadd(key, 'MINID', '~', String(Date.now() - AUDIT_RETENTION_MS), '*', 'line', line);
    } catch (error) {
      if (entry.outcome === 'sending') throw storeUnavailable('the audit log entry for this change could not be written', error);
      log('error', `could not write the audit log in ${NAME}: ${errorMessage(error)}`);
    }
  };
}

export interface RedisStateOptions {
  url: string;
  /** The state folder: still where a demo session and start-up checks look, never where shared state goes. */
  dir: string;
  demo: boolean;
  /** The key whose account this instance serves: its queue, snapshots and audit are that account's. */
  apiKey: string;
  /** Every key starts with it; tests give each run its own. */
  keyPrefix?: string;
  /** The rate's window; a minute, as api3 counts. Tests shorten it to see the rate hold in seconds. */
  windowMs?: number;
}

/** A short digest naming an account in key names: the key itself never reaches Redis. */
export function accountId(apiKey: string): string {
  return createHash('sha256').update(`account\u0000${apiKey}`).digest('hex').slice(0, 16);
}

/** Connects to Redis (waiting up to CONNECT_TIMEOUT_MS; it keeps trying after that) and serves the shared state from it. */
export async function connectRedisState(options: RedisStateOptions): Promise<SharedState> {
  // The URL may hold a password: neither it nor the URL is ever printed.
  registerSecret(options.url);
  try {
    registerSecret(decodeURIComponent(new URL(options.url).password));
  } catch {
    // config.ts checked the form; nothing more to register
  }
  const redis = new Redis(options.url, {
    lazyConnect: true,
    connectTimeout: CONNECT_TIMEOUT_MS,
    commandTimeout: COMMAND_TIMEOUT_MS,
    // Fail at once while disconnected: a queued command would only answer after the request gave up.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: (attempt) => Math.min(100 * attempt, 1_000),
  });
  /** By the channel each announces its released slots on. */
  const queues = new Map<string, SharedQueue>();
  let down = false;
  redis.on('error', (error: unknown) => {
    if (down) return;
    down = true;
    log('warn', `${NAME} is unreachable (${errorMessage(error)}): writes are refused, reads go on at a reduced rate`);
  });
  redis.on('ready', () => {
    if (down) log('info', `${NAME} is reachable again`);
    down = false;
    for (const queue of queues.values()) queue.releaseLeftovers();
  });
  try {
    await redis.connect();
  } catch (error) {
    log('warn', `${NAME} could not be reached at start (${errorMessage(error)}); it keeps being tried`);
  }
  const prefix = `${options.keyPrefix ?? 'mcp-server-dynadot'}:${options.demo ? 'demo' : accountId(options.apiKey)}`;
  let lastWithout = Number.NEGATIVE_INFINITY;
  const tracker: Tracker = {
    wentOnWithout: () => {
      lastWithout = Date.now();
    },
  };
  const limitNote = (limits: QueueSettings) =>
    `${NAME} was unreachable: this answer was read within this instance's own limit (1 request at a time, ${Math.max(1, Math.floor(limits.ratePerMinute / 4))} a minute); writes and purchases are refused until it is back`;
  let queueLimits: QueueSettings | undefined;
  // A connection of its own: one that subscribes can send nothing else.
  const subscriber = redis.duplicate();
  subscriber.on('error', () => undefined);
  subscriber.on('message', (channel: string) => queues.get(channel)?.wake());
  subscriber.connect().catch(() => undefined);
  return {
    name: NAME,
    queueFor: (apiKey, limits) => {
      queueLimits ??= limits;
      const queuePrefix = `${options.keyPrefix ?? 'mcp-server-dynadot'}:${accountId(apiKey)}:queue`;
      let queue = queues.get(`${queuePrefix}:released`);
      if (!queue) {
        queue = new SharedQueue(redis, queuePrefix, limits, tracker, options.windowMs);
        queues.set(queue.channel, queue);
        // Resubscribed by the client after a reconnect; until then waiting callers ask every SLOT_RECHECK_MS.
        subscriber.subscribe(queue.channel).catch(() => undefined);
      }
      return queue;
    },
    uses: new RedisUseStore(redis, `${options.keyPrefix ?? 'mcp-server-dynadot'}:confirmation`),
    snapshots: new RedisSnapshots(options.dir, options.demo, redis, `${prefix}:snapshot`, tracker),
    audit: redisAuditLog(redis, `${prefix}:audit`),
    unavailableSince: (since) => (lastWithout >= since ? limitNote(queueLimits ?? { concurrency: 1, ratePerMinute: 60, timeoutMs: 0 }) : undefined),
    close: async () => {
      redis.disconnect();
      subscriber.disconnect();
    },
  };
}
