import { z } from 'zod';
import type { AnyToolSpec, ToolContext } from './define.js';
import type { Json } from './condense.js';
import { Api3Error, TRANSIENT_CODES } from '../api3/errors.js';
import { log } from '../log.js';

/**
 * The safety gate: the one place that decides whether a call may reach api3. Destructive calls
 * (spending money, moving a domain away, deleting, replacing live settings) need an explicit
 * `confirm: true`; without it nothing is sent and the agent gets a preview to show the user.
 */
export const CONFIRM_FIELD = 'confirm';

export const confirmSchema = z
  .boolean()
  .optional()
  .describe('true only after the user approved the preview; omit it to get the preview');

export const previewSchema = z.object({
  summary: z.string(),
  would_call: z.record(z.string(), z.unknown()),
  details: z.record(z.string(), z.unknown()).optional(),
  next_step: z.string(),
});
export type Preview = z.infer<typeof previewSchema>;

export function requiresConfirm(spec: AnyToolSpec, args: Json): boolean {
  if (spec.effect !== 'destructive') return false;
  return spec.needsConfirm ? spec.needsConfirm(args) : true;
}

export interface SafetyPolicy {
  /** Largest amount one purchase may cost, in the account's currency; unset means no cap. */
  spendCap?: number;
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

/** Returns a preview when the call must not go ahead, undefined when it may; throws when policy refuses it. */
export async function gate(spec: AnyToolSpec, args: Json, ctx: ToolContext, policy: SafetyPolicy = {}): Promise<Preview | undefined> {
  if (!requiresConfirm(spec, args)) return undefined;
  if (args[CONFIRM_FIELD] === true) {
    if (policy.spendCap !== undefined) await enforceSpendCap(spec, args, ctx, policy.spendCap);
    return undefined;
  }
  const { [CONFIRM_FIELD]: _omitted, ...wouldCall } = args;
  let details: Json | undefined;
  if (spec.preview) {
    try {
      details = await spec.preview(wouldCall, ctx);
    } catch (error) {
      // A definite refusal (unknown domain, bad key) would refuse the real call too: say so now.
      if (error instanceof Api3Error && !TRANSIENT_CODES.has(error.code)) throw error;
      // A transient failure only costs the preview its details.
      log('warn', `preview lookup for ${spec.name} failed: ${(error as Error).message}`);
      details = { note: 'Could not look up the price or current settings for this preview.' };
    }
  }
  const preview: Preview = {
    summary: `Preview only, nothing was changed. ${spec.title}: ${spec.description.split('. ')[0]}.`,
    would_call: wouldCall,
    next_step: `Show this to the user and ask for approval. If they approve, call ${spec.name} again with the same arguments and confirm: true.`,
  };
  if (policy.spendCap !== undefined && spec.cost) {
    details = { ...details, spend_cap: policy.spendCap, note_on_cap: 'Purchases above the spend cap are refused even with confirm.' };
  }
  if (details) preview.details = details;
  return preview;
}
