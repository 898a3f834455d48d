import { closeSync, constants, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { redact } from '../api3/redact.js';
import { errorMessage, log } from '../log.js';
import { asJson, isJson } from './condense.js';
import { readNoFollow } from './state-store.js';
import { maskSensitive, type DeclaresSensitive } from './sensitive.js';

/**
 * The audit log: one JSON line per call that may have changed the account (writes and
 * confirmed destructive calls, whether they succeeded or not), so a person can later see what
 * an agent did. Written synchronously: writes are rare, and a line must not be lost to a crash.
 */
export interface AuditEntry {
  tool: string;
  /** The call's arguments; an entry that reaches an AuditLog through `maskedAuditLog` has its secrets as `***`. */
  args: Record<string, unknown>;
  /** `sending` is written before the request: a change whose line cannot be written is not sent. */
  /**
   * `cancelled`: the client left (cancelled, timed out, closed its request or session) while the
   * call was still queued, so it was never sent. `abandoned`: the client left while the call
   * was on the wire; `result` says how it ended (`done`, `pending` or an error code).
   */
  outcome: 'sending' | 'done' | 'pending' | 'error' | 'cancelled' | 'abandoned';
  error?: string;
  /** For `abandoned`: how the call the client no longer waited for ended. */
  result?: string;
  /** The snapshot of the settings this call replaces, for restore_settings. */
  snapshot_id?: string;
}

/**
 * Writes one entry. A file is written at once; a shared store (src/state/redis.ts) answers a
 * promise, which the server awaits. Either throws (or rejects) for a `sending` entry it could not
 * write, so the change is not sent.
 */
export type AuditLog = ((entry: AuditEntry) => void) | ((entry: AuditEntry) => Promise<void>);

export function fileAuditLog(path: string): AuditLog {
  return (entry) => {
    const line = redact(JSON.stringify({ time: new Date().toISOString(), ...entry }));
    try {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      appendLine(path, line);
    } catch (error) {
      // Before the request: refuse the change rather than make one nobody can trace.
      if (entry.outcome === 'sending') throw error;
      // After it: the call already happened; failing it now would only hide its outcome from the agent.
      log('error', `could not write the audit log ${path}: ${errorMessage(error)}`);
    }
  };
}

/**
 * One line appended, never through a symbolic link (O_NOFOLLOW): a linked audit.jsonl would put
 * the account's history into whatever file it points to. New files are 0600.
 */
function appendLine(path: string, line: string): void {
  let fd: number;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW, 0o600);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ELOOP') throw new Error(`${path} is a symbolic link; the audit log is never written through one`);
    throw error;
  }
  try {
    writeSync(fd, `${line}\n`);
  } finally {
    closeSync(fd);
  }
}

/** A change the log says was on its way or left on the wire, with nothing after it: the server stopped (kill, crash) or the client left. */
export interface UnfinishedChange {
  tool: string;
  domains: string[];
  time: string;
  outcome: 'sending' | 'abandoned';
}

/**
 * The audit log's last entry, when it is a `sending` (the process ended before the outcome was
 * written) or an `abandoned` (the client left while it was on the wire): read at start-up so the
 * server can say so. Only the log's tail is read; no log, or one that cannot be read, tells nothing.
 */
export function unfinishedChange(path: string): UnfinishedChange | undefined {
  let text: string;
  try {
    text = readNoFollow(path).slice(-65_536);
  } catch {
    return undefined;
  }
  const last = text.trimEnd().split('\n').pop();
  let entry: unknown;
  try {
    entry = last ? JSON.parse(last) : undefined;
  } catch {
    return undefined;
  }
  if (!isJson(entry) || (entry.outcome !== 'sending' && entry.outcome !== 'abandoned') || typeof entry.tool !== 'string') return undefined;
  const args = asJson(entry.args);
  const named = Array.isArray(args.domains) ? args.domains : [args.domain];
  return {
    tool: entry.tool,
    domains: named.filter((domain): domain is string => typeof domain === 'string'),
    time: typeof entry.time === 'string' ? entry.time : 'unknown',
    outcome: entry.outcome,
  };
}

/** What to tell a person and an agent about an unfinished change: what it was, and which reads tell how it ended. */
export function describeUnfinished(change: UnfinishedChange): string {
  const what = `${change.tool}${change.domains.length > 0 ? ` on ${change.domains.join(', ')}` : ''} at ${change.time}`;
  const state =
    change.outcome === 'sending'
      ? 'was being sent when this server last stopped, and its outcome was never recorded'
      : 'was left by its client while on the wire';
  return `The last change in the audit log, ${what}, ${state}: it may or may not have taken effect. Before repeating it, check is_processing, then domain_info, get_dns or get_account_balance.`;
}

/**
 * `audit` behind a mask: every entry's arguments have the secret fields its tool declares
 * (`sensitive` in the spec) replaced by `***` before `audit` sees them, so no audit log, a file
 * or a test's array, ever holds one. An entry for a tool not in `specs` passes unchanged.
 */
export function maskedAuditLog(audit: AuditLog, specs: Iterable<DeclaresSensitive & { name: string }>): AuditLog {
  const byName = new Map<string, DeclaresSensitive>();
  for (const spec of specs) if (spec.sensitive?.length) byName.set(spec.name, spec);
  return (entry: AuditEntry): void | Promise<void> => audit({ ...entry, args: maskSensitive(byName.get(entry.tool), entry.args) });
}
