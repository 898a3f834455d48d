import type { CallToolResult, Tool } from '@modelcontextprotocol/client';
import { toolContext } from './context.js';
import { afterAll, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { parseApi3Response } from '../../src/api3/envelope.js';
import { type AnyToolSpec, annotationsFor, type Effect } from '../../src/server/define.js';
import { advertisedInput, advertisedOutput } from '../../src/server/server.js';
import { maskSensitive } from '../../src/server/sensitive.js';
import { HANDLERS } from '../../src/simulator/handlers/index.js';
import { answer, type LoggedRequest } from '../../src/simulator/server.js';
import { type SimAccount, type SimDomain, seedAccount } from '../../src/simulator/state.js';
import { CATALOG } from '../../tools/index.js';
import { exampleFor, exampleQuery, exampleResponse, exampleRoot } from './examples.js';
import { errorOf, type Harness, type HarnessOptions, startHarness, textOf } from './harness.js';
import { invalidVariants, type JsonSchema, mulberry32, type Path, pathText, type StringKind, type Variant } from './invalid-input.js';
import { shapeDifferences } from './shape.js';

/**
 * What every per-tool test file (test/tools/<toolset>/<tool>.test.ts) is built from. Each helper
 * either registers vitest cases for one tool or returns data; the meta-test
 * test/unit/catalog-files.test.ts checks that every tool's file calls the ones its kind needs.
 */

/** A condensed answer, read field by field in tests. */
export type Json = Record<string, any>;

/** A spec's api3 spelling; a composite has none. */
interface Api3Spelling {
  toApi(args: unknown): Record<string, string>;
  condense(body: unknown, args: unknown): unknown;
}

/** Milliseconds since epoch as the condensed answers write them (ISO 8601 UTC, no milliseconds). */
export const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The spec with its api3 spelling; throws for a composite. */
function api3Of(spec: AnyToolSpec): AnyToolSpec & Api3Spelling & { input: z.ZodObject; output: z.ZodObject } {
  const candidate = spec as AnyToolSpec & Partial<Api3Spelling>;
  if (spec.composite || typeof candidate.toApi !== 'function' || typeof candidate.condense !== 'function') {
    throw new Error(`${spec.name} is a composite: it has no api3 spelling of its own`);
  }
  return spec as AnyToolSpec & Api3Spelling & { input: z.ZodObject; output: z.ZodObject };
}

// ---------------------------------------------------------------------------------------------
// The harness

/** The accessors of a file's harness; valid inside tests (after the file's beforeAll). */
export interface ToolHarness {
  /** The harness itself (client, simulator, api). */
  h(): Harness;
  /** Calls a tool and returns the raw result. */
  call(name: string, args?: Record<string, unknown>): Promise<CallToolResult>;
  /** Calls a tool that must succeed and returns its structuredContent. */
  ok<T = Json>(name: string, args?: Record<string, unknown>): Promise<T>;
  /** Calls a tool that must fail and returns the parsed error `{ error, message, hint? }`. */
  fail(name: string, args?: Record<string, unknown>): Promise<{ error: string; message: string; hint?: string }>;
  /** The requests for one command that reached the simulator since the last reset. */
  sent(command: string): LoggedRequest[];
  /** The simulated account (state after the calls so far). */
  account(): SimAccount;
  /** One domain of the simulated account; throws when it is not there. */
  domain(name: string): SimDomain;
  /** tools/list as this file's client saw it. */
  tools(): Tool[];
}

let current: ToolHarness | undefined;
/** Tools the file's harness serves beside the catalog; the dry-run server serves them too. */
let currentExtraTools: HarnessOptions['extraTools'];

function harness(): ToolHarness {
  if (!current) throw new Error('call useHarness() at the top of the test file before the other tool-test helpers');
  return current;
}

/**
 * One harness for the whole file: a real MCP client through the server to the simulator over
 * loopback HTTP. Started before the first test, closed after the last, the simulator reset before
 * each test. tools/list is fetched once, so the client checks every structuredContent against
 * the tool's outputSchema. The other helpers of this module use the file's harness.
 */
export function useHarness(options: HarnessOptions = {}): ToolHarness {
  let started: Harness | undefined;
  let listed: Tool[] = [];
  beforeAll(async () => {
    started = await startHarness(options);
    listed = (await started.client.listTools()).tools;
  });
  afterAll(async () => started?.close());
  beforeEach(() => started?.simulator.reset());
  const h = (): Harness => {
    if (!started) throw new Error('the harness is not started (use it inside a test)');
    return started;
  };
  const accessors: ToolHarness = {
    h,
    call: (name, args = {}) => h().call(name, args),
    ok: <T = Json>(name: string, args: Record<string, unknown> = {}) => h().ok<T>(name, args),
    fail: async (name, args = {}) => errorOf(await h().call(name, args)),
    sent: (command) => h().simulator.requests.filter((r) => r.command === command),
    account: () => h().simulator.account,
    domain: (name) => {
      const found = h().simulator.account.domains.get(name);
      if (!found) throw new Error(`${name} is not in the simulated account`);
      return found;
    },
    tools: () => listed,
  };
  current = accessors;
  currentExtraTools = options.extraTools;
  return accessors;
}

// ---------------------------------------------------------------------------------------------
// The api3 document's example

/**
 * A case: `toApi` of the agent-terms `args` (meaning what the document's example means) gives
 * exactly the example's query, `command` removed; every value a string, no `command` or `key`.
 */
export interface ExampleGaps {
  /**
   * Parameters the document's request text shows but the examples file lost (a value cut at a
   * quote, an address the page obfuscated): added back to the expected query.
   */
  lost?: Record<string, string>;
  /** Parameters of the example that the command's own parameter list does not have. */
  undocumented?: readonly string[];
}

export function exampleQueryCase(spec: AnyToolSpec, args: Record<string, unknown>, gaps: ExampleGaps = {}): void {
  it(`${spec.name}: toApi reproduces the api3 document's example query`, () => {
    const s = api3Of(spec);
    const params = s.toApi(s.input.parse(args));
    const expected: Record<string, string> = { ...exampleQuery(spec.name), ...gaps.lost };
    for (const name of gaps.undocumented ?? []) delete expected[name];
    expect(params).toEqual(expected);
    for (const value of Object.values(params)) expect(typeof value).toBe('string');
    expect(params).not.toHaveProperty('command');
    expect(params).not.toHaveProperty('key');
  });
}

/**
 * Runs the tool's condense over the document's example response body (the object under the
 * root key), with the input as the example request meant it; checks the result passes the
 * tool's output schema and the schema clients are shown and carries no envelope; returns it.
 * Call it inside a test.
 */
export function condenseExample(spec: AnyToolSpec, args: Record<string, unknown> = {}): Json {
  const s = api3Of(spec);
  const result = s.condense(exampleRoot(spec.name).body, s.input.parse(args));
  expect(s.output.parse(result)).toEqual(result);
  expect(advertisedOutput(spec).safeParse(result).success).toBe(true);
  // Condensed output never carries the envelope.
  expect(JSON.stringify(result)).not.toMatch(/ResponseCode|SuccessCode|"Status"/);
  return result as Json;
}

// ---------------------------------------------------------------------------------------------
// The simulator's shape

/** The fixed clock of the shape checks. */
export const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
/** The document itself writes ResponseCode both as 0 and "0". */
export const SHAPE_OPTIONS = { numberOrString: new Set(['ResponseCode', 'SuccessCode']) };

/** The simulator's answer to one command on an account (by default the seeded one at NOW). */
export function simulate(command: string, params: Record<string, string>, account: SimAccount = seedAccount(NOW)): Record<string, unknown> {
  return answer(command, params, account, NOW);
}

/**
 * A case: the simulator has a handler for the command, and its answer to the example query,
 * adapted to the seeded account's domains, contacts and hosts by `adapt`, has the example's root
 * key, ResponseCode 0, and every key of the example at the same path with the same JSON type.
 */
export function simulatorShapeCase(
  spec: AnyToolSpec,
  adapt: (example: Record<string, string>) => Record<string, string> = (q) => q,
  /** The expected answer where the document gives none (a deprecated command's): written from its XML tags. */
  documented?: Record<string, unknown>,
): void {
  it(`${spec.name}: the simulator answers the example query in the document's shape`, () => {
    expect(HANDLERS[spec.name], `no simulator handler for ${spec.name}`).toBeDefined();
    const example = (exampleResponse(exampleFor(spec.name)) ?? documented) as Record<string, unknown>;
    const actual = simulate(spec.name, adapt(exampleQuery(spec.name)));
    if (HANDLERS[spec.name]?.root === '') {
      // Root-less (the newer aftermarket commands): a status beside the lists, no envelope root.
      expect(actual.status, JSON.stringify(actual).slice(0, 300)).toBe('success');
      expect(parseApi3Response(JSON.stringify(actual)).root).toBe('');
      expect(shapeDifferences(example, actual, SHAPE_OPTIONS)).toEqual([]);
      return;
    }
    // Same root key, and an answer the client reads as a success.
    expect(Object.keys(actual)).toEqual(Object.keys(example));
    const root = Object.keys(example)[0] as string;
    const body = actual[root] as Record<string, unknown>;
    expect(String(body.ResponseCode), JSON.stringify(body)).toBe('0');
    expect(parseApi3Response(JSON.stringify(actual)).root).toBe(root);
    expect(shapeDifferences(example, actual, SHAPE_OPTIONS)).toEqual([]);
  });
}

// ---------------------------------------------------------------------------------------------
// Safety

/**
 * The only tools whose `needsConfirm` may waive confirm for some input. Adding one is a deliberate
 * act: set_dns2 appending to domains already on Dynadot DNS (decided on the state);
 * set_privacy and set_renew_option, destructive only for `off` (publishes the owner's contact
 * details) and `do_not_renew` (lets domains lapse), plain writes for their other values;
 * edit_contact, destructive only while domains use the contact (their WHOIS changes with it);
 * the folder settings that replace live ones, destructive only with `sync` (the renew option
 * only with sync and `do_not_renew`); get_transfer_auth_code, destructive only with new_code or
 * unlock; authorize_transfer_away, only to approve.
 */
const CONFIRM_WAIVERS: readonly string[] = [
  'set_dns2',
  'set_privacy',
  'set_renew_option',
  'edit_contact',
  // A folder's setting replaces what its domains have only with sync (forFolder in tools/shared/folder-settings.ts).
  ...['whois', 'ns', 'parking', 'forwarding', 'stealth', 'hosting', 'dns2', 'email_forward', 'renew_option'].map((setting) => `set_folder_${setting}`),
  'set_clear_folder_setting',
  'set_folder_dns',
  // Reading the code changes nothing; a new code or an unlock does.
  'get_transfer_auth_code',
  // Denying a transfer away keeps the domain; approving hands it over.
  'authorize_transfer_away',
];

export interface PinOptions {
  /** For a waiver tool: inputs and whether each needs confirm. */
  confirmNeeded?: ReadonlyArray<{ args: Record<string, unknown>; needed: boolean }>;
}

/**
 * A case pinning the tool's effect (changing it is a deliberate act): `spec.effect`, that only
 * the waiver tools have `needsConfirm` (and how they decide), the annotations tools/list
 * advertises for it, and that a destructive tool's description mentions confirm.
 */
export function pinEffect(spec: AnyToolSpec, effect: Effect, options: PinOptions = {}): void {
  it(`${spec.name}: its effect is pinned as ${effect} and advertised so`, async () => {
    expect(spec.effect).toBe(effect);
    const waiver = CONFIRM_WAIVERS.includes(spec.name);
    expect(spec.needsConfirm !== undefined, `only ${CONFIRM_WAIVERS.join(', ')} may waive confirm`).toBe(waiver);
    if (waiver) {
      const needed = (options.confirmNeeded ?? []).map((c) => c.needed);
      expect(needed, 'a waiver tool pins an input that needs confirm and one that does not').toEqual(expect.arrayContaining([true, false]));
    }
    for (const { args, needed } of options.confirmNeeded ?? []) {
      // A decision that depends on the account's state reads it through the file's harness.
      expect(await spec.needsConfirm?.(spec.input.parse(args), toolContext(harness().h().api)), JSON.stringify(args)).toBe(needed);
    }
    const tool = harness()
      .tools()
      .find((t) => t.name === spec.name);
    const a = tool?.annotations;
    expect(a, `${spec.name} is not advertised with annotations`).toBeDefined();
    expect(a?.readOnlyHint).toBe(effect === 'read');
    expect(a?.destructiveHint).toBe(effect === 'destructive');
    expect(a?.idempotentHint).toBe(spec.idempotent ?? effect === 'read');
    expect(a?.openWorldHint).toBe(true);
    expect(tool?.title).toBe(spec.title);
    expect(a).toEqual(annotationsFor(spec));
    // How confirmation works is said once, in the instructions; each destructive tool takes the two fields.
    if (effect === 'destructive') expect(Object.keys(tool?.inputSchema.properties ?? {})).toEqual(expect.arrayContaining(['confirm', 'confirmation_id']));
  });
}

/** A deep, comparable copy of everything a destructive call could change. */
export function snapshot(account: SimAccount): unknown {
  return JSON.parse(
    JSON.stringify({
      balance: account.balance,
      totalSpending: account.totalSpending,
      domains: [...account.domains.values()],
      orders: account.orders,
      contacts: [...account.contacts.values()],
      servers: [...account.servers.values()],
      // Maps turn into {} in JSON: folders as a list.
      folders: [...account.folders.values()],
      defaults: account.defaults,
    }),
  );
}

/**
 * The confirm gate for a destructive tool, given valid `args` that would change the account if
 * confirmed. Without confirm, and with `confirm: false`: a preview only, only the listed `reads`
 * reached api3, the account unchanged. With confirm but no id, a forged id, the id of other
 * arguments, a stale id, or an id whose facts changed since: nothing state-changing is sent and
 * the answer is a fresh preview saying why. With its own preview's id: exactly one.
 */
export function confirmGateCases(spec: AnyToolSpec, args: Record<string, unknown>, reads: readonly string[], options: GateOptions): void {
  const tool = spec.name;
  const commands = () =>
    harness()
      .h()
      .simulator.requests.map((r) => r.command);
  // A preview may itself call the command in a harmless form (renew's price_check).
  const previewCallsItself = reads.includes(tool);

  it(`${tool} without confirm: preview only, nothing mutating sent, state unchanged`, async () => {
    const { h } = harness();
    const before = snapshot(h().simulator.account);
    const result = await h().call(tool, args);
    expect(result.isError, textOf(result)).toBeFalsy();
    const preview = (result.structuredContent as Json).preview;
    expect(preview).toBeDefined();
    expect(preview.next_step).toMatch(/confirm: true/);
    expect(preview.summary).toMatch(/nothing was changed/i);
    // Secret arguments (a spec's `sensitive` fields) are shown as ***.
    expect(preview.would_call).toMatchObject(maskSensitive(spec, args));
    expect(preview.would_call).not.toHaveProperty('confirm');
    // Only the preview's reads reached api3.
    expect(
      commands().every((c) => reads.includes(c)),
      commands().join(','),
    ).toBe(true);
    if (!previewCallsItself) expect(commands()).not.toContain(tool);
    expect(snapshot(h().simulator.account)).toEqual(before);
    // The result holds nothing but the preview: no claim that the change happened.
    expect(Object.keys(result.structuredContent as Json)).toEqual(['preview']);
  });

  it(`${tool} with confirm: false is the same as without`, async () => {
    const { h } = harness();
    const before = snapshot(h().simulator.account);
    const result = await h().call(tool, { ...args, confirm: false });
    expect((result.structuredContent as Json).preview).toBeDefined();
    if (!previewCallsItself) expect(commands()).not.toContain(tool);
    expect(snapshot(h().simulator.account)).toEqual(before);
  });

  const writes = options.writes ?? [tool];
  // A renewal quote (price_check) reads; everything else sent to a write command changes state.
  const writesSent = () =>
    harness()
      .h()
      .simulator.requests.filter((r) => writes.includes(r.command) && r.params.price_check === undefined).length;
  const previewOf = async (callArgs: Record<string, unknown>): Promise<Json> => {
    const result = await harness().h().call(tool, callArgs);
    expect(result.isError, textOf(result)).toBeFalsy();
    const preview = (result.structuredContent as Json).preview;
    expect(preview, `expected a preview: ${textOf(result)}`).toBeDefined();
    return preview;
  };
  /** Confirms with `id`: nothing state-changing may be sent, and the answer is a fresh preview saying why. */
  const refusedWith = async (id: string | undefined, why: RegExp) => {
    const { h } = harness();
    const before = snapshot(h().simulator.account);
    const sentBefore = writesSent();
    const preview = await previewOf({ ...args, confirm: true, confirmation_id: id });
    expect(preview.why_not_sent).toMatch(why);
    expect(preview.confirmation_id).toMatch(/^c1\./);
    expect(writesSent()).toBe(sentBefore);
    expect(snapshot(h().simulator.account)).toEqual(before);
  };

  it(`${tool}: confirm without the preview's confirmation_id sends nothing and answers a fresh preview`, async () => {
    await refusedWith(undefined, /without the confirmation_id/);
    await refusedWith('c1.123.forged.forged', /another tool or other arguments|not one this server issued/);
  });

  it(`${tool}: a confirmation_id from other arguments sends nothing`, async () => {
    options.prepareOther?.(harness().h().simulator.account);
    const other = await previewOf(options.otherArgs);
    expect(other.confirmation_id, 'the other arguments must make a preview that issues an id').toMatch(/^c1\./);
    await refusedWith(other.confirmation_id, /another tool or other arguments/);
  });

  it(`${tool}: a confirmation_id older than 10 minutes sends nothing`, async () => {
    const { confirmation_id: id } = await previewOf(args);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 11 * 60_000 });
    try {
      await refusedWith(id, /more than 10 minutes old/);
    } finally {
      vi.useRealTimers();
    }
  });

  it(`${tool}: when the facts change after the preview (${options.changeFacts.what}), nothing is sent`, async () => {
    const { confirmation_id: id } = await previewOf(args);
    options.changeFacts.change(harness().h().simulator.account);
    await refusedWith(id, /changed since the preview/);
  });

  it(`${tool}: with its own preview's confirmation_id, exactly one state-changing request`, async () => {
    const { confirmation_id: id } = await previewOf(args);
    const sentBefore = writesSent();
    const result = await harness().h().call(tool, { ...args, confirm: true, confirmation_id: id });
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(result.structuredContent as Json).not.toHaveProperty('preview');
    expect(writesSent() - sentBefore).toBe(1);
  });
}

export interface GateOptions {
  /** Valid arguments of another call of the same tool: its id must not confirm `args`. */
  otherArgs: Record<string, unknown>;
  /** Makes `otherArgs` valid in the seeded account, where it needs more than the seed has. */
  prepareOther?(account: SimAccount): void;
  /** A change to the account after the preview that the preview's facts show (a price rise, a record edited). */
  changeFacts: { what: string; change(account: SimAccount): void };
  /** Commands that change state (default: the tool itself); a composite names what it calls. */
  writes?: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Bad input

/**
 * The sweep's seed. Each tool's PRNG starts from SEED plus a hash of the tool's name, so a
 * tool's variants depend on nothing else; change SEED to explore other variants. A failure
 * prints the seed it came from.
 */
export const SEED = 0x5eed_d07;
/** Variants kept per field (chosen by the seeded PRNG among all candidates for that field). */
const PER_FIELD = 14;
/** Bounded, so each file stays fast. */
const MAX_VARIANTS = 400;

/** FNV-1a, 32 bits: a stable number for a tool name. */
function nameHash(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function seedFor(name: string): number {
  return (SEED + nameHash(name)) >>> 0;
}

export type KindOf = (path: Path, schema: JsonSchema, args: Record<string, unknown>) => StringKind | undefined;

/** What a string field means when the tool says nothing more: JSON Schema alone cannot tell a domain from a note. */
function defaultKindOf(path: Path, schema: JsonSchema): StringKind {
  if (path[path.length - 1] === 'subdomain') return 'subdomain';
  // The fields that take a domain or host name are named so across the catalog (tools/list no longer describes them).
  const field = [...path].reverse().find((part) => typeof part === 'string');
  if (schema.type === 'string' && /^(domains?|hosts?|name_servers)$/.test(String(field))) return 'domain';
  return 'freeText';
}

const RECORD_VALUE_KIND: Record<string, StringKind> = {
  a: 'ipv4',
  aaaa: 'ipv6',
  cname: 'host',
  mx: 'host',
  forward: 'url',
  stealth: 'url',
  email: 'email',
  txt: 'freeText',
  srv: 'freeText',
};

/** A `kindOf` for a list of DNS records under `field`: a record's `value` means what its `type` says. */
export function dnsRecordKinds(field: string): KindOf {
  return (path, _schema, args) => {
    if (path[0] !== field || path[path.length - 1] !== 'value') return undefined;
    const record = (args[field] as Array<{ type?: string }> | undefined)?.[path[1] as number];
    return RECORD_VALUE_KIND[record?.type ?? ''] ?? 'freeText';
  };
}

export interface SweepOptions {
  /** Variants the schema alone cannot suggest, specific to this tool. */
  extra?: readonly Variant[];
  /** The meaning of a string field, where the default (subdomain, domain or host name, else free text) is not enough; undefined defers to it. */
  kindOf?: KindOf;
  /** Variants (as "tool path: label") this tool's sweep must have generated. */
  mustTry?: readonly RegExp[];
}

/** Every variant the sweep tries for one tool, with the seed it came from. */
function sweepVariants(spec: AnyToolSpec, valid: Record<string, unknown>, options: SweepOptions): { seed: number; schema: JsonSchema | undefined; variants: Variant[] } {
  const seed = seedFor(spec.name);
  // The sweep tries every limit the server enforces: the checking schema's own JSON, with the
  // bounds tools/list leaves out to save context (src/server/server.ts, leanSchema). A tool this
  // harness does not serve is not swept.
  const served = harness()
    .tools()
    .some((t) => t.name === spec.name);
  const schema = served ? (z.toJSONSchema(advertisedInput(spec), { target: 'draft-2020-12', io: 'input' }) as JsonSchema) : undefined;
  if (!schema) return { seed, schema, variants: [] };
  const kindOf = (path: Path, node: JsonSchema, args: Record<string, unknown>) => options.kindOf?.(path, node, args) ?? defaultKindOf(path, node);
  const variants = [...invalidVariants(schema, valid, { random: mulberry32(seed), perField: PER_FIELD, kindOf })];
  if (spec.effect === 'destructive') {
    for (const value of ['true', 'yes', 1, null, {}]) {
      variants.push({ path: ['confirm'], label: `confirm ${JSON.stringify(value)}`, args: { ...valid, confirm: value } });
    }
  }
  if ('domains' in valid) {
    variants.push({ path: ['domains'], label: 'duplicate domains', args: { ...valid, domains: ['acme-widgets.com', 'ACME-widgets.com'] } });
    variants.push({ path: ['domains'], label: '101 distinct domains', args: { ...valid, domains: Array.from({ length: 101 }, (_, i) => `d${i}.com`) } });
  }
  variants.push(...(options.extra ?? []));
  return { seed, schema, variants };
}

function describeResult(result: CallToolResult): string {
  const text = textOf(result);
  return text.length > 400 ? `${text.slice(0, 400)}...` : text;
}

/**
 * The bad-input sweep for one tool. `valid` is a hand-made valid argument object with every
 * optional field present, so the sweep reaches it. The tool's advertised input schema is
 * exercised with generated invalid input (wrong types, null, huge strings, control characters,
 * oversized arrays, invalid domain names and IPs, numbers out of range, values outside enums,
 * missing required properties, a string `confirm`, duplicate or 101 domains, `extra`): each
 * must come back as an invalid_input error naming the field, with nothing sent to api3.
 * Deterministic: seeded by SEED and the tool's name.
 */
export function badInputSweep(spec: AnyToolSpec, valid: Record<string, unknown>, options: SweepOptions = {}): void {
  const name = spec.name;
  if (spec.effect !== 'read') dryRunCase(spec, valid);

  it(`${name}: the sweep's valid example is valid, and the tool is advertised`, () => {
    const parsed = advertisedInput(spec).safeParse(valid);
    expect(parsed.success, `${name}: ${parsed.error?.message}`).toBe(true);
    expect(harness().tools().map((t) => t.name)).toContain(name);
  });

  it(`${name} rejects every invalid variant before api3 sees it`, async () => {
    const { h } = harness();
    const { seed, schema, variants } = sweepVariants(spec, valid, options);
    expect(schema, `${name} is not advertised`).toBeDefined();
    const hasFields = Object.keys(schema?.properties ?? {}).length > 0;
    // Every tool, even one without arguments, is tried with an argument it does not have.
    expect(variants.map((v) => v.label)).toContain('unknown property');
    if (hasFields) expect(variants.length).toBeGreaterThan(1);
    else expect(variants.map((v) => v.label)).toEqual(['unknown property']);
    expect(variants.length).toBeLessThan(MAX_VARIANTS);

    const failures: string[] = [];
    for (const variant of variants) {
      const before = h().simulator.requests.length;
      const result = await h().call(name, variant.args);
      const sent = h().simulator.requests.slice(before);
      const where = `${name} at ${variant.path.join('.') || '(top)'}: ${variant.label} [seed 0x${seed.toString(16)}]`;
      if (sent.length > 0) failures.push(`${where}: reached api3 as ${JSON.stringify(sent.map((r) => r.command))}`);
      if (!result.isError) {
        failures.push(`${where}: accepted (${describeResult(result)})`);
        continue;
      }
      let error: { error?: string; message?: string };
      try {
        error = JSON.parse(textOf(result));
      } catch {
        failures.push(`${where}: error text is not JSON: ${describeResult(result)}`);
        continue;
      }
      if (error.error !== 'invalid_input') failures.push(`${where}: code ${error.error}, not invalid_input (${describeResult(result)})`);
      // The server prints paths as records[0].value; accept the dotted form too.
      const message = error.message ?? '';
      if (!message.includes(pathText(variant.path)) && !message.includes(variant.path.join('.'))) {
        failures.push(`${where}: message does not name the field: ${message.slice(0, 300)}`);
      }
    }
    expect(failures, `${failures.length} of ${variants.length} variants failed (seed 0x${seed.toString(16)}):\n${failures.join('\n')}`).toEqual([]);
    // Nothing at all reached api3 during the sweep.
    expect(h().simulator.requests).toEqual([]);
  });

  const mustTry = options.mustTry ?? [];
  if (mustTry.length > 0) {
    it(`${name}: the sweep generates every kind of bad input listed for this tool`, () => {
      const { seed, variants } = sweepVariants(spec, valid, options);
      const tried = variants.map((v) => `${name} ${pathText(v.path)}: ${v.label}`);
      const missing = mustTry.filter((re) => !tried.some((t) => re.test(t)));
      expect(missing.map(String), `not generated with seed 0x${seed.toString(16)}`).toEqual([]);
    });
  }
}

/**
 * A case: free text that legitimately holds '&' and '=' travels as the value of its own
 * parameter `param` only: the request api3 gets is exactly `toApi` of the input, never a new
 * parameter, never another command.
 */
export function smugglingCase(spec: AnyToolSpec, args: Record<string, unknown>, param: string, smuggled: string): void {
  const tool = spec.name;
  it(`${tool} ${param}: the text stays one parameter value`, async () => {
    const { h } = harness();
    const s = api3Of(spec);
    const parsed = advertisedInput(spec).parse(args) as Record<string, unknown>;
    const expected = s.toApi(parsed);
    const before = h().simulator.requests.length;
    const result = await h().call(tool, args);
    const sent = h().simulator.requests.slice(before);
    // The write is the last request for the command; a preview may have asked it for a quote first.
    const request = sent.filter((r) => r.command === tool).at(-1);
    expect(request, `${tool} was not sent; result: ${describeResult(result)}; sent: ${JSON.stringify(sent)}`).toBeDefined();
    // renew's preview quotes the same call with price_check=1: the same parameters, one marker more.
    const { price_check: _quote, ...params } = request?.params ?? {};
    expect(params[param]).toBe(smuggled);
    expect(Object.keys(params).sort()).toEqual(Object.keys(expected).sort());
    expect(params).toEqual(expected);
    for (const r of sent) expect(['delete', ''].includes(r.command), `unexpected command ${r.command}`).toBe(false);
    // api3 saw only commands of the catalog.
    for (const r of sent) expect(CATALOG.map((c) => c.name)).toContain(r.command);
  });

  it(`${tool}: an argument it does not have (command) is refused by name, and nothing is sent`, async () => {
    const { h } = harness();
    const before = h().simulator.requests.length;
    const result = await h().call(tool, { ...args, command: 'delete' });
    expect(h().simulator.requests.slice(before)).toEqual([]);
    expect(result.isError, describeResult(result)).toBe(true);
    expect(JSON.parse(textOf(result))).toMatchObject({ error: 'invalid_input', message: expect.stringMatching(/unknown argument command\b/) });
  });
}

/** api3 commands that change the account: every catalog command that is not a read. */
const STATE_CHANGING = new Set(CATALOG.filter((spec) => spec.effect !== 'read').map((spec) => spec.name));

/**
 * Dry run (DYNADOT_DRY_RUN): the tool's valid call, even confirmed, answers a preview that says
 * it is a dry run, and not one state-changing request reaches api3 (a renewal quote is a read).
 * Run by badInputSweep for every write and destructive tool, on a dry-run server of its own.
 */
function dryRunCase(spec: AnyToolSpec, valid: Record<string, unknown>): void {
  it(`${spec.name} in dry run: a preview only, no state-changing request reaches api3`, async () => {
    const dry = await startHarness({ dryRun: true, ...(currentExtraTools ? { extraTools: currentExtraTools } : {}) });
    try {
      const before = snapshot(dry.simulator.account);
      const args = spec.effect === 'destructive' ? { ...valid, confirm: true, confirmation_id: 'c1.0.x.x' } : valid;
      const result = await dry.call(spec.name, args);
      // A preview whose own read api3 refuses (renew's quote for a wrong expiry year) is an error
      // here as anywhere; what matters is that nothing changing was sent.
      if (!result.isError) {
        const answer = result.structuredContent as Json;
        expect(answer.dry_run).toBe(true);
        expect(answer.preview.summary).toMatch(/^Dry run/);
        expect(answer.preview).not.toHaveProperty('confirmation_id');
      }
      // A command served beside the catalog (test/helpers/setting-scopes.ts) changes state as well.
      const changing = dry.simulator.requests.filter((r) => (STATE_CHANGING.has(r.command) || r.command === spec.name) && r.params.price_check === undefined);
      expect(changing).toEqual([]);
      expect(snapshot(dry.simulator.account)).toEqual(before);
    } finally {
      await dry.close();
    }
  });
}
