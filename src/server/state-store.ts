import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, constants, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { maskSecretsIn } from '../api3/redact.js';
import { errorMessage } from '../log.js';
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

/** A file in the snapshots folder that list_snapshots could not read, and why. */
export interface SkippedFile {
  file: string;
  why: string;
}

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

/** What list_snapshots shows of one snapshot. */
export function summarize(snapshot: Snapshot): SnapshotSummary {
  const domains = Object.keys(snapshot.domains);
  const [first] = Object.entries(snapshot.domains);
  const summary = first
    ? `before ${snapshot.tool}: ${first[0]} had ${describe(first[1])}${domains.length > 1 ? ` (+${domains.length - 1} more domains)` : ''}`
    : `before ${snapshot.tool}`;
  return { id: snapshot.id, time: snapshot.time, tool: snapshot.tool, domains, summary };
}

/** A new snapshot with its id and time; only the literal key and configured secrets masked (see `save`). */
export function newSnapshot(tool: string, args: Json, domains: Record<string, Json>, now = new Date()): Snapshot {
  return maskSecretsIn({ id: newId(now), time: now.toISOString().replace(/\.\d{3}Z$/, 'Z'), tool, args, domains });
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

  /** Consumed confirmation ids, shared by every process using this folder (single-use.ts). */
  get confirmationsDir(): string {
    return join(this.snapshots, '..', 'confirmations');
  }

  /** Writes one snapshot; throws when it cannot, so the change it protects is not sent. */
  save(tool: string, args: Json, domains: Record<string, Json>, now = new Date()): Snapshot {
    const snapshot = newSnapshot(tool, args, domains, now);
    mkdirSync(this.snapshots, { recursive: true, mode: 0o700 });
    // A snapshots folder that is a symbolic link would put the user's settings wherever it points.
    refuseLink(this.snapshots);
    // The user's settings exactly as they were (restore writes them back): only the literal key
    // and configured secrets are masked, never what merely looks like one (`?key=` in a TXT record).
    writeNew(join(this.snapshots, `${snapshot.id}.json`), `${JSON.stringify(snapshot)}\n`);
    return snapshot;
  }

  /**
   * The server's way to save a snapshot, `save` wherever the store keeps them: a shared store
   * (src/state/redis.ts) writes over the network, so the call that needs it awaits it.
   */
  async record(tool: string, args: Json, domains: Record<string, Json>): Promise<Snapshot> {
    return this.save(tool, args, domains);
  }

  /** Brings `get` and `list` up to date with what other server instances saved; a folder is read afresh every time. */
  async refresh(): Promise<void> {}

  /** `markNotSent` wherever the store keeps snapshots. */
  async discard(id: string): Promise<void> {
    this.markNotSent(id);
  }

  /**
   * The change a snapshot was taken for was not sent after all (refused or cancelled before it
   * left): the file is renamed `<id>.not_sent.json`, so it is neither listed nor restored.
   */
  markNotSent(id: string): void {
    if (!ID.test(id)) return;
    renameSync(join(this.snapshots, `${id}.json`), join(this.snapshots, `${id}.not_sent.json`));
  }

  get(id: string): Snapshot | undefined {
    if (!ID.test(id)) return undefined;
    const loaded = this.load(`${id}.json`);
    return 'snapshot' in loaded ? loaded.snapshot : undefined;
  }

  /** One snapshot file, or why it cannot be used; never through a symbolic link. */
  private load(file: string): { snapshot: Snapshot } | { why: string } {
    let text: string;
    try {
      text = readNoFollow(join(this.snapshots, file));
    } catch (error) {
      return { why: `unreadable: ${errorMessage(error)}` };
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { why: 'not JSON' };
    }
    const parsed = snapshotFile.safeParse(json);
    if (!parsed.success) return { why: `not a snapshot: ${parsed.error.issues.map((issue) => issue.path.join('.') || issue.message).join(', ')}` };
    return { snapshot: parsed.data };
  }

  /**
   * The newest first; only those touching `domain` when given. A file that cannot be read or is
   * not a snapshot is reported in `skipped`, so one bad file never hides the others.
   */
  list(options: { domain?: string; limit: number }): { items: SnapshotSummary[]; skipped: SkippedFile[] } {
    let names: string[];
    try {
      names = readdirSync(this.snapshots).filter((name) => ID.test(name.replace(/\.json$/, '')));
    } catch {
      return { items: [], skipped: [] };
    }
    const out: SnapshotSummary[] = [];
    const skipped: SkippedFile[] = [];
    for (const name of names.sort().reverse()) {
      if (out.length >= options.limit) break;
      const loaded = this.load(name);
      if (!('snapshot' in loaded)) {
        skipped.push({ file: name, why: loaded.why });
        continue;
      }
      const snapshot = loaded.snapshot;
      if (options.domain && !(options.domain in snapshot.domains)) continue;
      out.push(summarize(snapshot));
    }
    return { items: out, skipped };
  }

  /**
   * At start-up: the state folder 0700 and every file in it 0600, whatever mode an older
   * version, a copy or a umask left them in; symbolic links are left alone (never followed).
   */
  tighten(): void {
    const walk = (dir: string, depth: number) => {
      if (!chmodIf(dir, 'dir', 0o700) || depth > 2) return;
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        return;
      }
      for (const name of names) {
        const path = join(dir, name);
        if (!chmodIf(path, 'file', 0o600)) walk(path, depth + 1);
      }
    };
    walk(this.dir, 0);
  }
}

/** Sets `mode` on `path` when it is a `kind` (not a link); whether it was. */
export function chmodIf(path: string, kind: 'dir' | 'file', mode: number): boolean {
  try {
    const stat = lstatSync(path);
    if (kind === 'dir' ? !stat.isDirectory() : !stat.isFile()) return false;
    if ((stat.mode & 0o777) !== mode) chmodSync(path, mode);
    return true;
  } catch {
    return false;
  }
}

/** Throws, naming `path`, when it is a symbolic link: state is never written through one. */
export function refuseLink(path: string): void {
  let link = false;
  try {
    link = lstatSync(path).isSymbolicLink();
  } catch {
    // Absent: nothing to follow.
  }
  if (link) throw new Error(`${path} is a symbolic link; state files are never written through one`);
}

/** A file's text, never through a symbolic link (O_NOFOLLOW). */
export function readNoFollow(path: string): string {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

/** A new file, 0600 whatever the umask, never through a symbolic link or over an existing file. */
export function writeNew(path: string, text: string): void {
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  // The mode given to open is masked by the umask; 0600 is set explicitly.
  chmodSync(path, 0o600);
}

/** DYNADOT_AUDIT_LOG: a path, `off` for none, or by default audit.jsonl in the state folder. */
export function auditLogPath(setting: string | undefined, store: StateStore): string | undefined {
  if (setting === undefined) return store.auditLogPath;
  return /^(off|none|0|false|no)$/i.test(setting.trim()) ? undefined : setting;
}
