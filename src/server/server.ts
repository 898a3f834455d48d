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
import { maskedAuditLog, type AuditLog } from './audit.js';
import { snapshotBefore } from './snapshots.js';
import type { StateStore } from './state-store.js';
import {
  CONFIRM_FIELD,
  CONFIRMATION_ID_FIELD,
  confirmFields,
  describeSpendCap,
  gate,
  previewSchema,
  type GateDecision,
  type Preview,
  type SafetyPolicy,
  type SpendCapSetting,
} from './safety.js';
import { Confirmations } from './confirmation.js';
import { askApproval, canElicit, DEFAULT_ELICITATION_TIMEOUT_MS } from './elicitation.js';
import { DEFAULT_TOOLSETS, ServedNames, TOOLSET_NAMES, TOOLSETS, type ToolsetName } from './toolsets.js';

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
const labels = { demo: z.literal(true).optional(), dry_run: z.literal(true).optional() };

/** An order api3 accepted but has not finished: neither done nor failed. */
const pendingSchema = z.object({ status: z.string(), message: z.string(), next_step: z.string() });

/**
 * The output schema a client sees. A call that changes the account answers with its result, or
 * with `pending` when api3 accepted it without finishing, or with a preview (a destructive call
 * not confirmed, any change in dry run): so their result fields become optional beside those.
 * A result that replaced settings names the snapshot that can put them back.
 */
export function advertisedOutput(spec: AnyToolSpec): z.ZodObject {
  if (spec.effect === 'read') return spec.output.extend(labels);
  const outcomes = { pending: pendingSchema.optional(), preview: previewSchema.optional(), snapshot_id: z.string().optional() };
  return spec.output.partial().extend(outcomes).extend(labels);
}

function success(result: Json): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(result) }], structuredContent: result };
}

/** What an agent reads for an accepted, unfinished order: what happened and what to do next. */
function pendingAnswer(spec: AnyToolSpec, pending: Api3Pending, names?: ServedNames): Json {
  const nextStep = `Do not call ${spec.name} again: that could repeat the order. Tell the user it is pending; is_processing and domain_info show when it is done.`;
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
      : { error: 'api_error', message: `internal error: ${(error as Error)?.message ?? String(error)}` };
  if (!(error instanceof Api3Error)) log('error', 'tool failed unexpectedly', { error: String((error as Error)?.stack ?? error) });
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
  for (const [key, field] of Object.entries(input.shape as Record<string, z.ZodType>)) {
    const description = describedAs(field);
    if (description !== undefined && names.note(description)) changed[key] = field.describe(names.adapt(description));
  }
  return Object.keys(changed).length > 0 ? input.extend(changed) : input;
}

/** A field's description, looked up through optional/default/nullable wrappers. */
function describedAs(field: z.ZodType): string | undefined {
  let current: z.ZodType | undefined = field;
  for (let depth = 0; current && depth < 5; depth++) {
    if (current.description !== undefined) return current.description;
    current = (current as unknown as { _zod?: { def?: { innerType?: z.ZodType } } })._zod?.def?.innerType;
  }
  return undefined;
}

export interface ServerOptions extends Selection {
  api: Api3;
  /** The account as the server reads it (balances, domains, DNS), implemented by the catalog (tools/ports.ts). */
  account: ToolContext['account'];
  catalog: readonly AnyToolSpec[];
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
}

const ENABLE = 'DYNADOT_TOOLSETS or --toolsets';

/**
 * What the agent reads first. It names only what this server serves and, for the rest, the
 * toolsets that have tools and how to enable them; toolsets with no tools yet go unmentioned.
 */
export function instructionsFor(options: ServerOptions, served: readonly AnyToolSpec[]): string {
  const servedNames = new Set(served.map((spec) => spec.name));
  const inToolset = (name: ToolsetName) => options.catalog.filter((spec) => spec.toolset === name);
  const available = (name: ToolsetName) => inToolset(name).filter((spec) => !options.readOnly || spec.effect === 'read');
  const servedSets = TOOLSET_NAMES.filter((name) => inToolset(name).some((spec) => servedNames.has(spec.name)));
  const describe = (name: ToolsetName) => {
    const here = inToolset(name).filter((spec) => servedNames.has(spec.name));
    return here.length < inToolset(name).length ? `${name} (only ${here.map((spec) => spec.name).join(', ')})` : `${name} (${TOOLSETS[name].description})`;
  };
  const more = TOOLSET_NAMES.filter((name) => !servedSets.includes(name) && available(name).length > 0);
  const lines = [
    'Dynadot registrar tools (api3) for one Dynadot account.',
    `Toolsets served: ${servedSets.map(describe).join('; ') || 'none'}.`,
  ];
  if (more.length > 0) lines.push(`Not served: ${more.map((name) => `${name} (${TOOLSETS[name].description})`).join('; ')}. Enable with ${ENABLE}.`);
  if (served.some((spec) => spec.effect === 'destructive')) {
    lines.push(
      'Tools marked destructive (purchases, deletions, replacing DNS or name servers) change nothing without confirm: true and the confirmation_id of their preview; without them they return a preview. Show it to the user and confirm only after they approve.' +
        (options.elicitationTimeoutMs === 0 ? '' : ' A client that supports elicitation is asked directly: the user approves there.'),
    );
  }
  lines.push('Results are condensed JSON: dates in ISO 8601 UTC, prices as {amount, currency}.');
  if (options.dryRun) {
    lines.unshift('DRY RUN: this server changes nothing. Every write and destructive tool answers with its preview only, and every result carries "dry_run": true; reads work as usual.');
  }
  if (options.readOnly) lines.push('Read-only mode: only tools that change nothing are served; writes need a server started without --read-only (DYNADOT_READ_ONLY).');
  if (options.spendCap !== undefined && served.some((spec) => spec.cost)) {
    lines.push(`Spend cap: a single purchase above ${describeSpendCap(options.spendCap)} is refused.`);
  }
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

export function buildServer(options: ServerOptions): McpServer {
  // Audit lines never hold a secret argument (a spec's `sensitive` fields): masked before they are written.
  if (options.audit) options = { ...options, audit: maskedAuditLog(options.audit, options.catalog) };
  const served = selectTools(options.catalog, options);
  const names = new ServedNames(options.catalog, served, options.readOnly ?? false);
  const elicitationTimeoutMs = options.elicitationTimeoutMs ?? DEFAULT_ELICITATION_TIMEOUT_MS;
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
      return errorResult(new Api3Error('invalid_input', message, { hint }), names);
    },
  });
  const ctx: ToolContext = { api: options.api, account: options.account, ...(options.store ? { store: options.store } : {}) };
  const policy: SafetyPolicy = {
    confirmations: options.confirmations ?? processConfirmations(),
    ...(options.spendCap === undefined ? {} : { spendCap: options.spendCap }),
    ...(options.dryRun ? { dryRun: true } : {}),
  };
  /** What every answer says about the server it came from. */
  const labelled = (result: Json): Json => ({ ...result, ...(options.dryRun ? { dry_run: true } : {}), ...(options.demo ? { demo: true } : {}) });
  /**
   * A destructive call without `confirm` whose preview issued an id (nothing stands in the way):
   * a client that declared elicitation asks the user. An approval goes through the gate again
   * as the confirmed call with that id, so facts are checked anew and the spend cap applies; a
   * no withdraws the id; no answer within the bounded wait leaves the preview as it was.
   */
  const confirmInClient = async (
    spec: AnyToolSpec,
    args: Json,
    preview: Preview,
    extra: { signal: AbortSignal; requestId: string | number },
  ): Promise<{ args: Json; decision: GateDecision }> => {
    const id = preview.confirmation_id;
    if (!id || elicitationTimeoutMs <= 0 || !canElicit(server.server)) return { args, decision: { proceed: false, preview } };
    const approval = await askApproval(server.server, spec, preview, {
      timeoutMs: elicitationTimeoutMs,
      demo: options.demo,
      signal: extra.signal,
      relatedRequestId: extra.requestId,
    });
    if (approval.approved) {
      const confirmed = { ...args, [CONFIRM_FIELD]: true, [CONFIRMATION_ID_FIELD]: id };
      return { args: confirmed, decision: await gate(spec, confirmed, ctx, policy) };
    }
    if (!approval.answered) return { args, decision: { proceed: false, preview: { ...preview, why_not_sent: approval.why } } };
    const { confirmation_id: _withdrawn, ...declined } = preview;
    const nextStep = 'Nothing was sent. Do not call again unless the user asks for it; a new call asks them again in the client.';
    return { args, decision: { proceed: false, preview: { ...declined, why_not_sent: approval.why, next_step: nextStep } } };
  };
  for (const spec of served) {
    server.registerTool(
      spec.name,
      {
        title: spec.title,
        description: names.adapt(spec.description),
        inputSchema: servedInput(spec, names),
        outputSchema: advertisedOutput(spec),
        annotations: annotationsFor(spec),
      },
      async (input: Json, extra) => {
        let args = input;
        // Only calls that reach api3 and may change the account are audited; previews are not.
        let sent = false;
        let snapshotId: string | undefined;
        try {
          let decision = await gate(spec, args, ctx, policy);
          if (!decision.proceed && args[CONFIRM_FIELD] !== true) ({ args, decision } = await confirmInClient(spec, args, decision.preview, extra));
          let result: Json;
          if (!decision.proceed) {
            result = { preview: adaptPreview(decision.preview, names) };
          } else if (spec.effect === 'read') {
            result = await invoke(spec, args, ctx);
          } else {
            // Before anything is sent: the settings it replaces are saved, and the audit log says
            // what is about to happen. Either failing stops the call here.
            snapshotId = await snapshotBefore(spec, args, ctx);
            const traced = { tool: spec.name, args, ...(snapshotId ? { snapshot_id: snapshotId } : {}) };
            try {
              options.audit?.({ ...traced, outcome: 'sending' });
            } catch (error) {
              throw new Api3Error('api_error', `could not write the audit log (${(error as Error).message}); nothing was sent`, {
                hint: 'The audit log (DYNADOT_AUDIT_LOG, by default in DYNADOT_STATE_DIR) must be writable; fix it or set DYNADOT_AUDIT_LOG=off.',
              });
            }
            sent = true;
            result = await invoke(spec, args, ctx);
            options.audit?.({ ...traced, outcome: 'done' });
            if (snapshotId) result = { ...result, snapshot_id: snapshotId };
          }
          return success(labelled(result));
        } catch (error) {
          const traced = { tool: spec.name, args, ...(snapshotId ? { snapshot_id: snapshotId } : {}) };
          if (sent && error instanceof Api3Pending) {
            options.audit?.({ ...traced, outcome: 'pending' });
            return success(labelled(pendingAnswer(spec, error, names)));
          }
          if (sent) options.audit?.({ ...traced, outcome: 'error', error: error instanceof Api3Error ? error.code : 'internal' });
          return errorResult(error, names);
        }
      },
    );
  }
  withoutSchemaDialect(server);
  return server;
}

/**
 * tools/list without the `$schema` key the SDK writes into every input and output schema: it
 * tells a model nothing and costs 15 tokens a tool in every conversation (about 1,500 for the
 * whole api3 catalog). The SDK offers no option for it, so its tools/list handler is wrapped;
 * if a future SDK stores handlers differently, the list is served unchanged (the token test
 * then shows the cost come back).
 */
function withoutSchemaDialect(server: McpServer): void {
  type Handler = (request: unknown, extra: unknown) => Promise<{ tools: Array<Record<string, unknown>> }>;
  const handlers = (server.server as unknown as { _requestHandlers?: Map<string, Handler> })._requestHandlers;
  const original = handlers?.get('tools/list');
  if (!handlers || !original) return;
  const strip = (schema: unknown) => {
    if (schema && typeof schema === 'object') delete (schema as Record<string, unknown>).$schema;
  };
  handlers.set('tools/list', async (request, extra) => {
    const result = await original(request, extra);
    for (const tool of result.tools) {
      strip(tool.inputSchema);
      strip(tool.outputSchema);
    }
    return result;
  });
}

