import { queueForKey, type RequestQueue } from '../api3/queue.js';
import { fileAuditLog, type AuditLog } from '../server/audit.js';
import { FileUseStore, type UseStore } from '../server/single-use.js';
import { auditLogPath, type StateStore } from '../server/state-store.js';

/**
 * Everything several server instances for one account must agree on: the account's request
 * queue (api3 limits the account, not the instance), consumed confirmation ids, the snapshots
 * restore_settings puts back, and the audit log. One process and its state folder by default
 * (`folderState`); Redis when DYNADOT_STATE_URL is set (src/state/redis.ts, loaded only then).
 */
export interface SharedState {
  /** How errors and log lines name it. */
  readonly name: string;
  /** The request queue of the account `apiKey` reaches. */
  queueFor(apiKey: string, limits: QueueSettings): RequestQueue;
  readonly uses: UseStore | undefined;
  readonly snapshots: StateStore;
  readonly audit: AuditLog | undefined;
  /** Set when a call since `since` went on without the store (reads only): the note its answer carries. */
  unavailableSince(since: number): string | undefined;
  close(): Promise<void>;
}

export interface QueueSettings {
  concurrency: number;
  ratePerMinute: number;
  /** How long one request may take: a shared slot is held at most this long (plus a margin) if its holder dies. */
  timeoutMs: number;
}

/** Today's state: this process's queue per key, the state folder's confirmations, snapshots and audit log. */
export function folderState(snapshots: StateStore, auditSetting: string | undefined): SharedState {
  const auditPath = auditLogPath(auditSetting, snapshots);
  return {
    name: 'the state folder (DYNADOT_STATE_DIR)',
    queueFor: (apiKey, limits) => queueForKey(apiKey, limits),
    uses: new FileUseStore(snapshots.confirmationsDir),
    snapshots,
    audit: auditPath ? fileAuditLog(auditPath) : undefined,
    unavailableSince: () => undefined,
    close: async () => undefined,
  };
}
