import { appendFileSync } from 'node:fs';
import { redact } from '../api3/redact.js';
import { log } from '../log.js';

/**
 * The audit log: one JSON line per call that may have changed the account (writes and
 * confirmed destructive calls, whether they succeeded or not), so a person can later see what
 * an agent did. Written synchronously: writes are rare, and a line must not be lost to a crash.
 */
export interface AuditEntry {
  tool: string;
  args: Record<string, unknown>;
  outcome: 'done' | 'pending' | 'error';
  error?: string;
}

export type AuditLog = (entry: AuditEntry) => void;

export function fileAuditLog(path: string): AuditLog {
  return (entry) => {
    const line = redact(JSON.stringify({ time: new Date().toISOString(), ...entry }));
    try {
      appendFileSync(path, `${line}\n`, { mode: 0o600 });
    } catch (error) {
      // The call already happened; failing it now would only hide its outcome from the agent.
      log('error', `could not write the audit log ${path}: ${(error as Error).message}`);
    }
  };
}
