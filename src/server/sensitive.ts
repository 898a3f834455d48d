import { registerSecret } from '../api3/redact.js';
import { isJson, type Json } from './condense.js';

/**
 * Arguments that hold secrets (a transfer's auth code), declared by a spec's `sensitive` list of
 * top-level argument names. api3 gets them as given; everything a person or a log file sees
 * (the preview's `would_call`, audit lines, log lines, error texts) gets `***` or `[redacted]`.
 */
export const MASK = '***';

/** What masking needs of a spec: its `sensitive` list, if any. */
export interface DeclaresSensitive {
  readonly sensitive?: readonly string[] | undefined;
}

function namesOf(spec: DeclaresSensitive | undefined): ReadonlySet<string> {
  return new Set(spec?.sensitive ?? []);
}

function maskValue(value: unknown, names: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((item) => maskValue(item, names));
  return isJson(value) ? maskObject(value, names) : value;
}

function maskObject(value: Json, names: ReadonlySet<string>): Json {
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, names.has(key) && item !== undefined ? MASK : maskValue(item, names)]));
}

/**
 * `args` with the value of every sensitive field replaced by `***`: the declared top-level
 * fields whatever their value (a string, a list, an object), and a field of the same name at any
 * depth below (`domains: [{ domain, auth_code }]`), since a secret is a secret wherever it sits.
 * Returns `args` itself when the spec declares nothing; never changes it.
 */
export function maskSensitive(spec: DeclaresSensitive | undefined, args: Json): Json {
  const names = namesOf(spec);
  return names.size === 0 ? args : maskObject(args, names);
}

function collect(value: unknown, names: ReadonlySet<string>, inside: boolean, out: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, names, inside, out);
  } else if (isJson(value)) {
    for (const [key, item] of Object.entries(value)) collect(item, names, inside || names.has(key), out);
  } else if (inside && (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint')) {
    out.add(String(value));
  }
}

/** The secret values in `args`: every string or number under a sensitive field, at any depth. */
export function sensitiveValues(spec: DeclaresSensitive | undefined, args: Json): string[] {
  const names = namesOf(spec);
  if (names.size === 0) return [];
  const out = new Set<string>();
  collect(args, names, false, out);
  return [...out];
}

/**
 * Registers the secret values of this call with the redaction every log line, audit file line
 * and error text passes through, so an api3 error or an exception that echoes one prints
 * `[redacted]`. For the life of the process, not just the call: a secret printed later is just
 * as leaked. Values shorter than 4 characters are not registered (they would mask ordinary text).
 */
export function registerSensitive(spec: DeclaresSensitive | undefined, args: Json): void {
  for (const value of sensitiveValues(spec, args)) registerSecret(value);
}
