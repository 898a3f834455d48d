import { z } from 'zod';
import type { AnyToolSpec, PreviewOutcome, ToolContext } from './define.js';
import type { Json } from './condense.js';
import { Api3Error, TRANSIENT_CODES } from '../api3/errors.js';
import { log } from '../log.js';
import { type Confirmations, CONFIRMATION_TTL_MS } from './confirmation.js';

/**
 * The safety gate: the one place that decides whether a call may reach api3. A destructive call
 * (spending money, moving a domain away, deleting, replacing live settings) goes through only
 * with `confirm: true` and the `confirmation_id` its own preview issued for these arguments and
 * these facts; otherwise nothing is sent and the agent gets a preview to show the user.
 */
export const CONFIRM_FIELD = 'confirm';
export const CONFIRMATION_ID_FIELD = 'confirmation_id';

export const confirmFields = {
  [CONFIRM_FIELD]: z.boolean().optional().describe("true once the user approved the preview; send its confirmation_id too"),
  [CONFIRMATION_ID_FIELD]: z.string().max(200).optional(),
};

export const previewSchema = z.object({
  summary: z.string(),
  would_call: z.record(z.string(), z.unknown()),
  details: z.record(z.string(), z.unknown()).optional(),
  refused_because: z.array(z.string()).optional().describe('why api3 would refuse: no confirmation is possible'),
  why_not_sent: z.string().optional(),
  confirmation_id: z.string().optional(),
  next_step: z.string(),
});
export type Preview = z.infer<typeof previewSchema>;

/** Whether this call needs a confirmed preview: destructive tools, some only for some input or state. */
export async function requiresConfirm(spec: AnyToolSpec, args: Json, ctx: ToolContext): Promise<boolean> {
  if (spec.effect !== 'destructive') return false;
  return spec.needsConfirm ? spec.needsConfirm(args, ctx) : true;
}

export interface SafetyPolicy {
  /** Largest amount one purchase may cost, in the account's currency; unset means no cap. */
  spendCap?: number;
  /** Issues and checks confirmation ids. */
  confirmations: Confirmations;
}

/**
 * The spend cap: a confirmed purchase is priced again right before it is sent, and refused
 * when it costs more than the cap or cannot be priced at all.
 */
async function enforceSpendCap(spec: AnyToolSpec, args: Json, ctx: ToolContext, cap: number): Promise<void> {
  if (!spec.cost) return;
  const cost = await spec.cost(args, ctx);
  const hint = 'The spend cap (DYNADOT_SPEND_CAP) is set by whoever runs this server; the user can raise it or buy in the Dynadot control panel.';
  if (cost === undefined) {
    throw new Api3Error('permission_denied', `refused by the spend cap of ${cap}: the price of this ${spec.name} could not be determined`, { hint });
  }
  if (cost.amount > cap) {
    throw new Api3Error('permission_denied', `refused by the spend cap: this ${spec.name} costs ${cost.amount} ${cost.currency}, above the cap of ${cap}`, {
      hint,
    });
  }
}

/** The call as the agent made it, without the confirmation fields: what a confirmation is bound to. */
export function callArguments(args: Json): Json {
  const { [CONFIRM_FIELD]: _confirm, [CONFIRMATION_ID_FIELD]: _id, ...call } = args;
  return call;
}

/**
 * What the preview's reads say now. A definite refusal of a lookup (unknown domain, bad key) would
 * refuse the real call too, so it is thrown as the answer. A transient one leaves nothing to
 * confirm against: the preview says so and issues no id rather than approve unseen facts.
 */
async function lookUp(spec: AnyToolSpec, call: Json, ctx: ToolContext): Promise<PreviewOutcome> {
  if (!spec.preview) return { facts: {} };
  try {
    return await spec.preview(call, ctx);
  } catch (error) {
    if (error instanceof Api3Error && !TRANSIENT_CODES.has(error.code)) throw error;
    log('warn', `preview lookup for ${spec.name} failed: ${(error as Error).message}`);
    const code = error instanceof Api3Error ? error.code : 'error';
    return { facts: {}, refusals: [`could not read the current price or settings (${code}); try the preview again shortly`] };
  }
}

export type GateDecision = { proceed: true } | { proceed: false; preview: Preview };

/**
 * Decides one call. Returns `proceed` when it may be sent (not destructive for this input and
 * state, or confirmed with a valid id for facts that still hold, within the spend cap), else
 * the preview to answer with: fresh facts, a new id when nothing stands in the way, and why the
 * call was not sent when it came with confirm.
 */
export async function gate(spec: AnyToolSpec, args: Json, ctx: ToolContext, policy: SafetyPolicy): Promise<GateDecision> {
  const call = callArguments(args);
  if (!(await requiresConfirm(spec, call, ctx))) return { proceed: true };

  const outcome = await lookUp(spec, call, ctx);
  const refusals = outcome.refusals ?? [];
  let whyNotSent: string | undefined;
  if (args[CONFIRM_FIELD] === true) {
    if (refusals.length > 0) {
      whyNotSent = 'api3 would refuse this call, so it was not sent (see refused_because).';
    } else {
      const verdict = policy.confirmations.verify(args[CONFIRMATION_ID_FIELD], spec.name, call, outcome.facts);
      if (verdict.ok) {
        if (policy.spendCap !== undefined) await enforceSpendCap(spec, call, ctx, policy.spendCap);
        return { proceed: true };
      }
      whyNotSent = `Not sent: ${verdict.message}`;
    }
  }
  return { proceed: false, preview: renderPreview(spec, call, outcome, policy, whyNotSent) };
}

function renderPreview(spec: AnyToolSpec, call: Json, outcome: PreviewOutcome, policy: SafetyPolicy, whyNotSent?: string): Preview {
  const refusals = outcome.refusals ?? [];
  let details: Json = outcome.facts;
  if (policy.spendCap !== undefined && spec.cost) {
    details = { ...details, spend_cap: policy.spendCap, note_on_cap: 'Purchases above the spend cap are refused even when confirmed.' };
  }
  const preview: Preview = {
    summary: `Preview only, nothing was changed. ${spec.title}: ${spec.description.split('. ')[0]}.`,
    would_call: call,
    next_step: '',
  };
  if (Object.keys(details).length > 0) preview.details = details;
  if (whyNotSent) preview.why_not_sent = whyNotSent;
  if (refusals.length > 0) {
    preview.refused_because = refusals;
    preview.next_step = `Tell the user why this cannot be done as asked; no confirmation is possible until that changes. Nothing was sent.`;
    return preview;
  }
  const id = policy.confirmations.issue(spec.name, call, outcome.facts);
  preview.confirmation_id = id;
  preview.next_step = `Show this to the user and ask for approval. If they approve, call ${spec.name} again with the same arguments plus confirm: true and confirmation_id: "${id}" (valid ${CONFIRMATION_TTL_MS / 60_000} minutes).`;
  return preview;
}
