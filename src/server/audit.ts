import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { redact } from '../api3/redact.js';
import { errorMessage, log } from '../log.js';
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

export type AuditLog = (entry: AuditEntry) => void;

export function fileAuditLog(path: string): AuditLog {
  return (entry) => {
    const line = redact(JSON.stringify({ time: new Date().toISOString(), ...entry }));
    try {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      appendFileSync(path, `${line}\n`, { mode: 0o600 });
    } catch (error) {
      // Before the request: refuse the change rather than make one nobody can trace.
      if (entry.outcome === 'sending') throw error;
      // After it: the call already happened; failing it now would only hide its outcome from the agent.
      log('error', `could not write the audit log ${path}: ${errorMessage(error)}`);
    }
  };
}

/**
 * `audit` behind a mask: every entry's arguments have the secret fields its tool declares
 * (`sensitive` in the spec) replaced by `***` before `audit` sees them, so no audit log, a file
 * or a test's array, ever holds one. An entry for a tool not in `specs` passes unchanged.
 */
export function maskedAuditLog(audit: AuditLog, specs: Iterable<DeclaresSensitive & { name: string }>): AuditLog {
  const byName = new Map<string, DeclaresSensitive>();
  for (const spec of specs) if (spec.sensitive?.length) byName.set(spec.name, spec);
  return (entry) => audit({ ...entry, args: maskSensitive(byName.get(entry.tool), entry.args) });
}
