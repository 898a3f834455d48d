import {
  CLIENT_CAPABILITIES_META_KEY,
  createRequestStateCodec,
  inputRequired,
  inputResponse,
  isInputRequiredResult,
  Server,
  type CallToolResult,
  type InputRequiredResult,
  type RequestStateCodec,
  type ServerContext,
  type Tool,
} from '@modelcontextprotocol/server';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Api3 } from '../api3/client.js';
import type { RdapPort } from '../rdap/types.js';
import { Api3Pending } from '../api3/envelope.js';
import { Api3Error } from '../api3/errors.js';
import { maskSecretsIn, redact } from '../api3/redact.js';
import { errorMessage, errorStack, log } from '../log.js';
import { PACKAGE_VERSION } from '../version.js';
import { isJson, type Json } from './condense.js';
import { closestName, unknownArguments, type UnknownArgument } from './arguments.js';
import { annotationsFor, invoke, spendsMoney, type AnyToolSpec, type ToolContext } from './define.js';
import { describeUnfinished, maskedAuditLog, type AuditLog, type UnfinishedChange } from './audit.js';
import { CallReads } from './reads.js';
import { snapshotBefore } from './snapshots.js';
import type { StateStore } from './state-store.js';
import { ConfirmationUses, FileUseStore, type UseOutcome, type UseRecord, type UseStore } from './single-use.js';
import { maskSensitive } from './sensitive.js';
import {
  callArguments,
  CONFIRM_FIELD,
  CONFIRMATION_ID_FIELD,
  confirmFields,
  describeSpendCap,
  gate,
  type GateDecision,
  type Preview,
  type SafetyPolicy,
  type SpendCapSetting,
} from './safety.js';
import { canonicalJson, Confirmations } from './confirmation.js';
import { approvalMessage, approvalOf, approvalSchema, askApproval, canElicit, DEFAULT_ELICITATION_TIMEOUT_MS } from './elicitation.js';
import { CALL_TOOL, DEFAULT_CHOICE, FIND_TOOLS, ServedNames, TOOLSET_NAMES, TOOLSETS, type ToolsetChoice, type ToolsetName, type Withheld } from './toolsets.js';
import { callToolInput, DISCOVERY_DESCRIPTIONS, findToolsInput, names as queryNames, rankTools, toolIndex } from './discovery.js';
import { forgetCompletions, registerCompletions } from './completions.js';
import { promptArgumentKind, registerPrompts } from './prompts.js';
import { registerResources, templateVariableKind } from './resources.js';
import { factsOf } from './explained.js';

export interface Selection {
  /** Toolsets to list (`default`: the everyday tools and the discovery pair); undefined means the default. */
  toolsets?: readonly ToolsetChoice[] | 'all';
  /** Individual tools to add on top of the toolsets. */
  tools?: readonly string[];
  /** Serve read tools only. Wins over every other choice. */
  readOnly?: boolean;
  /** Serve nothing that spends money (--no-purchases): wins over toolsets and single tools too. */
  noPurchases?: boolean;
}

/**
 * The tools a selection serves, in catalog order (deterministic for tools/list). The one place
 * that decides what is reachable: tools/list, tools/call and anything that lists or calls tools
 * by name go through it, so a profile (read-only, no purchases) cannot be walked around.
 */
export function selectTools(catalog: readonly AnyToolSpec[], selection: Selection): AnyToolSpec[] {
  const toolsets = selection.toolsets === 'all' ? undefined : new Set(selection.toolsets ?? DEFAULT_CHOICE);
  const extra = new Set(selection.tools ?? []);
  return reachableTools(catalog, selection).filter(
    (spec) => toolsets === undefined || toolsets.has(spec.toolset) || (toolsets.has('default') && spec.everyday === true) || extra.has(spec.name),
  );
}

/** What the profile allows at all, listed or not: what call_tool can reach. */
export function reachableTools(catalog: readonly AnyToolSpec[], selection: Selection): AnyToolSpec[] {
  return catalog.filter((spec) => (!selection.readOnly || spec.effect === 'read') && (!selection.noPurchases || !spendsMoney(spec)));
}

/** Whether the discovery pair is listed: by default and in `discover`; `all` lists every tool itself. */
export function servesDiscovery(selection: Selection): boolean {
  if (selection.toolsets === 'all') return false;
  const toolsets = selection.toolsets ?? DEFAULT_CHOICE;
  return toolsets.includes('default') || toolsets.includes('discover');
}

/** The input schema a client sees: the spec's own, plus `confirm` for destructive tools. */
export function advertisedInput(spec: AnyToolSpec): z.ZodObject {
  return spec.effect === 'destructive' ? spec.input.extend(confirmFields) : spec.input;
}

/**
 * The outcomes every change can answer with besides its result, advertised as plain objects:
 * their fields are the same on every tool (Preview in safety.ts; pending: status, message,
 * next_step) and the instructions explain them once, where spelling them out in each of 80
 * output schemas would cost 40 KB of every tools/list.
 */
const outcomeObject = z.looseObject({});

/**
 * The output schema a client sees. A call that changes the account answers with its result, or
 * with `pending` when api3 accepted it without finishing, or with a preview (a destructive call
 * not confirmed, any change in dry run): so their result fields become optional beside those.
 * A result that replaced settings names the snapshot that can put them back. The labels any
 * answer may carry (`demo`, `dry_run`, a replay's `replay` and `replay_note`) are explained in
 * the instructions: advertised output objects are open (see leanSchema), so they need no
 * declaration in each tool's schema.
 */
export function advertisedOutput(spec: AnyToolSpec): z.ZodObject {
  if (spec.effect === 'read') return spec.output;
  return spec.output.partial().extend({ pending: outcomeObject.optional(), preview: outcomeObject.optional(), snapshot_id: z.string().optional() });
}

const REPLAY_NOTE = 'This confirmation_id was already used: nothing was sent again. This is the answer of its first use.';
const IN_PROGRESS_NOTE =
  'This confirmation_id is already in use by a call that is still running (or whose answer was not recorded): nothing was sent again. Do not call again; is_processing, domain_info, get_dns or get_account_balance tell how it went.';

/** The answer to a later use of a consumed id: what its first use answered, or that it is still running. */
function replayAnswer(record: UseRecord): CallToolResult {
  const outcome = record.outcome;
  if (outcome && 'error' in outcome) {
    return { content: [{ type: 'text', text: redact(JSON.stringify({ ...outcome.error, replay: true, replay_note: REPLAY_NOTE })) }], isError: true };
  }
  if (outcome) return success({ ...outcome.result, replay: true, replay_note: REPLAY_NOTE });
  return success({ replay: true, replay_note: IN_PROGRESS_NOTE });
}

/** What a later use of the same id answers: the structured result, or the error as the agent read it. */
function outcomeOf(result: CallToolResult): { result: Json } | { error: Json } {
  if (!result.isError && isJson(result.structuredContent)) return { result: result.structuredContent };
  const first = result.content[0];
  let parsed: unknown;
  try {
    parsed = first?.type === 'text' ? JSON.parse(first.text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { error: isJson(parsed) ? parsed : { error: 'api_error', message: 'the first use of this confirmation_id failed' } };
}

/** An outcome to keep, with the spec's secret result fields (`secretOutput`) as `***`. */
function withoutSecrets(spec: AnyToolSpec, outcome: UseOutcome): UseOutcome {
  if (!('result' in outcome) || !spec.secretOutput?.length) return outcome;
  return { result: maskSensitive({ sensitive: spec.secretOutput }, outcome.result) };
}

/** A result carries the user's data as it is (a TXT record's `?key=` is theirs): only the literal key and secrets are masked. */
function success(answer: Json): CallToolResult {
  const result = maskSecretsIn(answer);
  return { content: [{ type: 'text', text: JSON.stringify(result) }], structuredContent: result };
}

/** What an agent reads for an accepted, unfinished order: what happened and what to do next. */
function pendingAnswer(spec: AnyToolSpec, pending: Api3Pending, names?: ServedNames): Json {
  const nextStep = `Do not call ${spec.name} again: that could repeat the order. Tell the user it is pending; order_list (today) finds the order and get_order_status shows when it is done.`;
  return {
    pending: {
      status: pending.status,
      message: `${spec.name} was accepted by Dynadot and is not finished yet (${pending.status}); it is neither done nor failed.`,
      next_step: names ? names.adapt(nextStep) : nextStep,
    },
  };
}

/**
 * An error as the agent reads it. With `names` (the running server's), a message or hint that
 * names a tool it does not serve gets a note on how to enable it, once, in the hint.
 */
export function errorResult(error: unknown, names?: ServedNames): CallToolResult {
  const agentError: { error: string; message: string; hint?: string } =
    error instanceof Api3Error
      ? error.toAgent()
      : { error: 'api_error', message: `internal error: ${errorMessage(error)}` };
  if (!(error instanceof Api3Error)) log('error', 'tool failed unexpectedly', { error: errorStack(error) });
  const note = names?.note(agentError.message, agentError.hint);
  if (note) agentError.hint = agentError.hint ? `${agentError.hint} ${note}` : note;
  return { content: [{ type: 'text', text: redact(JSON.stringify(agentError)) }], isError: true };
}

/** A preview's texts (not its facts) kept to the served tools. */
function adaptPreview(preview: Preview, names: ServedNames): Preview {
  const adapted: Preview = { ...preview, summary: names.adapt(preview.summary), next_step: names.adapt(preview.next_step) };
  if (preview.refused_because) adapted.refused_because = preview.refused_because.map((reason) => names.adapt(reason));
  if (preview.why_not_sent !== undefined) adapted.why_not_sent = names.adapt(preview.why_not_sent);
  return adapted;
}

/**
 * The input schema as served: the advertised one, with the tool-naming descriptions of its
 * top-level fields kept to the served tools (a wrapper's description wins over its inner one's).
 */
function servedInput(spec: AnyToolSpec, names: ServedNames): z.ZodObject {
  const input = advertisedInput(spec);
  const changed: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries<z.ZodType>(input.shape)) {
    const description = describedAs(field);
    if (description !== undefined && names.note(description)) changed[key] = field.describe(names.adapt(description));
  }
  return Object.keys(changed).length > 0 ? input.extend(changed) : input;
}

/**
 * A field's description, looked up through optional/default/nullable wrappers with zod's own
 * public accessors: the outermost description wins, as in the JSON Schema zod emits.
 */
function describedAs(field: z.ZodType): string | undefined {
  let current: z.ZodType | undefined = field;
  for (let depth = 0; current && depth < 5; depth++) {
    if (current.description !== undefined) return current.description;
    const inner: unknown = current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault ? current.unwrap() : undefined;
    current = inner instanceof z.ZodType ? inner : undefined;
  }
  return undefined;
}

/**
 * A zod schema as the JSON Schema a client sees: zod's own draft 2020-12 conversion, the dialect
 * the v2 SDK advertises, without the `$schema` key. That key tells a model nothing and costs
 * 15 tokens a tool in every conversation (about 1,500 for the whole api3 catalog).
 */
function jsonSchemaOf(schema: z.ZodObject, io: 'input' | 'output'): Tool['inputSchema'] {
  const json: unknown = JSON.parse(JSON.stringify(z.toJSONSchema(schema, { target: 'draft-2020-12', io })));
  if (!isJson(json) || json.type !== 'object') throw new Error('a tool schema must be a JSON Schema object');
  const { $schema: _dialect, ...rest } = leanSchema(json, io);
  return { ...rest, type: 'object' };
}

/**
 * Keywords a client gets no help from, dropped from what tools/list advertises. The zod schema
 * behind each tool still holds every one of them and checks every call with them (the same
 * `invalid_input` naming the field and the limit): they are only not paid for in every
 * conversation. Bounds and patterns (maxLength 253 on every domain, int32 ranges on every id)
 * cost about a sixth of the catalog's tokens and tell a model nothing it would get wrong; a
 * default is what an omitted field means anyway. Output schemas are read by code, not a model:
 * descriptions and zod's record and closed-object markers go too.
 */
const UNADVERTISED = new Set(['minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minItems', 'maxItems', 'pattern', 'format', 'default']);
const UNADVERTISED_IN_OUTPUT = new Set([...UNADVERTISED, 'description', 'propertyNames']);

/**
 * An input enum longer than this is advertised as its type alone. Such lists are codes a model
 * knows or a person gives (ISO countries, DNSSEC algorithms, payment methods, .cn licence
 * types): at 3 to 4 tokens a value they cost more than they help, and a wrong value is refused
 * by zod with the whole list, so the agent learns it on the one call that needs it. The field's
 * description says what kind of code it is. Short enums (record types, currencies) stay: they
 * steer a model on every call.
 */
export const LONG_ENUM = 10;

/**
 * An input's choice of object shapes told apart by one field (zod's discriminated union: email
 * forwarding by `type`, a DNSSEC key as DS or DNSKEY), advertised as one object: the
 * discriminator as an enum beside every branch's other fields, required where every branch
 * requires it. Each branch repeats the object's frame and its discriminator, about 50 tokens for
 * three branches; what a branch needs is checked by zod all the same, naming the missing field.
 * Anything else (branches that disagree on a field, no common discriminator) is left as it is.
 */
function mergedUnion(branches: unknown[]): Json | undefined {
  const shapes: Array<{ properties: Json; required: unknown[] }> = [];
  for (const branch of branches) {
    if (!isJson(branch) || branch.type !== 'object' || !isJson(branch.properties)) return undefined;
    shapes.push({ properties: branch.properties, required: Array.isArray(branch.required) ? branch.required : [] });
  }
  const [first] = shapes;
  if (!first || shapes.length < 2) return undefined;
  const constOf = (field: unknown) => (isJson(field) ? field.const : undefined);
  const discriminator = Object.keys(first.properties).find((key) => shapes.every((b) => constOf(b.properties[key]) !== undefined));
  if (discriminator === undefined) return undefined;
  const values = shapes.map((b) => constOf(b.properties[discriminator]));
  const properties: Json = { [discriminator]: { type: typeof values[0] === 'number' ? 'number' : 'string', enum: values } };
  for (const branch of shapes) {
    for (const [key, field] of Object.entries(branch.properties)) {
      if (key === discriminator) continue;
      if (key in properties && JSON.stringify(properties[key]) !== JSON.stringify(field)) return undefined;
      properties[key] = field;
    }
  }
  const required = Object.keys(properties).filter((key) => shapes.every((b) => b.required.includes(key)));
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
}

/**
 * An input schema as a model is shown it: each discriminated union merged (mergedUnion). The
 * unmerged schema stays the one calls are checked against, so a field of another branch
 * (`{type: "none", hosts: [...]}`) is still refused by name rather than dropped by zod.
 */
function withUnionsMerged(schema: Tool['inputSchema']): Tool['inputSchema'] {
  const merge = (value: Json, isKeyword: boolean): Json => {
    const item = (entry: unknown, keyword: boolean): unknown => {
      if (Array.isArray(entry)) return entry.map((e) => item(e, true));
      return isJson(entry) ? merge(entry, keyword) : entry;
    };
    if (isKeyword && Array.isArray(value.oneOf)) {
      const { oneOf, ...rest } = value;
      const merged = mergedUnion(oneOf);
      if (merged) return merge({ ...rest, ...merged }, true);
    }
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, item(entry, !(isKeyword && (key === 'properties' || key === '$defs')))]));
  };
  return withRepeatsNamed({ ...merge(schema, true), type: 'object' });
}

/**
 * A list whose items have the very shape another list of the same tool already shows (the DNS
 * record of update_dns_records' `set` and `add`) is shown with items of type object and says
 * whose shape they share: the record costs about 100 tokens each time it is spelled out. The
 * arguments are checked against the full shape all the same (the unmerged schema, and zod).
 */
function withRepeatsNamed(schema: Tool['inputSchema']): Tool['inputSchema'] {
  const seen = new Map<string, string>();
  const visit = (node: Json, path: string): Json => {
    if (!isJson(node.properties)) return node;
    const properties: Json = {};
    for (const [name, field] of Object.entries(node.properties)) {
      if (!isJson(field)) {
        properties[name] = field;
        continue;
      }
      const where = path ? `${path}.${name}` : name;
      const items = field.items;
      if (field.type === 'array' && isJson(items) && isJson(items.properties)) {
        const shape = JSON.stringify(items);
        const first = seen.get(shape);
        if (first !== undefined) {
          const said = typeof field.description === 'string' ? `${field.description}; ` : '';
          properties[name] = { ...field, description: `${said}items as in ${first}`, items: { type: 'object' } };
          continue;
        }
        seen.set(shape, where);
        properties[name] = { ...field, items: visit(items, where) };
        continue;
      }
      properties[name] = visit(field, where);
    }
    return { ...node, properties };
  };
  return { ...visit(schema, ''), type: 'object' };
}

function leanSchema(schema: Json, io: 'input' | 'output'): Json {
  const dropped = io === 'input' ? UNADVERTISED : UNADVERTISED_IN_OUTPUT;
  const lean = (value: unknown, isKeyword: boolean): unknown => {
    if (Array.isArray(value)) return value.map((item) => lean(item, true));
    if (!isJson(value)) return value;
    const out: Json = {};
    for (const [key, item] of Object.entries(value)) {
      // Under `properties` the keys are field names, never keywords: a field called `pattern` stays.
      if (isKeyword && dropped.has(key)) continue;
      if (io === 'input' && isKeyword && key === 'enum' && Array.isArray(item) && item.length > LONG_ENUM) continue;
      // `additionalProperties: false` is zod's closed object: unknown arguments are refused on the server either way.
      if (isKeyword && key === 'additionalProperties' && (item === false || (io === 'output' && isJson(item) && Object.keys(item).length === 0))) continue;
      // In an output, `{type: boolean, const: true}` says no more than `{const: true}`, and no
      // properties no more than none. Inputs keep every `type`: some model APIs (Gemini's) refuse
      // an enum or const without one.
      if (io === 'output' && isKeyword && ((key === 'type' && 'const' in value) || (key === 'properties' && isJson(item) && Object.keys(item).length === 0))) continue;
      out[key] = lean(item, !(isKeyword && (key === 'properties' || key === '$defs')));
    }
    return out;
  };
  const result = lean(schema, true);
  return isJson(result) ? result : schema;
}

/** `records[0].value`: where an argument failed, as an agent would write it. */
function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`)).join('');
}

/**
 * Arguments the tool does not have, refused rather than dropped: each named where it was found,
 * with the names that object takes and the one the agent likely meant.
 */
function unknownArgumentsError(tool: string, unknown: readonly UnknownArgument[]): Api3Error {
  const issues = unknown.map(({ path, known, closest }) => {
    const where = fieldPath(path);
    const parent = path.length > 1 ? `${fieldPath(path.slice(0, -1))} takes` : `${tool} takes`;
    const guess = closest === undefined ? '' : ` (did you mean ${path.length > 1 ? fieldPath([...path.slice(0, -1), closest]) : closest}?)`;
    return `unknown argument ${where}${guess}; ${parent}: ${known.join(', ') || 'no arguments'}`;
  });
  return new Api3Error('invalid_input', `Invalid arguments for tool ${tool}: ${issues.join('; ')}`, {
    hint: 'Call again without the unknown argument, or with the name meant; nothing was sent to Dynadot.',
  });
}

/** What was wrong with the arguments, field by field, as one line. */
function invalidArguments(tool: string, error: z.ZodError): Api3Error {
  const issues = error.issues.map((issue) => (issue.path.length > 0 ? `${fieldPath(issue.path)}: ${issue.message}` : issue.message));
  return new Api3Error('invalid_input', `Invalid arguments for tool ${tool}: ${issues.join('; ')}`, {
    hint: 'Correct the field named above and call again; nothing was sent to Dynadot.',
  });
}

export interface ServerOptions extends Selection {
  api: Api3;
  /** The account as the server reads it (balances, domains, DNS), implemented by the catalog (tools/ports.ts). */
  account: ToolContext['account'];
  catalog: readonly AnyToolSpec[];
  /** Public registration data for taken names (DYNADOT_RDAP); none when off. */
  rdap?: RdapPort;
  /** The built-in simulator stands in for a real account: say so in every answer. */
  demo: boolean;
  /** Largest amount one purchase may cost (DYNADOT_SPEND_CAP). */
  spendCap?: SpendCapSetting;
  /** Where writes are recorded (DYNADOT_AUDIT_LOG). */
  audit?: AuditLog;
  /** Issues and checks confirmation ids; one per process (or a shared secret) so HTTP sessions agree. */
  confirmations?: Confirmations;
  /**
   * How long a destructive call waits for the user's answer when the client asks them itself
   * (elicitation); then the preview is the answer. Default 60 s; 0 never asks.
   */
  elicitationTimeoutMs?: number;
  /** DYNADOT_DRY_RUN: writes and destructive calls answer with their preview only. */
  dryRun?: boolean;
  /** Where snapshots of replaced settings are kept (DYNADOT_STATE_DIR); without it none are taken. */
  store?: StateStore;
  /** api3 commands no tool serves yet (tools/not-yet.ts), so a hint naming one says so rather than "enable a toolset". */
  notYet?: Withheld['notYet'];
  /**
   * Where consumed confirmation ids are shared with other processes; by default the state
   * folder's (`store`), else this process only.
   */
  uses?: UseStore;
  /** The audit log's last change when the server started, if its outcome was never recorded: told to the agent. */
  unfinished?: UnfinishedChange;
  /** The store several server instances share (DYNADOT_STATE_URL): what to tell when it was unreachable during a call. */
  sharedState?: { unavailableSince(since: number): string | undefined };
  /** The audit log's file, served as the dynadot://audit resource; without it that resource is not listed. */
  auditPath?: string;
}

const confirmationUses = new WeakMap<ServerOptions, ConfirmationUses>();
/** One ledger of consumed ids per options object: every HTTP session and stateless request of a process shares it. */
function usesFor(options: ServerOptions): ConfirmationUses {
  let uses = confirmationUses.get(options);
  if (!uses) {
    const shared = options.uses ?? (options.store ? new FileUseStore(options.store.confirmationsDir) : undefined);
    uses = new ConfirmationUses(shared);
    confirmationUses.set(options, uses);
  }
  return uses;
}

const ENABLE = 'DYNADOT_TOOLSETS or --toolsets';

/**
 * What the agent reads first. It names only what this server serves and, for the rest, the
 * toolsets that have tools and how to enable them; toolsets with no tools yet go unmentioned.
 */
export function instructionsFor(options: ServerOptions, served: readonly AnyToolSpec[]): string {
  const servedNames = new Set(served.map((spec) => spec.name));
  const inToolset = (name: ToolsetName) => options.catalog.filter((spec) => spec.toolset === name);
  const reachable = reachableTools(options.catalog, options);
  const available = (name: ToolsetName) => reachable.filter((spec) => spec.toolset === name);
  const servedSets = TOOLSET_NAMES.filter((name) => inToolset(name).some((spec) => servedNames.has(spec.name)));
  const discovery = servesDiscovery(options);
  const describe = (name: ToolsetName) => {
    const here = inToolset(name).filter((spec) => servedNames.has(spec.name));
    return here.length < inToolset(name).length ? `${name} (only ${here.map((spec) => spec.name).join(', ')})` : `${name} (${TOOLSETS[name].description})`;
  };
  const more = TOOLSET_NAMES.filter((name) => !servedSets.includes(name) && available(name).length > 0);
  const lines = ['Dynadot registrar tools (api3) for one Dynadot account.'];
  if (discovery) {
    const sets = TOOLSET_NAMES.filter((name) => available(name).length > 0);
    lines.push(
      `Listed: ${served.length > 0 ? 'the everyday tools' : 'only find_tools and call_tool'}. find_tools finds any of the ${reachable.length} tools (toolsets: ${sets.join(', ')}) by need with its arguments; call_tool calls it by name, with the same checks.`,
    );
  } else {
    lines.push(`Toolsets served: ${servedSets.map(describe).join('; ') || 'none'}.`);
    if (more.length > 0) lines.push(`Not served: ${more.map((name) => `${name} (${TOOLSETS[name].description})`).join('; ')}. Enable with ${ENABLE}.`);
  }
  if (discovery || served.some((spec) => spec.effect === 'destructive')) {
    lines.push(
      'Destructive tools (purchases, deletions, moving a domain away, replacing DNS, name servers or other live settings) change nothing without confirm: true and the confirmation_id of their own preview, once; without them they answer {preview: {summary, details, refused_because?, confirmation_id?, next_step}}. Show the preview to the user and confirm only after they approve, with the same arguments. No confirmation_id means it cannot go through (refused_because says why).' +
        (options.elicitationTimeoutMs === 0 ? '' : ' A client that supports elicitation is asked directly: the user approves there.'),
    );
  }
  lines.push(
    'Results are condensed JSON: dates ISO 8601 UTC, money {amount, currency}, ids integers (pass them on as given). {pending} means Dynadot accepted a change it finishes later: neither done nor failed, never repeat it. replay: true means a confirmation_id was used before: nothing was sent again. A change that replaced settings answers with the snapshot_id that can put them back.',
  );
  if ((discovery ? reachable : served).some((spec) => 'renew_option' in spec.input.shape)) {
    lines.push(
      'Renew options, read and written alike: auto renews from the balance at expiry; do_not_renew lets the domain lapse; reset is api3\'s "no renew option": no choice of its own, so it is not renewed automatically.',
    );
  }
  lines.push(...factsOf((discovery ? reachable : served).map((spec) => spec.input)));
  // Said once here rather than in each of the folder-setting tools' schemas (about 20 tokens each).
  if ((discovery ? reachable : served).some((spec) => 'apply_to_new' in spec.input.shape)) {
    lines.push(
      "Folder settings (set_folder_*) take the folder by exact name or folder_id. apply_to_new also gives the setting to domains moved into the folder later; sync also replaces it now on the folder's domains, which is destructive.",
    );
  }
  if (options.dryRun) {
    lines.unshift('DRY RUN: this server changes nothing. Every write and destructive tool answers with its preview only, and every result carries "dry_run": true; reads work as usual.');
  }
  if (options.readOnly) lines.push('Read-only mode: only tools that change nothing are served; writes need a server started without --read-only (DYNADOT_READ_ONLY).');
  if (options.noPurchases && !options.readOnly) {
    lines.push('No-purchases profile: nothing that spends money (registering, renewing, transfers, bids) is served; the user buys in the Dynadot control panel or on a server started without --no-purchases (DYNADOT_NO_PURCHASES).');
  }
  if (options.spendCap !== undefined && (discovery ? reachable : served).some((spec) => spec.cost)) {
    lines.push(`Spend cap: a single purchase above ${describeSpendCap(options.spendCap)} is refused.`);
  }
  if (options.unfinished) lines.unshift(`WARNING: ${describeUnfinished(options.unfinished)}`);
  if (options.demo) {
    lines.unshift(
      'DEMO MODE: no DYNADOT_API_KEY is set, so every tool runs against a built-in simulated account with made-up domains, and every result carries "demo": true. Nothing is real and nothing is charged. Set DYNADOT_API_KEY to use a real Dynadot account.',
    );
  }
  return lines.join('\n');
}

let processWide: Confirmations | undefined;
/**
 * Without a shared secret, one random one for the whole process: an id issued by one HTTP
 * session (or one stateless request's server) is accepted by the next.
 */
function processConfirmations(): Confirmations {
  processWide ??= new Confirmations();
  return processWide;
}

/**
 * What the 2026-07-28 approval round trip carries from the question to the answer: which call
 * was asked about and the confirmation id its preview issued. Signed by the codec, not
 * encrypted (the client can read it), so it holds a digest of the arguments, never a secret.
 */
interface ApprovalState {
  tool: string;
  call: string;
  confirmation_id: string;
}
/** The key of the one embedded request of an approval round. */
const APPROVAL_REQUEST = 'approval';

function isApprovalState(value: unknown): value is ApprovalState {
  return isJson(value) && typeof value.tool === 'string' && typeof value.call === 'string' && typeof value.confirmation_id === 'string';
}

/** The call an approval belongs to, as a digest: its arguments may hold secrets (auth codes). */
function callDigest(tool: string, args: Json): string {
  return createHash('sha256').update(`${tool}\u0000${canonicalJson(callArguments(args))}`).digest('base64url');
}

const approvalCodecs = new WeakMap<Confirmations, RequestStateCodec<ApprovalState>>();
/**
 * The requestState codec of the approval round trip (HMAC, 10 minutes like a confirmation id,
 * bound to the method), keyed from the confirmation secret so replicas sharing
 * DYNADOT_CONFIRM_SECRET accept each other's rounds.
 */
function approvalCodec(confirmations: Confirmations): RequestStateCodec<ApprovalState> {
  let codec = approvalCodecs.get(confirmations);
  if (!codec) {
    codec = createRequestStateCodec<ApprovalState>({
      key: confirmations.deriveKey('requestState'),
      ttlSeconds: 600,
      bind: (ctx) => ctx.mcpReq.method,
    });
    approvalCodecs.set(confirmations, codec);
  }
  return codec;
}

/** Whether this request speaks the 2026-07-28 revision: it carries the per-request `_meta` envelope. */
function servedModern(mcp: ServerContext): boolean {
  return mcp.mcpReq.envelope !== undefined;
}

/** On 2026-07-28, whether the request's own envelope declares form elicitation (`elicitation: {}` means form). */
function envelopeCanElicit(mcp: ServerContext): boolean {
  const envelope: unknown = mcp.mcpReq.envelope;
  const capabilities = isJson(envelope) ? envelope[CLIENT_CAPABILITIES_META_KEY] : undefined;
  const elicitation = isJson(capabilities) ? capabilities.elicitation : undefined;
  return isJson(elicitation) && (elicitation.form !== undefined || Object.keys(elicitation).length === 0);
}

/**
 * The signal a tool call runs under: it aborts when the client cancels the request
 * (notifications/cancelled), when the connection or session closes (the SDK aborts every
 * in-flight handler then), and over HTTP when the request's own HTTP exchange closes before
 * its answer (a 2025 POST whose connection dropped, a 2026 response stream the client closed).
 */
function callSignal(mcp: ServerContext): AbortSignal {
  const exchange = mcp.http?.req?.signal;
  return exchange ? AbortSignal.any([mcp.mcpReq.signal, exchange]) : mcp.mcpReq.signal;
}

/** An error whose code may be one this branch does not know yet (`cancelled`, from the api3 layer). */
function errorCode(error: unknown): string {
  return error instanceof Api3Error ? String(error.code) : 'internal';
}

/**
 * Progress for a call whose client asked for it (`_meta.progressToken`): each step a tool reports
 * goes out as notifications/progress, related to the call. Without a token nothing is sent, and a
 * notification that cannot be delivered (the client left) changes nothing about the call.
 *
 * A call goes through stages that each count their own items from 1 (the current settings read
 * domain by domain, the send, the read-back of each domain); MCP wants one rising figure per
 * call, so a count that starts over is a new stage, added after the ones before.
 */
function progressOf(mcp: ServerContext): Pick<ToolContext, 'progress'> {
  const token = mcp.mcpReq._meta?.progressToken;
  if (token === undefined) return {};
  let before = 0;
  let stage = { done: 0, total: 0 };
  let reported = 0;
  return {
    progress(done, total, message) {
      if (done <= stage.done) before += Math.max(stage.done, stage.total);
      stage = { done, total };
      const progress = before + done;
      if (progress <= reported) return;
      reported = progress;
      mcp.mcpReq
        .notify({ method: 'notifications/progress', params: { progressToken: token, progress, total: before + total, ...(message ? { message } : {}) } })
        .catch(() => undefined);
    },
  };
}

/** The api3 layer's word that a call was dropped from its queue before it reached the wire. */
function cancelledBeforeSending(error: unknown): boolean {
  return error instanceof Api3Error && String(error.code) === 'cancelled' && !('sent' in error && error.sent === true);
}

/** A catalog tool as calls are checked: its spec, the schema its arguments are parsed with, and what a client is shown. */
interface ServedTool {
  spec: AnyToolSpec;
  input: z.ZodObject;
  /** The input schema a client is shown (unions merged). */
  inputJson: Tool['inputSchema'];
  /** The same before unions are merged: what argument names are checked against. */
  argumentsJson: Tool['inputSchema'];
  output: Tool['outputSchema'];
}

interface ServedCatalog {
  served: AnyToolSpec[];
  names: ServedNames;
  /** The tools/list answer. */
  tools: Tool[];
  /** Each listed catalog tool. */
  bySpec: Map<string, ServedTool>;
  /** With the discovery pair: every tool the profile allows, listed or not, built when first asked for. */
  reachable?: { specs: AnyToolSpec[]; tool(name: string): ServedTool | undefined };
}

const servedCatalogs = new WeakMap<ServerOptions, ServedCatalog>();

/** A catalog tool as a client is shown it, and the schemas its calls are checked with. */
function servedTool(spec: AnyToolSpec, names: ServedNames): { listed: Tool; checked: ServedTool } {
  const argumentsJson = jsonSchemaOf(servedInput(spec, names), 'input');
  const listed: Tool = {
    name: spec.name,
    title: spec.title,
    description: names.adapt(spec.description),
    inputSchema: withUnionsMerged(argumentsJson),
    outputSchema: jsonSchemaOf(advertisedOutput(spec), 'output'),
    annotations: annotationsFor(spec),
  };
  // Arguments are checked against what a client was shown: the names a model saw are the names a call may use.
  return { listed, checked: { spec, input: advertisedInput(spec), inputJson: listed.inputSchema, argumentsJson, output: listed.outputSchema } };
}

/** The discovery pair's input schemas as advertised, converted once: tools/list shows them and every call is checked against them. */
const DISCOVERY_INPUT_JSON = {
  [FIND_TOOLS]: jsonSchemaOf(findToolsInput, 'input'),
  [CALL_TOOL]: jsonSchemaOf(callToolInput, 'input'),
};

/**
 * The arguments of a call, checked as every tool's are: names the advertised schema does not
 * have are refused (not dropped), then the zod schema checks every limit.
 */
function checkedArguments<Input extends z.ZodObject>(tool: string, inputJson: Tool['inputSchema'], schema: Input, raw: unknown): { data: z.infer<Input> } | { error: Api3Error } {
  const unknown = unknownArguments(inputJson, raw ?? {});
  if (unknown.length > 0) return { error: unknownArgumentsError(tool, unknown) };
  const parsed = schema.safeParse(raw ?? {});
  return parsed.success ? { data: parsed.data } : { error: invalidArguments(tool, parsed.error) };
}

/**
 * The discovery pair as tools/list shows it. Neither takes the whole catalog's annotations:
 * find_tools only reads this server's own list, and call_tool is read-only only when everything
 * it reaches is; it is not marked destructive, since each destructive tool it calls keeps its
 * own confirmation (a client that asked the user before every call would ask before every read).
 */
function discoveryTools(readOnly: boolean): Tool[] {
  const find: Tool = {
    name: FIND_TOOLS,
    title: 'Find tools',
    description: DISCOVERY_DESCRIPTIONS[FIND_TOOLS],
    inputSchema: DISCOVERY_INPUT_JSON[FIND_TOOLS],
    annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  };
  const call: Tool = {
    name: CALL_TOOL,
    title: 'Call a tool',
    description: DISCOVERY_DESCRIPTIONS[CALL_TOOL],
    inputSchema: DISCOVERY_INPUT_JSON[CALL_TOOL],
    annotations: { readOnlyHint: readOnly, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  };
  return [find, call];
}

/**
 * What tools/list answers and how calls are checked, built once per options object: the HTTP
 * app builds a server for every session, every stateless request and every 2026-07-28 request
 * from the same options, and converting every schema to JSON Schema costs tens of milliseconds.
 * The tools reached only through call_tool are converted when first asked for, not at start.
 */
function servedCatalog(options: ServerOptions): ServedCatalog {
  const cached = servedCatalogs.get(options);
  if (cached) return cached;
  const served = selectTools(options.catalog, options);
  const discovery = servesDiscovery(options);
  const names = new ServedNames(options.catalog, served, {
    readOnly: options.readOnly ?? false,
    ...(options.noPurchases ? { purchases: new Set(options.catalog.filter(spendsMoney).map((spec) => spec.name)) } : {}),
    ...(options.notYet ? { notYet: options.notYet } : {}),
    ...(discovery ? { discoverable: true } : {}),
  });
  const built = served.map((spec) => servedTool(spec, names));
  const bySpec = new Map(built.map(({ checked }) => [checked.spec.name, checked]));
  const tools = [...built.map(({ listed }) => listed), ...(discovery ? discoveryTools(options.readOnly ?? false) : [])];
  const catalog: ServedCatalog = { served, names, tools, bySpec };
  if (discovery) {
    const specs = reachableTools(options.catalog, options);
    const unlisted = new Map<string, ServedTool>();
    catalog.reachable = {
      specs,
      tool(name) {
        const listed = bySpec.get(name) ?? unlisted.get(name);
        if (listed) return listed;
        const spec = specs.find((candidate) => candidate.name === name);
        if (!spec) return undefined;
        const { checked } = servedTool(spec, names);
        unlisted.set(name, checked);
        return checked;
      },
    };
  }
  servedCatalogs.set(options, catalog);
  return catalog;
}

export function buildServer(options: ServerOptions): Server {
  const { served, names, tools, bySpec, reachable } = servedCatalog(options);
  const uses = usesFor(options);
  // Audit lines never hold a secret argument (a spec's `sensitive` fields): masked before they are written.
  if (options.audit) options = { ...options, audit: maskedAuditLog(options.audit, options.catalog) };
  const elicitationTimeoutMs = options.elicitationTimeoutMs ?? DEFAULT_ELICITATION_TIMEOUT_MS;
  const confirmations = options.confirmations ?? processConfirmations();
  const codec = approvalCodec(confirmations);
  // The low-level Server: tools/list and tools/call are this server's own, so every answer,
  // an unknown tool and arguments that fail the schema included, has the stable error shape.
  const server = new Server(
    { name: 'mcp-server-dynadot', title: 'Dynadot', version: PACKAGE_VERSION },
    {
      instructions: instructionsFor(options, served),
      capabilities: { tools: { listChanged: false }, prompts: { listChanged: false }, resources: { listChanged: false }, completions: {}, logging: {} },
      // An echoed approval round is only taken back when this server signed it, for this method, in the last 10 minutes.
      requestState: { verify: codec.verify },
    },
  );
  const ctx: ToolContext = {
    api: options.api,
    account: options.account,
    ...(options.store ? { store: options.store } : {}),
    ...(options.unfinished ? { unfinished: options.unfinished } : {}),
    ...(options.rdap ? { rdap: options.rdap } : {}),
  };
  const policy: SafetyPolicy = {
    confirmations,
    ...(options.spendCap === undefined ? {} : { spendCap: options.spendCap }),
    ...(options.dryRun ? { dryRun: true } : {}),
  };
  /** What every answer says about the server it came from. */
  const labelled = (result: Json, since?: number): Json => {
    // Reads that went on while the shared state store was unreachable say so (writes were refused).
    const stateNote = since === undefined ? undefined : options.sharedState?.unavailableSince(since);
    return {
      ...result,
      ...(options.dryRun ? { dry_run: true } : {}),
      ...(options.demo ? { demo: true } : {}),
      ...(stateNote ? { state_store: stateNote } : {}),
    };
  };
  /** A no from the user: the preview without its id, saying why nothing was sent and not to ask again. */
  const declined = (preview: Preview, why: string): GateDecision => {
    const { confirmation_id: _withdrawn, ...rest } = preview;
    const nextStep = 'Nothing was sent. Do not call again unless the user asks for it; a new call asks them again in the client.';
    return { proceed: false, preview: { ...rest, why_not_sent: why, next_step: nextStep } };
  };
  /** An approval goes through the gate again as the confirmed call with the preview's id: facts are checked anew, the spend cap applies. */
  const confirmed = async (spec: AnyToolSpec, args: Json, id: string, callCtx: ToolContext): Promise<{ args: Json; decision: GateDecision }> => {
    // The approval came after the preview's reads: the confirmed call checks the facts as they are now.
    callCtx.reads?.forget();
    const call = { ...args, [CONFIRM_FIELD]: true, [CONFIRMATION_ID_FIELD]: id };
    return { args: call, decision: await gate(spec, call, callCtx, policy) };
  };
  /**
   * 2025 era: a destructive call without `confirm` whose preview issued an id (nothing stands in
   * the way): a client that declared elicitation asks the user (`elicitation/create` on the
   * live connection). A no withdraws the id; no answer within the bounded wait leaves the
   * preview as it was.
   */
  const confirmInClient = async (
    spec: AnyToolSpec,
    args: Json,
    preview: Preview,
    mcp: ServerContext,
    callCtx: ToolContext,
  ): Promise<{ args: Json; decision: GateDecision }> => {
    const id = preview.confirmation_id;
    if (!id || elicitationTimeoutMs <= 0 || !canElicit(server)) return { args, decision: { proceed: false, preview } };
    const approval = await askApproval(server, spec, preview, {
      timeoutMs: elicitationTimeoutMs,
      demo: options.demo,
      signal: callCtx.signal ?? mcp.mcpReq.signal,
      relatedRequestId: mcp.mcpReq.id,
    });
    if (approval.approved) return confirmed(spec, args, id, callCtx);
    if (!approval.answered) return { args, decision: { proceed: false, preview: { ...preview, why_not_sent: approval.why } } };
    return { args, decision: declined(preview, approval.why) };
  };
  /**
   * 2026-07-28: the same question as an `input_required` round. The answer arrives with the
   * client's retry of this call, together with the signed state naming the preview's id.
   */
  const askInRound = async (spec: AnyToolSpec, args: Json, preview: Preview, mcp: ServerContext): Promise<InputRequiredResult | undefined> => {
    const id = preview.confirmation_id;
    if (!id || elicitationTimeoutMs <= 0 || !envelopeCanElicit(mcp)) return undefined;
    return inputRequired({
      inputRequests: {
        [APPROVAL_REQUEST]: inputRequired.elicit({ message: approvalMessage(spec, preview, options.demo), requestedSchema: approvalSchema(spec) }),
      },
      requestState: await codec.mint({ tool: spec.name, call: callDigest(spec.name, args), confirmation_id: id }, mcp),
    });
  };
  /** 2026-07-28 re-entry: the user's answer to the round, for the call the signed state names. */
  const answeredInRound = async (spec: AnyToolSpec, args: Json, state: ApprovalState, mcp: ServerContext, callCtx: ToolContext): Promise<{ args: Json; decision: GateDecision }> => {
    if (state.tool !== spec.name || state.call !== callDigest(spec.name, args)) {
      throw new Api3Error('invalid_input', `the approval sent with this call was asked for another call of ${state.tool}; nothing was sent`, {
        hint: 'Call the tool again with the same arguments as the call the user was asked about, or without confirmation to get a new preview.',
      });
    }
    const answer = inputResponse(mcp.mcpReq.inputResponses, APPROVAL_REQUEST);
    const approval = answer.kind === 'elicit' ? approvalOf(answer) : undefined;
    if (approval?.approved) return confirmed(spec, args, state.confirmation_id, callCtx);
    const fresh = await gate(spec, args, callCtx, policy);
    if (fresh.proceed) {
      // Confirmation is no longer needed for this call (the state it depended on changed); the
      // user still said no, or nothing, so nothing is sent.
      throw new Api3Error('invalid_input', 'the user did not approve this call in the client; nothing was sent', {
        hint: 'Do not call again unless the user asks for it.',
      });
    }
    if (approval && !approval.approved && approval.answered) return { args, decision: declined(fresh.preview, approval.why) };
    return { args, decision: { proceed: false, preview: { ...fresh.preview, why_not_sent: 'The client sent no answer to the approval question; nothing was sent.' } } };
  };

  /** The first use of a confirmation id, once it has consumed it: records its answer for later uses. */
  type FirstUse = { settle?: (outcome: { result: Json } | { error: Json }) => Promise<void> };
  const runTool = async (spec: AnyToolSpec, input: Json, mcp: ServerContext): Promise<CallToolResult | InputRequiredResult> => {
    const first: FirstUse = {};
    const result = await runOnce(spec, input, mcp, first);
    // What is kept for a replay never holds a secret of the result (the caller got it once).
    if (first.settle && !isInputRequiredResult(result)) await first.settle(withoutSecrets(spec, outcomeOf(result)));
    return result;
  };

  const runOnce = async (spec: AnyToolSpec, input: Json, mcp: ServerContext, first: FirstUse): Promise<CallToolResult | InputRequiredResult> => {
    const signal = callSignal(mcp);
    const callCtx: ToolContext = { ...ctx, signal, reads: new CallReads(), ...progressOf(mcp) };
    const started = Date.now();
    // Snapshots another instance saved are listed, restored and undone here too.
    if (spec.toolset === 'undo' || spec.snapshotOf) await options.store?.refresh();
    let args = input;
    // Only calls that reach api3 and may change the account are audited; previews are not.
    let sent = false;
    let snapshotId: string | undefined;
    try {
      let decision: GateDecision;
      const state: unknown = mcp.mcpReq.requestState();
      // A confirmation id used before for this call answers what its first use did, before any
      // read: its facts (a balance, an expiry) have changed by then, and no second call is sent.
      const presented = isApprovalState(state) ? state.confirmation_id : args[CONFIRM_FIELD] === true ? args[CONFIRMATION_ID_FIELD] : undefined;
      const usedBefore = async () => {
        const earlier = spec.effect === 'destructive' && typeof presented === 'string' ? await uses.earlier(presented, callDigest(spec.name, args)) : undefined;
        return earlier && replayAnswer(await earlier);
      };
      const replay = await usedBefore();
      if (replay) return replay;
      if (isApprovalState(state)) {
        ({ args, decision } = await answeredInRound(spec, args, state, mcp, callCtx));
      } else {
        decision = await gate(spec, args, callCtx, policy);
        if (!decision.proceed && args[CONFIRM_FIELD] !== true) {
          if (servedModern(mcp)) {
            const round = await askInRound(spec, args, decision.preview, mcp);
            if (round) return round;
          } else {
            ({ args, decision } = await confirmInClient(spec, args, decision.preview, mcp, callCtx));
          }
        }
      }
      // Copies of a call are told apart by what the client asked, before the confirmation fixed
      // arguments from what its preview showed (renew's expiry year).
      const asked = args;
      if (decision.proceed && decision.args) args = decision.args;
      let result: Json;
      if (!decision.proceed) {
        // A copy that raced the first use through the gate finds the facts changed by it: it
        // answers as the replay it is, not with a fresh preview inviting a second order.
        const raced = await usedBefore();
        if (raced) return raced;
        result = { preview: adaptPreview(decision.preview, names) };
      } else if (spec.effect === 'read') {
        result = await invoke(spec, args, callCtx);
      } else {
        // Before anything is sent: the settings it replaces are saved, and the audit log says
        // what is about to happen. Either failing stops the call here.
        snapshotId = await snapshotBefore(spec, args, callCtx);
        // Consumed here, once the gate let it through and right before it is sent: of several
        // copies (concurrent, replayed, in another process sharing the state folder) only the
        // first is sent; the others answer what it answered.
        const id = args[CONFIRMATION_ID_FIELD];
        if (spec.effect === 'destructive' && args[CONFIRM_FIELD] === true && typeof id === 'string') {
          const claim = await uses.claim(id, callDigest(spec.name, asked)).catch((error: unknown) => {
            // A shared state store that cannot be reached says so itself (upstream_unavailable).
            if (error instanceof Api3Error) throw error;
            throw new Api3Error('api_error', `could not record the confirmation as used (${errorMessage(error)}); nothing was sent`, {
              hint: 'The state folder (DYNADOT_STATE_DIR) must be writable by this server: it is what keeps a confirmation from acting twice.',
            });
          });
          if (!claim.first) {
            if (snapshotId) await markNotSent(snapshotId);
            return replayAnswer(await claim.earlier);
          }
          first.settle = claim.settle;
        }
        const traced = { tool: spec.name, args, ...(snapshotId ? { snapshot_id: snapshotId } : {}) };
        try {
          await options.audit?.({ ...traced, outcome: 'sending' });
        } catch (error) {
          if (error instanceof Api3Error) throw error;
          throw new Api3Error('api_error', `could not write the audit log (${errorMessage(error)}); nothing was sent`, {
            hint: 'The audit log (DYNADOT_AUDIT_LOG, by default in DYNADOT_STATE_DIR) must be writable; fix it or set DYNADOT_AUDIT_LOG=off.',
          });
        }
        sent = true;
        try {
          result = await invoke(spec, args, callCtx);
        } finally {
          // A change may add, rename or remove what completions offer (a domain, a folder, a contact).
          forgetCompletions(options.api);
        }
        // The client may have left while the call was on the wire: it took effect all the same.
        await options.audit?.(signal.aborted ? { ...traced, outcome: 'abandoned', result: 'done' } : { ...traced, outcome: 'done' });
        if (snapshotId) result = { ...result, snapshot_id: snapshotId };
      }
      // A result's own hint (get_transfer_status naming get_order_status) is kept true to this server, as error hints are.
      if (typeof result.hint === 'string') result = { ...result, hint: names.adapt(result.hint) };
      return success(labelled(result, started));
    } catch (error) {
      const traced = { tool: spec.name, args, ...(snapshotId ? { snapshot_id: snapshotId } : {}) };
      // A snapshot stands for a change that was sent: one refused or cancelled before it left is marked not sent.
      if (snapshotId && (!sent || cancelledBeforeSending(error))) await markNotSent(snapshotId);
      if (sent && cancelledBeforeSending(error)) {
        await options.audit?.({ ...traced, outcome: 'cancelled' });
      } else if (sent && signal.aborted) {
        await options.audit?.({ ...traced, outcome: 'abandoned', result: error instanceof Api3Pending ? 'pending' : errorCode(error) });
      } else if (sent && error instanceof Api3Pending) {
        await options.audit?.({ ...traced, outcome: 'pending' });
        return success(labelled(pendingAnswer(spec, error, names), started));
      } else if (sent) {
        await options.audit?.({ ...traced, outcome: 'error', error: errorCode(error) });
      }
      if (error instanceof Api3Pending) return success(labelled(pendingAnswer(spec, error, names), started));
      return errorResult(error, names);
    }
  };

  const markNotSent = async (id: string) => {
    try {
      await options.store?.discard(id);
    } catch (error) {
      log('warn', `could not mark snapshot ${id} as not sent: ${errorMessage(error)}`);
    }
  };

  /** A catalog tool's call: its arguments checked against its own schema, then the gate and the one sender. */
  const callTool = async (entry: ServedTool, rawArgs: unknown, mcp: ServerContext): Promise<CallToolResult | InputRequiredResult> => {
    const checked = checkedArguments(entry.spec.name, entry.argumentsJson, entry.input, rawArgs);
    return 'error' in checked ? errorResult(checked.error, names) : runTool(entry.spec, checked.data, mcp);
  };

  /** Why a name is missing, truthfully: a toolset that is off, the profile, a command not served yet, or no such tool (then the name most likely meant). */
  const notFound = (name: string, known: readonly string[]): CallToolResult => {
    const meant = closestName(name, known);
    const why = names.whyNotServed(name);
    const hint =
      why === undefined
        ? `No tool of that name: ${reachable ? 'find_tools finds' : 'tools/list shows'} the ones served here.${meant === undefined ? '' : ` Did you mean ${meant}?`}`
        : `${why} ${reachable ? 'find_tools finds' : 'tools/list shows'} the ones served here.`;
    return errorResult(new Api3Error('invalid_input', `Tool ${name} not found`, { hint }), names);
  };

  /** find_tools: matches for a need, each with what a call needs; or, without a query, every name by toolset. */
  const findTools = (reachable: NonNullable<ServedCatalog['reachable']>, rawArgs: unknown): CallToolResult => {
    const checked = checkedArguments(FIND_TOOLS, DISCOVERY_INPUT_JSON[FIND_TOOLS], findToolsInput, rawArgs);
    if ('error' in checked) return errorResult(checked.error, names);
    const { query, toolset, limit } = checked.data;
    const pool = toolset ? reachable.specs.filter((spec) => spec.toolset === toolset) : reachable.specs;
    if (!query && !toolset) return success(labelled({ toolsets: toolIndex(pool), next_step: 'Call find_tools with a query or a toolset for the tools and their arguments.' }));
    const ranked = query ? rankTools(pool, query) : pool;
    const found = ranked.slice(0, limit).map((spec) => {
      const tool = reachable.tool(spec.name);
      return {
        name: spec.name,
        toolset: spec.toolset,
        effect: spec.effect,
        ...(bySpec.has(spec.name) ? { listed: true } : {}),
        description: names.adapt(spec.description),
        input_schema: tool?.inputJson ?? {},
      };
    });
    // Commands the query names that no tool serves yet: said plainly, rather than matched to a near miss.
    const notYet = query ? (options.notYet ?? []).filter(({ command }) => queryNames(query, command)) : [];
    return success(
      labelled({
        tools: found,
        total: ranked.length,
        ...(ranked.length > found.length ? { more: `${ranked.length - found.length} more: raise limit or narrow the query` } : {}),
        ...(found.length === 0 ? { hint: 'No tool matched: try other words, a toolset, or no query for every name.' } : {}),
        ...(notYet.length > 0 ? { not_yet: notYet.map(({ command }) => command) } : {}),
      }),
    );
  };

  server.setRequestHandler('tools/list', () => ({ tools }));
  const reads = { catalog: options.catalog, ctx, labels: labelled(options.readOnly ? { read_only: true } : {}) };
  registerPrompts(server, { names, demo: options.demo, dryRun: options.dryRun ?? false });
  registerResources(server, { ...reads, ...(options.auditPath ? { auditPath: options.auditPath } : {}) });
  registerCompletions(server, reads, (ref, argument) =>
    ref.type === 'ref/prompt' ? promptArgumentKind(ref.name, argument) : templateVariableKind(ref.uri, argument),
  );
  server.setRequestHandler('tools/call', async (request, mcp) => {
    const name = request.params.name;
    if (reachable && name === FIND_TOOLS) return findTools(reachable, request.params.arguments);
    if (reachable && name === CALL_TOOL) {
      const checked = checkedArguments(CALL_TOOL, DISCOVERY_INPUT_JSON[CALL_TOOL], callToolInput, request.params.arguments);
      if ('error' in checked) return errorResult(checked.error, names);
      const inner = reachable.tool(checked.data.name);
      if (!inner) return notFound(checked.data.name, reachable.specs.map((spec) => spec.name));
      // The inner tool's own answer, as a direct call would give it (its structured result included).
      return callTool(inner, checked.data.arguments, mcp);
    }
    const entry = bySpec.get(name);
    if (!entry) return notFound(name, served.map((spec) => spec.name));
    const result = await callTool(entry, request.params.arguments, mcp);
    return isInputRequiredResult(result) ? result : server.projectCallToolResult(result, entry.output);
  });
  return server;
}
