import { closeSync, constants, existsSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SimAccount } from './state.js';

/**
 * The demo account kept across restarts: the simulated account (its domains, contacts, folders,
 * orders, the receiving account of pushes) as one JSON file in the demo part of the state folder,
 * beside the demo's snapshots and audit log, so a restart continues where the user left off and
 * list_snapshots never shows changes the account no longer has. Maps and sets are written as
 * `{"$map": [[key, value], ...]}` and `{"$set": [...]}` and read back as such.
 */

function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Map) return { $map: [...value.entries()] };
  if (value instanceof Set) return { $set: [...value.values()] };
  return value;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function reviver(_key: string, value: unknown): unknown {
  if (!isRecord(value) || Object.keys(value).length !== 1) return value;
  const { $map: entries, $set: members } = value;
  if (Array.isArray(entries)) return new Map(entries.filter(Array.isArray).map(([key, item]) => [key, item]));
  if (Array.isArray(members)) return new Set(members);
  return value;
}

/** What JSON.parse gave back is an account: its domains came back as a map. */
const isAccount = (value: unknown): value is SimAccount => isRecord(value) && value.domains instanceof Map;

export function accountText(account: SimAccount): string {
  return JSON.stringify(account, replacer);
}

/** The saved account, or undefined when there is none; throws when the file is there but unreadable. */
export function loadAccount(path: string): SimAccount | undefined {
  if (!existsSync(path)) return undefined;
  if (lstatSync(path).isSymbolicLink()) throw new Error(`${path} is a symbolic link; state files are never read through one`);
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'), reviver);
  if (!isAccount(parsed)) throw new Error(`${path} does not hold a simulated account; start with --demo-reset to begin again`);
  return parsed;
}

/**
 * Writes the account whole: to a new file beside it (0600, never through a link), then renamed
 * over the old one, so a crash mid-write leaves the previous account, not half of one.
 */
export function saveAccount(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  rmSync(temporary, { force: true });
  const fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}
