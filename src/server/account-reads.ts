import type { ServerContext } from '@modelcontextprotocol/server';
import { type AnyToolSpec, invokeRead, type ToolContext } from './define.js';
import type { Json } from './condense.js';
import { CallReads } from './reads.js';

/**
 * What resources and completions need from the server: the catalog, the tool context every call
 * gets, and the labels every answer carries. Their reads go through the account port (which the
 * catalog implements with its read tools) and `invokeRead`, so they share the api3 client, its
 * queue and rate limit, cancellation and the key masking with tool calls; src/server still never
 * imports tools/.
 */
export interface AccountReads {
  catalog: readonly AnyToolSpec[];
  /** The server's tool context (api3 client, account port, state store). */
  ctx: ToolContext;
  /** `demo`, `dry_run`, `read_only`: what every answer says about the server it came from. */
  labels: Json;
}

/** A read tool of the catalog by name; undefined when this catalog has none such (a trimmed test catalog). */
export function readTool(catalog: readonly AnyToolSpec[], name: string): AnyToolSpec | undefined {
  return catalog.find((spec) => spec.name === name && spec.effect === 'read');
}

/**
 * The context of one request: its own read cache (one request reads each fact once) and the
 * request's signal, so a client that cancels or leaves stops a read still queued.
 */
export function requestContext(base: ToolContext, mcp: ServerContext): ToolContext {
  const exchange = mcp.http?.req?.signal;
  return { ...base, signal: exchange ? AbortSignal.any([mcp.mcpReq.signal, exchange]) : mcp.mcpReq.signal, reads: new CallReads() };
}

/** Runs the catalog's read tool `name` with a client's kind of input; throws when the catalog lacks it. */
export async function readWith(reads: AccountReads, name: string, input: Json, ctx: ToolContext): Promise<Json> {
  const spec = readTool(reads.catalog, name);
  if (!spec) throw new Error(`the catalog has no read tool ${name}`);
  return invokeRead(spec, input, ctx);
}
