import { z } from 'zod';
import type { Api3, Api3Params } from '../api3/client.js';
import type { Json, Money } from './condense.js';
import type { StateStore } from './state-store.js';
import type { ToolsetName } from './toolsets.js';

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
  /** Snapshots of replaced settings (undo); absent when the server keeps no state. */
  store?: StateStore;
  /** Aborts when the client no longer waits for this call (cancelled, timed out, request or session closed). */
  signal?: AbortSignal;
}

/** What a preview shows a person, and what must still hold when the call is confirmed. */
export interface PreviewOutcome {
  /** The facts the user decides on (price, balance, the settings replaced); the confirmation id is bound to them. */
  facts: Json;
  /** Why api3 would refuse the call, found by reads: the preview says so and issues no confirmation. */
  refusals?: string[];
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
   * The domains whose live settings (DNS records, name servers, the service they use) this call
   * replaces: the server saves them as a snapshot before sending it, so restore_settings can put
   * them back.
   */
  snapshotOf?(args: z.infer<In>, ctx: ToolContext): string[];
  /** For purchases: what this call would charge, looked up with reads; the spend cap checks it. */
  cost?(args: z.infer<In>, ctx: ToolContext): Promise<Money | undefined>;
  /**
   * Top-level argument names whose values are secrets (a transfer's auth code): api3 gets them,
   * previews, audit lines, logs and error texts never do (src/server/sensitive.ts).
   */
  sensitive?: readonly (keyof z.infer<In> & string)[];
}

/** One api3 command as an MCP tool: the whole of it, in one file under tools/. */
export interface Api3ToolSpec<In extends z.ZodObject = z.ZodObject, Out extends z.ZodObject = z.ZodObject> extends ToolBase<In, Out> {
  composite?: undefined;
  /** The api3 query parameters, `command` and `key` excepted. The only place api3 request spelling lives. */
  toApi(args: z.infer<In>): Api3Params;
  /** api3's answer body (envelope included) -> the condensed result. */
  condense(body: Json, args: z.infer<In>): z.infer<Out>;
  /** For a command that needs more than its one call (a write read back): replaces toApi-then-condense. */
  run?(args: z.infer<In>, ctx: ToolContext): Promise<z.infer<Out>>;
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
export function defineTool<In extends z.ZodObject, Out extends z.ZodObject>(spec: Api3ToolSpec<In, Out>): Api3ToolSpec<In, Out> {
  checkName(spec.name);
  return spec;
}

/** A composite's spec: `run` only, no api3 spelling. */
export function defineComposite<In extends z.ZodObject, Out extends z.ZodObject>(
  spec: Omit<CompositeToolSpec<In, Out>, 'composite'>,
): CompositeToolSpec<In, Out> {
  checkName(spec.name);
  return { ...spec, composite: true };
}

export function annotationsFor(spec: AnyToolSpec) {
  return {
    title: spec.title,
    readOnlyHint: spec.effect === 'read',
    destructiveHint: spec.effect === 'destructive',
    idempotentHint: spec.idempotent ?? spec.effect === 'read',
    // Every tool talks to Dynadot, a system outside this server.
    openWorldHint: true,
  };
}

/**
 * Runs a spec on already parsed arguments: one api3 call built by `toApi` and condensed by
 * `condense`, or the spec's own `run`. Composites call other tools through it, so api3 spelling
 * stays in each tool's `toApi`.
 */
export async function invoke<In extends z.ZodObject, Out extends z.ZodObject>(
  spec: ToolSpec<In, Out>,
  args: z.infer<In>,
  ctx: ToolContext,
): Promise<z.infer<Out>> {
  if (spec.run) return spec.run(args, ctx);
  const api3Spec = spec as Api3ToolSpec<In, Out>;
  const { body } = await ctx.api.call({ command: api3Spec.name, params: api3Spec.toApi(args), mutates: spec.effect !== 'read' });
  return api3Spec.condense(body, args);
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
