import { z } from 'zod';
import type { Api3, Api3Params } from '../api3/client.js';
import type { Json, Money } from './condense.js';
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
}

/** One api3 command as an MCP tool: the whole of it, in one file under tools/. */
export interface ToolSpec<In extends z.ZodObject = z.ZodObject, Out extends z.ZodObject = z.ZodObject> {
  /** Exactly the api3 command name (`set_dns2`), which is also the MCP tool name; for a composite, its own name. */
  name: string;
  /**
   * Not an api3 command but a task built from other tools (read current DNS, change one record,
   * write back). It has no api3 spelling of its own: its `run` calls other specs.
   */
  composite?: true;
  toolset: ToolsetName;
  title: string;
  /** What it does, when to use it, what it costs or risks. Short: it is paid for in every conversation. */
  description: string;
  effect: Effect;
  /** Whether calling twice with the same input leaves the same state. Defaults: read true, else false. */
  idempotent?: boolean;
  /** The input in the agent's terms; `confirm` is added for destructive tools by `defineTool`. */
  input: In;
  /** The condensed result (for writes: the confirmation). */
  output: Out;
  /** The api3 query parameters, `command` and `key` excepted. The only place api3 request spelling lives. */
  toApi(args: z.infer<In>): Api3Params;
  /** api3's answer body (envelope included) -> the condensed result. */
  condense(body: Json, args: z.infer<In>): z.infer<Out>;
  /** For a destructive tool whose risk depends on the input (set_dns2 appending): does this call need confirm? */
  needsConfirm?(args: z.infer<In>): boolean;
  /** Facts worth showing before a destructive call is confirmed (price, current settings); reads only. */
  preview?(args: z.infer<In>, ctx: ToolContext): Promise<Json>;
  /** For purchases: what this call would charge, looked up with reads; the spend cap checks it. */
  cost?(args: z.infer<In>, ctx: ToolContext): Promise<Money | undefined>;
  /** For tools that need more than one api3 call; by default one call with `toApi` then `condense`. */
  run?(args: z.infer<In>, ctx: ToolContext): Promise<z.infer<Out>>;
}

/** A spec with its types erased, as the catalog holds them. */
export type AnyToolSpec = ToolSpec<z.ZodObject, z.ZodObject>;

/** Names Claude Desktop accepts; one bad name makes it reject the whole tool list. */
export const TOOL_NAME_PATTERN = /^[a-zA-Z0-9_-]{1,64}$/;

/** Identity with type inference: keeps a spec's `args` typed from its own `input`. */
export function defineTool<In extends z.ZodObject, Out extends z.ZodObject>(spec: ToolSpec<In, Out>): AnyToolSpec {
  if (!TOOL_NAME_PATTERN.test(spec.name)) throw new Error(`tool name "${spec.name}" does not match ${TOOL_NAME_PATTERN}`);
  return spec as unknown as AnyToolSpec;
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
 * Runs a spec: one api3 call built by `toApi`, condensed by `condense` (or the spec's own `run`).
 * Previews use it to run a read tool, so api3 spelling stays in that tool's `toApi`.
 */
export async function invoke(spec: AnyToolSpec, args: Record<string, unknown>, ctx: ToolContext): Promise<Json> {
  if (spec.run) return spec.run(args, ctx);
  const { body } = await ctx.api.call({ command: spec.name, params: spec.toApi(args), mutates: spec.effect !== 'read' });
  return spec.condense(body, args);
}

/** Runs a read tool from inside another tool (a preview), with the input parsed as a client's would be. */
export async function invokeRead(spec: AnyToolSpec, input: Record<string, unknown>, ctx: ToolContext): Promise<Json> {
  if (spec.effect !== 'read') throw new Error(`${spec.name} is not a read tool`);
  return invoke(spec, spec.input.parse(input), ctx);
}
