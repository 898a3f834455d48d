import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { errorMessage, log } from '../log.js';
import { isJson, type Json } from './condense.js';
import { CONFIRMATION_TTL_MS } from './confirmation.js';
import { readNoFollow, writeNew } from './state-store.js';

/**
 * Single use of confirmation ids. An id is an HMAC that any replica can check, so by itself it
 * could be presented again: a client retrying after a timeout, three copies sent at once, a
 * second process with the same secret. Each would send the order again. So the first use that
 * the gate lets through consumes the id, atomically, right before the call is sent; every later
 * use sends nothing and answers with what the first one answered (or that it is still running).
 */

/** How the first use of an id ended: the answer it gave, a result or an error, as JSON. */
export type UseOutcome = { result: Json } | { error: Json };

/** What is kept per consumed id. */
export interface UseRecord {
  /** A digest of the tool and arguments the id was used for: a use for another call is no replay. */
  call: string;
  /** Absent while the first use is still running. */
  outcome?: UseOutcome;
}

/**
 * Where consumed ids are kept beyond this process: the state folder (FileUseStore), later a
 * shared store for replicas on several machines (Redis: SET NX PX / GET / SET XX PX). `key` is a
 * digest of the id, never the id itself.
 */
export interface UseStore {
  /** Atomically records `key` as taken; false when it already was (by anyone, in any process). */
  take(key: string, record: UseRecord): Promise<boolean>;
  /** The record of a taken key, or undefined when none (or expired). An unreadable record is "in progress". */
  read(key: string): Promise<UseRecord | undefined>;
  /** The first use ended: its outcome for later uses. */
  finish(key: string, record: UseRecord): Promise<void>;
}

/** Claiming an id: the first use gets `settle`, every other one what the first answered (or will). */
export type Claim = { first: true; settle(outcome: UseOutcome): Promise<void> } | { first: false; earlier: Promise<UseRecord> };

/** How long a record is kept: an id is valid at most this long, and an expired one is refused anyway. */
export const KEEP_MS = CONFIRMATION_TTL_MS + 60_000;

function keyOf(id: string): string {
  return createHash('sha256').update(`confirmation\u0000${id}`).digest('hex');
}

/**
 * The consumed ids of one server (every HTTP session of a process shares it): an in-process map,
 * so concurrent copies in this process wait for the first one's answer, over an optional
 * `UseStore` shared with other processes.
 */
export class ConfirmationUses {
  private readonly here = new Map<string, { call: string; done: Promise<UseRecord>; expires: number }>();

  constructor(
    private readonly shared?: UseStore,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** An earlier use of `id` for this same call, if there was one: known here, or in the shared store. */
  async earlier(id: string, call: string): Promise<Promise<UseRecord> | undefined> {
    this.sweep();
    const local = this.here.get(keyOf(id));
    if (local) return local.call === call ? local.done : undefined;
    const record = await this.shared?.read(keyOf(id));
    return record && record.call === call ? Promise.resolve(record) : undefined;
  }

  /** Consumes `id` for `call`: only the first claim, in this process or any sharing the store, may send. */
  async claim(id: string, call: string): Promise<Claim> {
    this.sweep();
    const key = keyOf(id);
    const local = this.here.get(key);
    if (local) return { first: false, earlier: local.done };
    // Taken here synchronously, before any await: concurrent copies in this process see it.
    let resolve: (record: UseRecord) => void = () => undefined;
    const done = new Promise<UseRecord>((r) => (resolve = r));
    this.here.set(key, { call, done, expires: this.now() + KEEP_MS });
    let taken: boolean;
    try {
      taken = this.shared ? await this.shared.take(key, { call }) : true;
    } catch (error) {
      // The store cannot say whether another process used the id: refuse rather than risk a second order.
      this.here.delete(key);
      resolve({ call, outcome: { error: { error: 'api_error', message: 'the confirmation could not be recorded as used; nothing was sent' } } });
      throw error;
    }
    if (!taken) {
      // Another process has it: this process answers what that one recorded (or "in progress").
      const record = (await this.shared?.read(key)) ?? { call };
      this.here.delete(key);
      resolve(record);
      return { first: false, earlier: Promise.resolve(record) };
    }
    return {
      first: true,
      settle: async (outcome) => {
        resolve({ call, outcome });
        if (!this.shared) return;
        try {
          await this.shared.finish(key, { call, outcome });
          // The store answers later uses from now on: kept here too, every confirmed call of the
          // last 11 minutes would sit in memory with its answer.
          if (this.here.get(key)?.done === done) this.here.delete(key);
        } catch (error) {
          // Later uses then read "in progress" from the store: still nothing is sent twice.
          log('error', `could not record the outcome of a confirmed call: ${errorMessage(error)}`);
        }
      },
    };
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.here) if (entry.expires < now) this.here.delete(key);
  }
}

function isUseRecord(value: unknown): value is UseRecord {
  if (!isJson(value) || typeof value.call !== 'string') return false;
  const outcome = value.outcome;
  return outcome === undefined || (isJson(outcome) && (isJson(outcome.result) || isJson(outcome.error)));
}

/**
 * Consumed ids in the state folder, shared by every process using it: `confirmations/<key>.json`,
 * created with O_EXCL (the atomic "first one wins" across processes) and O_NOFOLLOW, 0600 in a
 * 0700 folder, rewritten through a rename with the outcome. Records older than an id's lifetime
 * are swept.
 */
export class FileUseStore implements UseStore {
  private lastSweep = 0;

  constructor(
    readonly dir: string,
    private readonly now: () => number = () => Date.now(),
  ) {}

  async take(key: string, record: UseRecord): Promise<boolean> {
    this.sweep();
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    try {
      // O_EXCL: of all processes creating it, exactly one succeeds.
      writeNew(this.path(key), JSON.stringify(record));
    } catch (error) {
      if (isErrno(error, 'EEXIST')) return false;
      throw error;
    }
    return true;
  }

  async read(key: string): Promise<UseRecord | undefined> {
    let text: string;
    try {
      text = readNoFollow(this.path(key));
    } catch (error) {
      // No record, or no folder to hold one (then no process could have taken it either).
      if (isErrno(error, 'ENOENT') || isErrno(error, 'ENOTDIR')) return undefined;
      throw error;
    }
    try {
      const parsed: unknown = JSON.parse(text);
      if (isUseRecord(parsed)) return parsed;
    } catch {
      // Caught between its creation and its first write: still in progress.
    }
    return { call: '' };
  }

  async finish(key: string, record: UseRecord): Promise<void> {
    // Written beside it and renamed over it: a reader sees the old record or the new, never half.
    const temporary = join(this.dir, `${key}.${process.pid}.tmp`);
    writeNew(temporary, JSON.stringify(record));
    renameSync(temporary, this.path(key));
  }

  private path(key: string): string {
    return join(this.dir, `${key}.json`);
  }

  /** At most once a minute: records of ids that have expired since are no longer needed. */
  private sweep(): void {
    const now = this.now();
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return;
    }
    for (const name of names) {
      try {
        const path = join(this.dir, name);
        if (statSync(path).mtimeMs < now - KEEP_MS) unlinkSync(path);
      } catch {
        // Swept by another process meanwhile.
      }
    }
  }
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}
