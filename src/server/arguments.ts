/**
 * Arguments a tool does not have. zod objects strip unknown keys silently, so a misspelt or
 * invented argument (`list_domain {"renew_option": "auto"}`) would be dropped and the call
 * answered as if it had held. The check walks the call's arguments beside the JSON Schema the
 * tool advertises (the one source of what a tool takes, nested objects and union branches
 * included), so no spec needs a strict schema of its own and nothing is added to what the model
 * reads.
 */

import { isJson } from './condense.js';

type JsonSchema = Record<string, unknown>;

export interface UnknownArgument {
  /** Where the unknown name sits, from the top of the arguments, the name last. */
  path: ReadonlyArray<string | number>;
  /** The names that object takes. */
  known: string[];
  /** A known name close to the unknown one, when there is one. */
  closest?: string;
}

function branchesOf(schema: JsonSchema): JsonSchema[] | undefined {
  const branches = schema.anyOf ?? schema.oneOf;
  return Array.isArray(branches) ? branches.filter(isJson) : undefined;
}

/** For an object inside a union: the branches whose constant fields (a discriminator) the value matches, else every object branch. */
function objectBranches(branches: JsonSchema[], value: Record<string, unknown>): JsonSchema[] {
  const objects = branches.filter((branch) => isJson(branch.properties));
  const matching = objects.filter((branch) =>
    Object.entries(propertiesOf(branch)).every(([key, property]) => !isJson(property) || property.const === undefined || property.const === value[key]),
  );
  return matching.length > 0 ? matching : objects;
}

function propertiesOf(schema: JsonSchema): Record<string, unknown> {
  return isJson(schema.properties) ? schema.properties : {};
}

/** Every unknown name in `value`, checked against `schema` at every depth. */
export function unknownArguments(schema: JsonSchema, value: unknown, path: ReadonlyArray<string | number> = []): UnknownArgument[] {
  const branches = branchesOf(schema);
  if (branches) {
    if (Array.isArray(value)) {
      const list = branches.find((branch) => isJson(branch.items));
      return list ? unknownArguments(list, value, path) : [];
    }
    if (!isJson(value)) return [];
    const candidates = objectBranches(branches, value);
    if (candidates.length === 0) return [];
    // A name counts as known when any candidate branch takes it; it is checked further in the first that does.
    const merged: Record<string, unknown> = {};
    for (const branch of candidates) for (const [key, property] of Object.entries(propertiesOf(branch))) merged[key] ??= property;
    return unknownArguments({ type: 'object', properties: merged }, value, path);
  }
  if (Array.isArray(value) && isJson(schema.items)) {
    const items = schema.items;
    return value.flatMap((item, i) => unknownArguments(items, item, [...path, i]));
  }
  if (!isJson(value)) return [];
  if (isJson(schema.additionalProperties)) {
    // A map (z.record): any key, each value checked.
    const values = schema.additionalProperties;
    return Object.entries(value).flatMap(([key, item]) => unknownArguments(values, item, [...path, key]));
  }
  if (!isJson(schema.properties) || schema.additionalProperties === true) return [];
  const properties = schema.properties;
  const known = Object.keys(properties);
  return Object.entries(value).flatMap(([key, item]): UnknownArgument[] => {
    const property = properties[key];
    if (isJson(property)) return unknownArguments(property, item, [...path, key]);
    const closest = closestName(key, known);
    return [{ path: [...path, key], known, ...(closest ? { closest } : {}) }];
  });
}

/** Edit distance (insertions, deletions, substitutions), for "did you mean". */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
}

function sharedPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * The known name an agent most likely meant: within a third of the name's length in edits
 * (at least 2), or sharing a 4-character prefix, or one containing the other; nearest first.
 * Case and `-`/`_` are ignored for the comparison.
 */
export function closestName(name: string, known: readonly string[]): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/-/g, '_');
  const wanted = norm(name);
  let best: { name: string; score: number } | undefined;
  for (const candidate of known) {
    const other = norm(candidate);
    const edits = distance(wanted, other);
    const close =
      edits <= Math.max(2, Math.floor(wanted.length / 3)) ||
      sharedPrefix(wanted, other) >= Math.min(4, other.length) ||
      (Math.min(wanted.length, other.length) >= 4 && (wanted.includes(other) || other.includes(wanted)));
    if (close && (best === undefined || edits < best.score)) best = { name: candidate, score: edits };
  }
  return best?.name;
}
