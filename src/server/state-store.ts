import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { maskSecretsIn } from '../api3/redact.js';
import type { Json } from './condense.js';

/**
 * The local state of the server: snapshots of settings taken before they were replaced, so a
 * person can get them back without relying on the agent. One JSON file per snapshot, readable by
 * this user only (0600 in a 0700 folder), never holding the API key. A demo session keeps its
 * own folder, so the simulated account's snapshots never mix with a real account's.
 */
export interface Snapshot {
  id: string;
  /** ISO 8601 UTC. */
  time: string;
  /** The tool whose call replaced these settings. */
  tool: string;
  /** Its arguments, secrets masked. */
  args: Json;
  /** Each domain's setting before the call, as get_dns condenses it (service, name servers, records, TTL). */
  domains: Record<string, Json>;
}

/** What `get` accepts from a snapshot file: anything else is treated as no snapshot. */
const snapshotFile: z.ZodType<Snapshot> = z.object({
  id: z.string(),
  time: z.string(),
  tool: z.string(),
  args: z.record(z.string(), z.unknown()),
  domains: z.record(z.string(), z.record(z.string(), z.unknown())),
});

export interface SnapshotSummary {
  id: string;
  time: string;
  tool: string;
  domains: string[];
  summary: string;
}

/**
 * The platform's user state folder: XDG_STATE_HOME (Linux, default ~/.local/state), Application
 * Support on macOS, LOCALAPPDATA on Windows.
 */
export function defaultStateDir(env: NodeJS.ProcessEnv = process.env): string {
  if (process.platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'mcp-server-dynadot');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'mcp-server-dynadot');
  return join(env.XDG_STATE_HOME || join(homedir(), '.local', 'state'), 'mcp-server-dynadot');
}

/** A snapshot id: the one place its form is written down. */
export const SNAPSHOT_ID = /^s-\d{8}T\d{9}Z-[0-9a-f]{6}$/;
const ID = SNAPSHOT_ID;

/** `s-20261124T203800123Z-1a2b3c`: sorts by time to the millisecond (a change and its quick restore), names no domain. */
function newId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:.]/g, '');
  return `s-${stamp}-${randomBytes(3).toString('hex')}`;
}

function describe(setting: Json): string {
  const type = String(setting.type ?? 'unknown');
  if (type === 'dynadot_dns') return `Dynadot DNS, ${Array.isArray(setting.records) ? setting.records.length : 0} records, TTL ${String(setting.ttl ?? '?')}`;
  if (type === 'name_servers') return `name servers ${Array.isArray(setting.name_servers) ? setting.name_servers.join(', ') : ''}`;
  return type.replace(/_/g, ' ');
}

export class StateStore {
  private readonly snapshots: string;

  /** `dir`: DYNADOT_STATE_DIR or the platform default; a demo session gets its own `demo` folder under it. */
  constructor(
    readonly dir: string,
    demo: boolean,
  ) {
    this.snapshots = join(dir, ...(demo ? ['demo'] : []), 'snapshots');
  }

  /** Where the audit log lives unless DYNADOT_AUDIT_LOG says otherwise. */
  get auditLogPath(): string {
    return join(this.snapshots, '..', 'audit.jsonl');
  }

  /** Writes one snapshot; throws when it cannot, so the change it protects is not sent. */
  save(tool: string, args: Json, domains: Record<string, Json>, now = new Date()): Snapshot {
    const snapshot: Snapshot = { id: newId(now), time: now.toISOString().replace(/\.\d{3}Z$/, 'Z'), tool, args, domains };
    mkdirSync(this.snapshots, { recursive: true, mode: 0o700 });
    const path = join(this.snapshots, `${snapshot.id}.json`);
    // The user's settings exactly as they were (restore writes them back): only the literal key
    // and configured secrets are masked, never what merely looks like one (`?key=` in a TXT record).
    writeFileSync(path, `${JSON.stringify(maskSecretsIn(snapshot))}\n`, { mode: 0o600, flag: 'wx' });
    // The mode given to writeFileSync is masked by the umask; 0600 is set explicitly.
    chmodSync(path, 0o600);
    return snapshot;
  }

  get(id: string): Snapshot | undefined {
    if (!ID.test(id)) return undefined;
    try {
      const parsed = snapshotFile.safeParse(JSON.parse(readFileSync(join(this.snapshots, `${id}.json`), 'utf8')));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  /** The newest first; only those touching `domain` when given. */
  list(options: { domain?: string; limit: number }): SnapshotSummary[] {
    let names: string[];
    try {
      names = readdirSync(this.snapshots).filter((name) => ID.test(name.replace(/\.json$/, '')));
    } catch {
      return [];
    }
    const out: SnapshotSummary[] = [];
    for (const name of names.sort().reverse()) {
      const snapshot = this.get(name.replace(/\.json$/, ''));
      if (!snapshot || (options.domain && !(options.domain in snapshot.domains))) continue;
      const domains = Object.keys(snapshot.domains);
      const [first] = Object.entries(snapshot.domains);
      const summary = first
        ? `before ${snapshot.tool}: ${first[0]} had ${describe(first[1])}${domains.length > 1 ? ` (+${domains.length - 1} more domains)` : ''}`
        : `before ${snapshot.tool}`;
      out.push({ id: snapshot.id, time: snapshot.time, tool: snapshot.tool, domains, summary });
      if (out.length >= options.limit) break;
    }
    return out;
  }
}

/** DYNADOT_AUDIT_LOG: a path, `off` for none, or by default audit.jsonl in the state folder. */
export function auditLogPath(setting: string | undefined, store: StateStore): string | undefined {
  if (setting === undefined) return store.auditLogPath;
  return /^(off|none|0|false|no)$/i.test(setting.trim()) ? undefined : setting;
}
