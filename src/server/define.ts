import type { z } from 'zod';
import type { Api3, Api3Params } from '../api3/client.js';
import type { RdapPort } from '../rdap/types.js';
import { apiParams } from '../api3/params.js';
import { Api3Error } from '../api3/errors.js';
import { errorMessage, log } from '../log.js';
import type { Json, Money } from './condense.js';
import { balanceBeforeCharge, type ChargeNeed, chargedSince, type PreviousNeed, readPrevious } from './needs.js';
import type { UnfinishedChange } from './audit.js';
import type { AccountPort } from './ports.js';
import type { StateStore } from './state-store.js';
import type { ToolsetName } from './toolsets.js';
import type { CallReads } from './reads.js';
import { forgetShortLived, shortLivedRead } from './short-lived.js';

/**
 * What a call does to the account. The MCP annotations and the safety gate are derived from
 * this one word, so a tool cannot claim to be read-only and still spend money.
 * - read: changes nothing;
 * - write: changes settings in a way that is easy to undo (a note, a lock, an appended record);
 * - destructive: spends money, moves a domain away, deletes, or replaces live settings.
 */
export type Effect = 'read' | 'write' | 'destructive';

export interface ToolContext {
  api: Api3;
  /** What the server reads about the account (balances, domains, DNS): implemented by the catalog. */
  account: AccountPort;
  /** Snapshots of replaced settings (undo); absent when the server keeps no state. */
  store?: StateStore;
  /** The audit log's last change at start-up, when its outcome was never recorded (is_processing reports it). */
  unfinished?: UnfinishedChange;
  /** Aborts when the client no longer waits for this call (cancelled, timed out, request or session closed). */
  signal?: AbortSignal;
  /** What this tool call has read so far: one call reads each fact once (src/server/reads.ts). */
  reads?: CallReads;
  /**
   * A call of many steps (a restore domain by domain, a read-back of many domains) says how far it
   * is: sent to the client as MCP progress when it asked for it (a progressToken), else nothing.
   */
  progress?(done: number, total: number, message?: string): void;
  /**
   * Public registration data (RDAP) of names api3 reports as taken; absent when DYNADOT_RDAP is
   * off. Never asked about a name that may still be unregistered: a name someone is researching
   * stays between them and their registrar.
   */
  rdap?: RdapPort;
}

/** What a preview shows a person, and what must still hold when the call is confirmed. */
export interface PreviewOutcome {
  /** The facts the user decides on (price, balance, the settings replaced); the confirmation id is bound to them. */
  facts: Json;
  /**
   * Facts the id is bound to without being shown: what the call replaces on every domain, past
   * the few a preview lists, and the service each is on. A change to them voids the id as a
   * change to `facts` does, so nothing is replaced that no preview read.
   */
  bound?: Json;
  /** Why api3 would refuse the call, found by reads: the preview says so and issues no confirmation. */
  refusals?: string[];
  /** A purchase: what it would charge, as the preview read it; the spend cap compares it without pricing again. */
  cost?: Money;
}

/** What every tool declares, whether it is one api3 command or a task built from several. */
interface ToolBase<In extends z.ZodObject, Out extends z.ZodObject> {
  /** The MCP tool name: exactly the api3 command name (`set_dns2`), or a composite's own name. */
  name: string;
  toolset: ToolsetName;
  title: string;
  /** What it does, when to use it, what it costs or risks. Short: it is paid for in every conversation. */
  description: string;
  effect: Effect;
  /**
   * Listed by default: what the everyday tasks need directly (research, registration, renewal,
   * portfolio reads, DNS, name servers, undo). Every other tool is listed with its toolset and
   * reached by default through find_tools and call_tool, so the default costs little context.
   */
  everyday?: true;
  /** Whether calling twice with the same input leaves the same state. Defaults: read true, else false. */
  idempotent?: boolean;
  /** The input in the agent's terms; `confirm` is added for destructive tools by the server. */
  input: In;
  /** The condensed result (for writes: the confirmation). */
  output: Out;
  /**
   * For a destructive tool whose risk depends on the input or on the current state (set_dns2
   * appending to a domain already on Dynadot DNS): does this call need a confirmed preview?
   */
  needsConfirm?(args: z.infer<In>, ctx: ToolContext): boolean | Promise<boolean>;
  /** Facts a person decides on before a destructive call, and what api3 would refuse; reads only. */
  preview?(args: z.infer<In>, ctx: ToolContext): Promise<PreviewOutcome>;
  /**
   * Refusals found by reading what api3 checks again itself when the call is sent (a name server
   * registered in the account, a contact id that exists): a preview says them before anyone
   * approves, but they bind nothing, so the confirmed call leaves them to api3 and spends no
   * request on them. Reads only.
   */
  precheck?(args: z.infer<In>, ctx: ToolContext): Promise<string[]>;
  /**
   * The domains whose live settings (DNS records, name servers, the service they use) this call
   * replaces: the server saves them as a snapshot before sending it, so restore_settings can put
   * them back. A folder setting synced to its domains reads which they are (the preview's read).
   */
  snapshotOf?(args: z.infer<In>, ctx: ToolContext): string[] | Promise<string[]>;
  /**
   * Arguments the confirmation fixes from the facts its preview showed, where the agent left them
   * out (renew's expiry year): the call is sent as the person approved it, so api3's own guard holds.
   */
  bind?(args: z.infer<In>, facts: Json): Partial<z.infer<In>>;
  /** For purchases: what this call would charge, looked up with reads; the spend cap checks it. */
  cost?(args: z.infer<In>, ctx: ToolContext): Promise<Money | undefined>;
  /**
   * Top-level argument names whose values are secrets (a transfer's auth code): api3 gets them,
   * previews, audit lines, logs and error texts never do (src/server/sensitive.ts).
   */
  sensitive?: readonly (keyof z.infer<In> & string)[];
  /**
   * Top-level result fields that are secrets (get_transfer_auth_code's code): the caller's own
   * answer holds them, nothing kept does: the record a replayed confirmation answers from has
   * `***` in their place.
   */
  secretOutput?: readonly (keyof z.infer<Out> & string)[];
}

/**
 * A call of a spec prepared now and sent later through `invoke` (a follow-up such as a new
 * contact's .eu setting, a composite's step); built with `toolCall`, which types the arguments
 * by the spec's input.
 */
export interface ToolCall {
  tool: string;
  send(ctx: ToolContext): Promise<unknown>;
}

/**
 * One api3 command as an MCP tool: the whole of it, in one file under tools/. `invoke` sends its
 * one call and applies what it declares around it, in this order: `previous` and `charge` read
 * before, `before` (its own read), the call, `condense`, then `charge` reads again, `readBack`,
 * `followUps`; each need adds its fields to what `condense` answered.
 */
export interface Api3ToolSpec<In extends z.ZodObject = z.ZodObject, Out extends z.ZodObject = z.ZodObject, Before = unknown> extends ToolBase<In, Out> {
  composite?: undefined;
  /**
   * The api3 query parameters, `command` and `key` excepted. The only place api3 request spelling
   * lives. `before` is what the spec's `before` read, when it has one (set_whois: the contacts of
   * the roles a call leaves out, which api3 needs all the same).
   */
  toApi(args: z.infer<In>, before?: Before): Api3Params;
  /** api3's answer body (envelope included) -> the answer; `before` is what the spec's `before` read, when it has one. */
  condense(body: Json, args: z.infer<In>, before?: Before): z.infer<Out>;
  /** The values the write replaces, from the account's domain summaries: answered as `previous`. */
  previous?: PreviousNeed<z.infer<In>>;
  /** A purchase: the balance is read before and after, and the answer says what was `charged`. */
  charge?: ChargeNeed<z.infer<In>>;
  /** A read the answer depends on, made before the call (a failure stops the call unless it catches). */
  before?(args: z.infer<In>, ctx: ToolContext): Promise<Before>;
  /**
   * When what `before` read shows the call would change nothing (every record to append is
   * already there), its answer: nothing is sent, so api3 does not write the same thing twice.
   */
  unchanged?(args: z.infer<In>, before: Before): z.infer<Out> | undefined;
  /** After the call: read back what it wrote and answer the comparison (a failure is logged, never turns a done write into an error). */
  readBack?(args: z.infer<In>, ctx: ToolContext): Promise<Partial<z.infer<Out>>>;
  /**
   * Calls of other specs sent after this one succeeded, by label; each outcome ("set", or why not
   * and which tool retries it) is answered under `field`. A failure is reported, never thrown:
   * the main change is done by then.
   */
  followUps?: { field: keyof z.infer<Out> & string; calls(args: z.infer<In>, answer: z.infer<Out>): Record<string, ToolCall> };
  /**
   * The same command as a price check (renew with price_check): these parameters added to the
   * call's make api3 quote instead of act. A read; `invokeQuote` sends it.
   */
  quote?: { params: Api3Params; condense(body: Json, args: z.infer<In>): Money | undefined };
  /**
   * A read whose answer is a whole market (open auctions, closeouts, listings): kept this many
   * milliseconds per api3 client and filtered and paged from there (src/server/short-lived.ts).
   */
  keepMs?: number;
}

/**
 * Not an api3 command but a task built from other tools (read the zone, change one record, write
 * it back). It has no api3 spelling of its own: its `run` calls other specs through `invoke`.
 */
export interface CompositeToolSpec<In extends z.ZodObject = z.ZodObject, Out extends z.ZodObject = z.ZodObject> extends ToolBase<In, Out> {
  composite: true;
  run(args: z.infer<In>, ctx: ToolContext): Promise<z.infer<Out>>;
}

export type ToolSpec<In extends z.ZodObject = z.ZodObject, Out extends z.ZodObject = z.ZodObject> =
  | Api3ToolSpec<In, Out>
  | CompositeToolSpec<In, Out>;

/** A spec with its types erased, as the catalog holds them. */
export type AnyToolSpec = ToolSpec;

/** Names Claude Desktop accepts; one bad name makes it reject the whole tool list. */
export const TOOL_NAME_PATTERN = /^[a-zA-Z0-9_-]{1,64}$/;

function checkName(name: string): void {
  if (!TOOL_NAME_PATTERN.test(name)) throw new Error(`tool name "${name}" does not match ${TOOL_NAME_PATTERN}`);
}

/** An api3 command's spec, typed from its own input and output so other tools can call it without casts. */
export function defineTool<In extends z.ZodObject, Out extends z.ZodObject, Before = unknown>(spec: Api3ToolSpec<In, Out, Before>): Api3ToolSpec<In, Out, Before> {
  checkName(spec.name);
  return spec;
}

/**
 * Whether a tool spends money: a declared fact of its spec, since a purchase is exactly a spec
 * that states what it would cost (`cost`, for the preview and the spend cap) or reads what it
 * charged (`charge`). The no-purchases profile leaves these out.
 */
export function spendsMoney(spec: AnyToolSpec): boolean {
  return spec.cost !== undefined || ('charge' in spec && spec.charge !== undefined);
}

/** A composite's spec: `run` only, no api3 spelling. */
export function defineComposite<In extends z.ZodObject, Out extends z.ZodObject>(
  spec: Omit<CompositeToolSpec<In, Out>, 'composite'>,
): CompositeToolSpec<In, Out> {
  checkName(spec.name);
  return { ...spec, composite: true };
}

export function annotationsFor(spec: AnyToolSpec) {
  // No `title` here: the tool's own `title` says it (MCP 2025-06-18 on), and every copy is paid for in every tools/list.
  return {
    readOnlyHint: spec.effect === 'read',
    destructiveHint: spec.effect === 'destructive',
    idempotentHint: spec.idempotent ?? spec.effect === 'read',
    // Every tool talks to Dynadot, a system outside this server.
    openWorldHint: true,
  };
}

/**
 * The one place a catalog command is sent to api3, with the call's cancellation signal. A read
 * already made in this tool call is answered from it; a write makes the call forget its reads,
 * before (a read racing it must not be taken for after) and after it.
 */
function send(spec: { name: string; keepMs?: number | undefined }, params: Api3Params, mutates: boolean, ctx: ToolContext) {
  const call = () => ctx.api.call({ command: spec.name, params, mutates, signal: ctx.signal });
  const keepMs = spec.keepMs;
  const request = mutates
    ? () => call().finally(() => forgetShortLived(ctx.api))
    : keepMs
      ? () => shortLivedRead(ctx.api, spec.name, params, keepMs, call)
      : call;
  const reads = ctx.reads;
  if (!reads) return request();
  if (!mutates) return reads.read(spec.name, params, request);
  reads.forget();
  return request().finally(() => reads.forget());
}

/**
 * Runs a spec on already parsed arguments: its one api3 call built by `toApi`, answered by
 * `condense`, with its declared needs applied around it; a composite's `run`. Composites and
 * previews call other tools through it, so api3 spelling stays in each tool's `toApi`.
 */
export async function invoke<In extends z.ZodObject, Out extends z.ZodObject, Before>(
  spec: Api3ToolSpec<In, Out, Before> | CompositeToolSpec<In, Out>,
  args: z.infer<In>,
  ctx: ToolContext,
): Promise<z.infer<Out>> {
  if (spec.composite) return spec.run(args, ctx);
  const previous = spec.previous && (await readPrevious(spec.previous, args, ctx));
  const balanceBefore = spec.charge && (await balanceBeforeCharge(spec.charge, args, ctx));
  const before = spec.before && (await spec.before(args, ctx));
  const unchanged = before === undefined ? undefined : spec.unchanged?.(args, before);
  if (unchanged !== undefined) return previous ? { ...unchanged, previous } : unchanged;
  const { body } = await send(spec, spec.toApi(args, before), spec.effect !== 'read', ctx);
  // A change is one api3 request however many domains it names; saying it went is its step.
  if (spec.effect !== 'read') ctx.progress?.(1, 1, `${spec.name} sent`);
  let answer = spec.condense(body, args, before);
  const charged = spec.charge && (await chargedSince(balanceBefore, ctx));
  if (charged) answer = { ...answer, charged };
  if (spec.readBack) answer = { ...answer, ...(await readBack(spec, args, ctx)) };
  if (spec.followUps) {
    const outcomes = await sendFollowUps(spec.followUps.calls(args, answer), ctx);
    if (outcomes) answer = { ...answer, [spec.followUps.field]: outcomes };
  }
  if (previous) answer = { ...answer, previous };
  return answer;
}

async function readBack<In extends z.ZodObject, Out extends z.ZodObject, Before>(spec: Api3ToolSpec<In, Out, Before>, args: z.infer<In>, ctx: ToolContext) {
  try {
    return await spec.readBack?.(args, ctx);
  } catch (error) {
    log('warn', `reading back ${spec.name} failed: ${errorMessage(error)}`);
    return undefined;
  }
}

/** Each follow-up in turn; its outcome by label, or undefined when there were none. */
async function sendFollowUps(calls: Record<string, ToolCall>, ctx: ToolContext): Promise<Record<string, string> | undefined> {
  const entries = Object.entries(calls);
  if (entries.length === 0) return undefined;
  const outcomes: Record<string, string> = {};
  for (const [label, call] of entries) {
    try {
      await call.send(ctx);
      outcomes[label] = 'set';
    } catch (error) {
      const code = error instanceof Api3Error ? error.code : 'error';
      outcomes[label] = `not set (${code}: ${errorMessage(error)}); retry with ${call.tool}`;
    }
  }
  return outcomes;
}

/** A call of `spec` with these arguments, typed by its own input, to send later through invoke. */
export function toolCall<In extends z.ZodObject, Out extends z.ZodObject, Before>(spec: Api3ToolSpec<In, Out, Before>, args: z.infer<In>): ToolCall {
  return { tool: spec.name, send: (ctx) => invoke(spec, args, ctx) };
}

/** The spec's price check (its `quote`): its own command with the quote's parameters added, sent as a read. */
export async function invokeQuote<In extends z.ZodObject, Out extends z.ZodObject, Before>(
  spec: Api3ToolSpec<In, Out, Before>,
  args: z.infer<In>,
  ctx: ToolContext,
): Promise<Money | undefined> {
  if (!spec.quote) throw new Error(`${spec.name} declares no quote`);
  const { body } = await send(spec, apiParams(spec.toApi(args), spec.quote.params), false, ctx);
  return spec.quote.condense(body, args);
}

/** Runs a read tool from inside another tool (a preview), with the input parsed as a client's would be. */
export async function invokeRead<In extends z.ZodObject, Out extends z.ZodObject>(
  spec: ToolSpec<In, Out>,
  input: z.input<In>,
  ctx: ToolContext,
): Promise<z.infer<Out>> {
  if (spec.effect !== 'read') throw new Error(`${spec.name} is not a read tool`);
  return invoke(spec, spec.input.parse(input), ctx);
}
