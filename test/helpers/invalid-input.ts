/**
 * Generates invalid variants of a valid tool argument object from the tool's advertised JSON
 * input schema, for the bad-input sweep. Deterministic: every choice comes from a seeded PRNG,
 * so a failure reproduces from the seed printed with it.
 */

/** mulberry32: a tiny, fast, seedable PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A path as the server's messages print it: `records[0].value`. */
export function pathText(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** The same elements in a seeded random order (Fisher-Yates). */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export type JsonSchema = {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  description?: string;
};

export type Path = ReadonlyArray<string | number>;

/** What a string field means, beyond what JSON Schema can say; decides which values are invalid for it. */
export type StringKind =
  | 'domain' // a registrable domain or host name (domainName/hostName)
  | 'host' // a DNS record target (cname, mx)
  | 'ipv4'
  | 'ipv6'
  | 'url'
  | 'email'
  | 'tld'
  | 'subdomain'
  | 'freeText' // stored by api3: printable text, '&' and '=' are legal, control characters are not
  | 'localText'; // never sent to api3 (a local filter): any text within maxLength is legal

export interface Variant {
  /** Where the change is, from the top of the argument object. */
  path: Path;
  /** What was done, for failure messages. */
  label: string;
  /** The whole argument object after the change. */
  args: Record<string, unknown>;
}

const HUGE = 'a'.repeat(100_000);
const CONTROL = ['a\u0000b', 'x\ny'];
export const INVALID_DOMAINS = ['bad domain', '-x.com', 'a..com', 'x&command=delete.com', 'example.com&command=delete'];
const INVALID_BY_KIND: Record<StringKind, readonly string[]> = {
  domain: INVALID_DOMAINS,
  host: ['bad domain', '-x.com', 'a..com', 'x&command=delete.com', 'example.com&command=delete'],
  ipv4: ['999.1.1.1', '1.2.3', '1.2.3.4&command=delete', '2001:db8::1'],
  ipv6: ['999.1.1.1', '1.2.3', 'gggg::1', '2001:db8::1&command=delete'],
  url: ['not a url', 'javascript:alert(1)', 'ftp://example.com/'],
  email: ['not-an-email', 'a@b&command=delete', 'a b@example.com'],
  tld: ['c', 'x&command=delete', 'com/..', 'bad tld'],
  subdomain: ['bad sub', '-www', 'a&command=delete', 'www..x'],
  freeText: [],
  localText: [],
};

function clone<T>(value: T): T {
  return structuredClone(value);
}

function getAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path) node = (node as Record<string | number, unknown>)[key];
  return node;
}

/** A copy of `root` with the value at `path` replaced, or deleted when `value` is `DELETE`. */
export const DELETE = Symbol('delete');
export function withValue(root: Record<string, unknown>, path: Path, value: unknown): Record<string, unknown> {
  const copy = clone(root);
  const parent = getAt(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (value === DELETE) delete parent[last];
  else parent[last] = value;
  return copy;
}

/** A value of the wrong JSON type for a schema node. */
function wrongTypes(schema: JsonSchema): unknown[] {
  switch (schema.type) {
    case 'string':
      return [42, true, ['x'], { value: 'x' }];
    case 'integer':
    case 'number':
      return ['5', true, [5], { n: 5 }];
    case 'boolean':
      return ['true', 1, 'yes', [true]];
    case 'array':
      return ['a,b', 7, { 0: 'x' }];
    case 'object':
      return ['{}', 3, [{}]];
    default:
      // oneOf / anyOf nodes (records items): an object is expected.
      return ['x', 9, [], true];
  }
}

export interface GenerateOptions {
  random: () => number;
  /** Variants kept per field, chosen at random from all candidates. */
  perField: number;
  /** The meaning of a string at this path (path segments joined with '.', array indexes as '*'). */
  kindOf(path: Path, schema: JsonSchema, args: Record<string, unknown>): StringKind;
}

interface Candidate {
  label: string;
  value: unknown;
}

function candidatesFor(schema: JsonSchema, path: Path, current: unknown, options: GenerateOptions, args: Record<string, unknown>): Candidate[] {
  // Two of the wrong types, chosen by the PRNG; every other candidate is specific to the field.
  const out: Candidate[] = shuffled(wrongTypes(schema), options.random)
    .slice(0, 2)
    .map((value) => ({ label: `wrong type ${JSON.stringify(value)}`, value }));
  out.push({ label: 'null', value: null });
  if (schema.type === 'string') {
    const kind = options.kindOf(path, schema, args);
    if (schema.enum) {
      out.push({ label: 'outside enum', value: 'not-in-the-enum' }, { label: 'outside enum (smuggle)', value: `${String(schema.enum[0])}&command=delete` });
    } else {
      if (kind !== 'localText' || schema.maxLength !== undefined) out.push({ label: 'huge string (100k chars)', value: HUGE });
      if (kind !== 'localText') for (const c of CONTROL) out.push({ label: `control characters ${JSON.stringify(c)}`, value: c });
      for (const bad of INVALID_BY_KIND[kind]) out.push({ label: `invalid ${kind} ${JSON.stringify(bad)}`, value: bad });
      if (schema.minLength !== undefined && schema.minLength > 0) out.push({ label: 'empty string below minLength', value: '' });
    }
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    if (schema.minimum !== undefined) out.push({ label: `below minimum ${schema.minimum}`, value: schema.minimum - 1 });
    if (schema.maximum !== undefined && schema.maximum < Number.MAX_SAFE_INTEGER) out.push({ label: `above maximum ${schema.maximum}`, value: schema.maximum + 1 });
    if (schema.type === 'integer') out.push({ label: 'fraction for an integer', value: 1.5 });
  }
  if (schema.type === 'array') {
    const item = Array.isArray(current) && current.length > 0 ? current[0] : undefined;
    if (schema.maxItems !== undefined && item !== undefined) {
      out.push({ label: `oversized array (${schema.maxItems + 1} items)`, value: Array.from({ length: schema.maxItems + 1 }, () => clone(item)) });
    }
    if (schema.minItems !== undefined && schema.minItems > 0) out.push({ label: 'empty array below minItems', value: [] });
  }
  return out;
}

/** The name of the argument no object of any tool has. */
export const UNKNOWN_ARGUMENT = 'not_an_argument';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The schema that applies to the value at hand: for a oneOf node, the branch whose `const` discriminator matches. */
function branchFor(schema: JsonSchema, value: unknown): JsonSchema {
  const branches = schema.oneOf ?? schema.anyOf;
  if (!branches) return schema;
  const record = (value ?? {}) as Record<string, unknown>;
  const match = branches.find((b) => Object.entries(b.properties ?? {}).every(([k, p]) => p.const === undefined || p.const === record[k]));
  return match ?? branches[0] ?? schema;
}

/**
 * Every invalid variant of `valid` the schema suggests: at each property (and each property of
 * nested objects and the first item of arrays), a bounded, seeded choice of wrong values, and
 * the removal of each required property.
 */
export function invalidVariants(schema: JsonSchema, valid: Record<string, unknown>, options: GenerateOptions): Variant[] {
  const variants: Variant[] = [];
  const visit = (node: JsonSchema, value: unknown, path: Path) => {
    const own = branchFor(node, value);
    if (path.length > 0) {
      const chosen = shuffled(candidatesFor(own, path, value, options, valid), options.random).slice(0, options.perField);
      for (const c of chosen) variants.push({ path, label: c.label, args: withValue(valid, path, c.value) });
    }
    if (own.type === 'object' || own.properties) {
      const record = (value ?? {}) as Record<string, unknown>;
      // An argument the object does not have: refused by name, never dropped (issue 15, item 7).
      if (own.properties && isPlainObject(value)) {
        variants.push({ path: [...path, UNKNOWN_ARGUMENT], label: 'unknown property', args: withValue(valid, [...path, UNKNOWN_ARGUMENT], 1) });
      }
      for (const name of own.required ?? []) {
        if (name in record) variants.push({ path: [...path, name], label: 'missing required property', args: withValue(valid, [...path, name], DELETE) });
      }
      for (const [name, child] of Object.entries(own.properties ?? {})) {
        // A discriminator is a const: changing it picks another branch; covered by the item's own variants.
        if (child.const !== undefined) {
          variants.push({ path: [...path, name], label: 'unknown discriminator', args: withValue(valid, [...path, name], 'bogus') });
          continue;
        }
        if (name in record) visit(child, record[name], [...path, name]);
      }
    }
    if (own.type === 'array' && own.items && Array.isArray(value)) {
      value.forEach((item, i) => {
        visit(own.items as JsonSchema, item, [...path, i]);
      });
    }
  };
  visit(schema, valid, []);
  return variants;
}
