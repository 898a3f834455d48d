import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { Api3 } from '../api3/client.js';
import { Api3Pending } from '../api3/envelope.js';
import { Api3Error } from '../api3/errors.js';
import { redact } from '../api3/redact.js';
import { log } from '../log.js';
import { PACKAGE_VERSION } from '../version.js';
import type { Json } from './condense.js';
import { annotationsFor, invoke, type AnyToolSpec, type ToolContext } from './define.js';
import type { AuditLog } from './audit.js';
import { confirmFields, gate, previewSchema, type SafetyPolicy } from './safety.js';
import { Confirmations } from './confirmation.js';
import { DEFAULT_TOOLSETS, TOOLSETS, type ToolsetName } from './toolsets.js';

export interface Selection {
  /** Toolsets to serve; undefined means the default set. */
  toolsets?: readonly ToolsetName[] | 'all';
  /** Individual tools to add on top of the toolsets. */
  tools?: readonly string[];
  /** Serve read tools only. Wins over every other choice. */
  readOnly?: boolean;
}

/** The tools a selection serves, in catalog order (deterministic for tools/list). */
export function selectTools(catalog: readonly AnyToolSpec[], selection: Selection): AnyToolSpec[] {
  const toolsets = selection.toolsets === 'all' ? undefined : new Set(selection.toolsets ?? DEFAULT_TOOLSETS);
  const extra = new Set(selection.tools ?? []);
  return catalog.filter(
    (spec) => (toolsets === undefined || toolsets.has(spec.toolset) || extra.has(spec.name)) && (!selection.readOnly || spec.effect === 'read'),
  );
}

/** The input schema a client sees: the spec's own, plus `confirm` for destructive tools. */
export function advertisedInput(spec: AnyToolSpec): z.ZodObject {
  return spec.effect === 'destructive' ? spec.input.extend(confirmFields) : spec.input;
}

// Explained once in the instructions rather than in every tool's schema: context costs.
const demoField = { demo: z.literal(true).optional() };

/** An order api3 accepted but has not finished: neither done nor failed. */
const pendingSchema = z.object({ status: z.string(), message: z.string(), next_step: z.string() });

/**
 * The output schema a client sees. A call that changes the account answers with its result, or
 * with `pending` when api3 accepted it without finishing, and a destructive one with a preview:
 * so their result fields become optional beside those.
 */
export function advertisedOutput(spec: AnyToolSpec): z.ZodObject {
  if (spec.effect === 'read') return spec.output.extend(demoField);
  const outcomes = spec.effect === 'destructive' ? { pending: pendingSchema.optional(), preview: previewSchema.optional() } : { pending: pendingSchema.optional() };
  return spec.output.partial().extend(outcomes).extend(demoField);
}

function success(result: Json): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(result) }], structuredContent: result };
}

/** What an agent reads for an accepted, unfinished order: what happened and what to do next. */
function pendingAnswer(spec: AnyToolSpec, pending: Api3Pending): Json {
  return {
    pending: {
      status: pending.status,
      message: `${spec.name} was accepted by Dynadot and is not finished yet (${pending.status}); it is neither done nor failed.`,
      next_step: `Do not call ${spec.name} again: that could repeat the order. Tell the user it is pending; is_processing and domain_info show when it is done.`,
    },
  };
}

export function errorResult(error: unknown): CallToolResult {
  const agentError =
    error instanceof Api3Error
      ? error.toAgent()
      : { error: 'api_error', message: `internal error: ${(error as Error)?.message ?? String(error)}` };
  if (!(error instanceof Api3Error)) log('error', 'tool failed unexpectedly', { error: String((error as Error)?.stack ?? error) });
  return { content: [{ type: 'text', text: redact(JSON.stringify(agentError)) }], isError: true };
}

export interface ServerOptions extends Selection {
  api: Api3;
  catalog: readonly AnyToolSpec[];
  /** The built-in simulator stands in for a real account: say so in every answer. */
  demo: boolean;
  /** Largest amount one purchase may cost (DYNADOT_SPEND_CAP). */
  spendCap?: number;
  /** Where writes are recorded (DYNADOT_AUDIT_LOG). */
  audit?: AuditLog;
  /** Issues and checks confirmation ids; one per process (or a shared secret) so HTTP sessions agree. */
  confirmations?: Confirmations;
}

export function instructionsFor(options: ServerOptions, served: readonly AnyToolSpec[]): string {
  const toolsets = [...new Set(served.map((spec) => spec.toolset))];
  const lines = [
    'Dynadot registrar tools (api3): research, register and renew domains; DNS, name servers, contacts, account.',
    `Toolsets served: ${toolsets.join(', ') || 'none'}. Others (${Object.keys(TOOLSETS)
      .filter((name) => !toolsets.includes(name as ToolsetName))
      .join(', ')}) can be enabled with DYNADOT_TOOLSETS or --toolsets.`,
    'Tools marked destructive (purchases, deletions, transfers away, replacing DNS or name servers) change nothing without confirm: true; they return a preview instead. Show the preview to the user and only confirm after they approve.',
    'Results are condensed JSON: dates in ISO 8601 UTC, prices as {amount, currency}.',
  ];
  if (options.readOnly) lines.push('Read-only mode: only tools that change nothing are available.');
  if (options.spendCap !== undefined) lines.push(`Spend cap: a single purchase above ${options.spendCap} (account currency) is refused.`);
  if (options.demo) {
    lines.unshift(
      'DEMO MODE: no DYNADOT_API_KEY is set, so every tool runs against a built-in simulated account with made-up domains, and every result carries "demo": true. Nothing is real and nothing is charged. Set DYNADOT_API_KEY to use a real Dynadot account.',
    );
  }
  return lines.join('\n');
}

export function buildServer(options: ServerOptions): McpServer {
  const served = selectTools(options.catalog, options);
  const server = new McpServer(
    { name: 'mcp-server-dynadot', title: 'Dynadot', version: PACKAGE_VERSION },
    { instructions: instructionsFor(options, served), capabilities: { logging: {} } },
  );
  // The SDK validates arguments before a handler runs and answers a failure with bare text.
  // Routing its tool errors through errorResult gives them the same stable shape and code as
  // every other error; the safety tests pin this, so an SDK change cannot undo it unnoticed.
  Object.assign(server, {
    createToolError: (raw: string) => {
      const message = raw.replace(/^MCP error -?\d+: /, '').replace(/^Input validation error: /, '');
      const hint = /^Tool \S+ (not found|disabled)/.test(message)
        ? 'No such tool is served here: tools/list shows the available ones (DYNADOT_TOOLSETS enables more).'
        : 'Correct the field named above and call again; nothing was sent to Dynadot.';
      return errorResult(new Api3Error('invalid_input', message, { hint }));
    },
  });
  const ctx: ToolContext = { api: options.api };
  const policy: SafetyPolicy = {
    confirmations: options.confirmations ?? new Confirmations(),
    ...(options.spendCap === undefined ? {} : { spendCap: options.spendCap }),
  };
  for (const spec of served) {
    server.registerTool(
      spec.name,
      {
        title: spec.title,
        description: spec.description,
        inputSchema: advertisedInput(spec),
        outputSchema: advertisedOutput(spec),
        annotations: annotationsFor(spec),
      },
      async (args: Json) => {
        // Only calls that reach api3 and may change the account are audited; previews are not.
        let sent = false;
        try {
          const decision = await gate(spec, args, ctx, policy);
          let result: Json;
          if (!decision.proceed) {
            result = { preview: decision.preview };
          } else {
            sent = spec.effect !== 'read';
            result = await invoke(spec, args, ctx);
            if (sent) options.audit?.({ tool: spec.name, args, outcome: 'done' });
          }
          return success(options.demo ? { ...result, demo: true } : result);
        } catch (error) {
          if (sent && error instanceof Api3Pending) {
            options.audit?.({ tool: spec.name, args, outcome: 'pending' });
            const answer = pendingAnswer(spec, error);
            return success(options.demo ? { ...answer, demo: true } : answer);
          }
          if (sent) options.audit?.({ tool: spec.name, args, outcome: 'error', error: error instanceof Api3Error ? error.code : 'internal' });
          return errorResult(error);
        }
      },
    );
  }
  return server;
}
