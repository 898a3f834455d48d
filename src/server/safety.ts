import { z } from 'zod';
import type { AnyToolSpec, PreviewOutcome, ToolContext } from './define.js';
import type { Json, Money } from './condense.js';
import { Api3Error, TRANSIENT_CODES } from '../api3/errors.js';
import { errorMessage, log } from '../log.js';
import { type Confirmations, CONFIRMATION_TTL_MS } from './confirmation.js';
import { maskSensitive, registerSensitive } from './sensitive.js';

/**
 * The safety gate: the one place that decides whether a call may reach api3. A destructive call
 * (spending money, moving a domain away, deleting, replacing live settings) goes through only
 * with `confirm: true` and the `confirmation_id` its own preview issued for these arguments and
 * these facts; otherwise nothing is sent and the agent gets a preview to show the user.
 */
export const CONFIRM_FIELD = 'confirm';
export const CONFIRMATION_ID_FIELD = 'confirmation_id';

export const confirmFields = {
  // How the two are used is said once, in the instructions, not in every destructive tool's schema.
  [CONFIRM_FIELD]: z.boolean().optional(),
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

/** DYNADOT_SPEND_CAP: an amount in `currency` when it names one, else in the account's currency. */
export interface SpendCap {
  amount: number;
  /** Upper-case ISO code; it must be the account's currency, or every purchase is refused. */
  currency?: string;
}

/** A cap as a policy takes it: a bare number is an amount in the account's currency. */
export type SpendCapSetting = number | SpendCap;

export function spendCapOf(setting: SpendCapSetting): SpendCap {
  if (typeof setting === 'number') return { amount: setting };
  return setting.currency ? { amount: setting.amount, currency: setting.currency.toUpperCase() } : { amount: setting.amount };
}

/** `50 USD`, or `50 (account currency)` for a cap that names no currency. */
export function describeSpendCap(setting: SpendCapSetting): string {
  const cap = spendCapOf(setting);
  return cap.currency ? `${cap.amount} ${cap.currency}` : `${cap.amount} (account currency)`;
}

export interface SafetyPolicy {
  /** Largest amount one purchase may cost, in the account's currency; unset means no cap. */
  spendCap?: SpendCapSetting;
  /** Issues and checks confirmation ids. */
  confirmations: Confirmations;
  /** DYNADOT_DRY_RUN: every call that could change the account answers its preview only. */
  dryRun?: boolean;
}

const codeOf = (error: unknown) => (error instanceof Api3Error ? error.code : 'error');

/**
 * The account's currency: the one its balance is in (get_account_balance; with several
 * balances, the only one holding money), else the currency of account_info's balance. Read,
 * never assumed; when neither read tells, `why` says what was seen.
 */
export async function readAccountCurrency(ctx: ToolContext): Promise<{ currency: string } | { currency?: undefined; why: string }> {
  let why: string;
  try {
    const balances = await ctx.account.balances(ctx);
    const funded = balances.filter((balance) => balance.amount > 0);
    const only = balances.length === 1 ? balances[0] : funded.length === 1 ? funded[0] : undefined;
    if (only) return { currency: only.currency.toUpperCase() };
    why = balances.length === 0 ? 'get_account_balance lists no balance' : `get_account_balance lists ${balances.length} balances`;
  } catch (error) {
    why = `get_account_balance failed (${codeOf(error)})`;
  }
  try {
    const balance = await ctx.account.accountBalance(ctx);
    if (balance) return { currency: balance.currency.toUpperCase() };
    why += ' and account_info shows no balance';
  } catch (error) {
    why += ` and account_info failed (${codeOf(error)})`;
  }
  return { why };
}

const CAP_HINT = 'The spend cap (DYNADOT_SPEND_CAP) is set by whoever runs this server; the user can raise it or buy in the Dynadot control panel.';

interface CapRefusal {
  why: string;
  hint: string;
}

/**
 * The spend cap: a purchase is compared with the cap in the account's currency, read now, at its
 * price (`known`, as the preview read it, else priced again with the spec's `cost`). Refused when
 * it costs more than the cap, is priced in another currency, or when its price or the account
 * currency cannot be determined; and every purchase is refused while the cap names a currency the
 * account does not pay in. Undefined: within the cap.
 */
async function spendCapRefusal(spec: AnyToolSpec, args: Json, ctx: ToolContext, setting: SpendCapSetting, known?: Money): Promise<CapRefusal | undefined> {
  if (!spec.cost) return undefined;
  const cap = spendCapOf(setting);
  const refuse = (why: string, hint = CAP_HINT): CapRefusal => ({ why: `refused by the spend cap of ${describeSpendCap(cap)}: ${why}`, hint });

  const account = await readAccountCurrency(ctx);
  if (account.currency === undefined) {
    return refuse(`the account currency could not be determined (${account.why}), so this ${spec.name} cannot be compared with the cap`, `${CAP_HINT} Try again shortly; get_account_balance shows the balance.`);
  }
  if (cap.currency !== undefined && cap.currency !== account.currency) {
    return refuse(
      `the cap is set in ${cap.currency} but this account pays in ${account.currency}, so no purchase can be compared with it`,
      `Every purchase is refused until whoever runs this server sets DYNADOT_SPEND_CAP in ${account.currency} (e.g. "${cap.amount} ${account.currency}") or as a bare amount, which means the account currency.`,
    );
  }
  let cost = known;
  if (cost === undefined) {
    try {
      cost = await spec.cost(args, ctx);
    } catch (error) {
      return refuse(`the price of this ${spec.name} could not be determined (${codeOf(error)})`, `${CAP_HINT} Try again shortly.`);
    }
  }
  if (cost === undefined) return refuse(`the price of this ${spec.name} could not be determined`);
  if (cost.currency.toUpperCase() !== account.currency) {
    return refuse(
      `this ${spec.name} is priced at ${cost.amount} ${cost.currency}, not in the account currency ${account.currency} the cap is compared in`,
      `Ask for the price in ${account.currency} (leave out currency), or buy in the Dynadot control panel.`,
    );
  }
  if (cost.amount > cap.amount) {
    return { why: `refused by the spend cap: this ${spec.name} costs ${cost.amount} ${cost.currency}, above the cap of ${cap.amount} ${account.currency}`, hint: CAP_HINT };
  }
  return undefined;
}

/** The cap on the confirmed call, kept beside the preview's: whatever slipped past it is refused here, with nothing sent. */
async function enforceSpendCap(spec: AnyToolSpec, args: Json, ctx: ToolContext, setting: SpendCapSetting, known?: Money): Promise<void> {
  const refusal = await spendCapRefusal(spec, args, ctx, setting, known);
  if (refusal) throw new Api3Error('permission_denied', `${refusal.why}; nothing was sent`, { hint: refusal.hint });
}

/**
 * The cap as the preview shows it: with its currency (the account's, read now, when the cap
 * names none), and what a confirmed purchase will run into.
 */
async function capDetails(setting: SpendCapSetting, ctx: ToolContext): Promise<Json> {
  const cap = spendCapOf(setting);
  const account = await readAccountCurrency(ctx);
  const currency = cap.currency ?? account.currency;
  let note = 'Purchases above the spend cap, or priced in another currency than the account pays in, are refused even when confirmed.';
  if (account.currency === undefined) {
    note = `The account currency could not be read (${account.why}): a confirmed purchase is refused unless it can be read then.`;
  } else if (cap.currency !== undefined && cap.currency !== account.currency) {
    note = `The spend cap is set in ${cap.currency} but this account pays in ${account.currency}: every purchase is refused until DYNADOT_SPEND_CAP is set in ${account.currency} or as a bare amount.`;
  }
  return { spend_cap: currency ? { amount: cap.amount, currency } : { amount: cap.amount }, note_on_cap: note };
}

/** The call as the agent made it, without the confirmation fields: what a confirmation is bound to. */
export function callArguments(args: Json): Json {
  const { [CONFIRM_FIELD]: _confirm, [CONFIRMATION_ID_FIELD]: _id, ...call } = args;
  return call;
}

/** A lookup that failed: definite refusals are the answer, a transient failure leaves nothing to confirm against. */
function unreadable(spec: AnyToolSpec, error: unknown): string {
  if (error instanceof Api3Error && !TRANSIENT_CODES.has(error.code)) throw error;
  log('warn', `preview lookup for ${spec.name} failed: ${errorMessage(error)}`);
  return `could not read the current price or settings (${codeOf(error)}); try the preview again shortly`;
}

/**
 * What the preview's reads say now, with the spec's prechecks unless `precheck` is false (the
 * confirmed call's own check, which leaves them to api3). A definite refusal of a lookup (unknown
 * domain, bad key) would refuse the real call too, so it is thrown as the answer. A transient one
 * leaves nothing to confirm against: the preview says so and issues no id rather than approve
 * unseen facts.
 */
async function lookUp(spec: AnyToolSpec, call: Json, ctx: ToolContext, policy: SafetyPolicy, precheck = true): Promise<PreviewOutcome> {
  if (!spec.preview && !spec.precheck) return { facts: {} };
  let outcome: PreviewOutcome;
  try {
    outcome = spec.preview ? await spec.preview(call, ctx) : { facts: {} };
  } catch (error) {
    return { facts: {}, refusals: [unreadable(spec, error)] };
  }
  if (precheck) outcome = await prechecked(spec, call, ctx, outcome);
  // A purchase above the cap is refused in its preview, before anyone approves it (issue 15).
  if (policy.spendCap === undefined || outcome.refusals?.length) return outcome;
  const cap = await spendCapRefusal(spec, call, ctx, policy.spendCap, outcome.cost);
  return cap ? { ...outcome, refusals: [`${cap.why}. ${cap.hint}`] } : outcome;
}

/** The outcome with the refusals of the spec's precheck added. */
async function prechecked(spec: AnyToolSpec, call: Json, ctx: ToolContext, outcome: PreviewOutcome): Promise<PreviewOutcome> {
  if (!spec.precheck) return outcome;
  let refusals: string[];
  try {
    refusals = await spec.precheck(call, ctx);
  } catch (error) {
    refusals = [unreadable(spec, error)];
  }
  return refusals.length > 0 ? { ...outcome, refusals: [...(outcome.refusals ?? []), ...refusals] } : outcome;
}

/** What a confirmation id is bound to: the facts shown and those bound unseen (a preview without `bound` binds its facts alone). */
function boundTo(outcome: PreviewOutcome): Json {
  return outcome.bound === undefined ? outcome.facts : { shown: outcome.facts, bound: outcome.bound };
}

/** `args`: the call as it is to be sent, with what the confirmation fixed from its preview's facts (`bind`). */
export type GateDecision = { proceed: true; args?: Json } | { proceed: false; preview: Preview };

/**
 * Decides one call. Returns `proceed` when it may be sent (not destructive for this input and
 * state, or confirmed with a valid id for facts that still hold, within the spend cap), else
 * the preview to answer with: fresh facts, a new id when nothing stands in the way, and why the
 * call was not sent when it came with confirm.
 */
export async function gate(spec: AnyToolSpec, args: Json, ctx: ToolContext, policy: SafetyPolicy): Promise<GateDecision> {
  // Before anything can log or echo them: secret arguments are redacted from every log line and error text.
  registerSensitive(spec, args);
  const call = callArguments(args);
  if (policy.dryRun && spec.effect !== 'read') return { proceed: false, preview: await dryRunPreview(spec, call, ctx, policy) };
  if (!(await requiresConfirm(spec, call, ctx))) return { proceed: true };

  const confirming = args[CONFIRM_FIELD] === true;
  let outcome = await lookUp(spec, call, ctx, policy, !confirming);
  const refusals = outcome.refusals ?? [];
  let whyNotSent: string | undefined;
  if (confirming) {
    if (refusals.length > 0) {
      whyNotSent = 'This call cannot go through as it is, so it was not sent (see refused_because).';
    } else {
      const verdict = policy.confirmations.verify(args[CONFIRMATION_ID_FIELD], spec.name, call, boundTo(outcome));
      if (verdict.ok) {
        if (policy.spendCap !== undefined) await enforceSpendCap(spec, call, ctx, policy.spendCap, outcome.cost);
        const bound = spec.bind?.(call, outcome.facts);
        return bound ? { proceed: true, args: { ...args, ...bound } } : { proceed: true };
      }
      whyNotSent = `Not sent: ${verdict.message}`;
    }
    // Not sent: the preview answered instead may issue a new id, so it checks all a preview does.
    outcome = await prechecked(spec, call, ctx, outcome);
  }
  return { proceed: false, preview: await renderPreview(spec, call, outcome, policy, ctx, whyNotSent) };
}

/** The description's first sentence, whole: "e.g. www" is not a sentence end. */
function firstSentence(text: string): string {
  const end = /[.!?](?=\s+[A-Z]|$)/.exec(text);
  return end ? text.slice(0, end.index + 1) : text;
}

/**
 * Dry run: writes and destructive calls alike answer with what they would do, with the facts
 * their reads can tell, and no confirmation id (a dry-run server never sends a change).
 */
async function dryRunPreview(spec: AnyToolSpec, call: Json, ctx: ToolContext, policy: SafetyPolicy): Promise<Preview> {
  const outcome = await lookUp(spec, call, ctx, policy);
  const preview = await renderPreview(spec, call, { ...outcome, refusals: [] }, policy, ctx);
  const { confirmation_id: _none, ...withoutId } = preview;
  return {
    ...withoutId,
    summary: `Dry run (DYNADOT_DRY_RUN): nothing was changed and nothing will be. ${spec.title}: ${firstSentence(spec.description)}`,
    ...(outcome.refusals?.length ? { refused_because: outcome.refusals } : {}),
    next_step: 'This server is in dry-run mode: show the user what would happen. To make the change, the server must be started without DYNADOT_DRY_RUN / --dry-run.',
  };
}

async function renderPreview(spec: AnyToolSpec, call: Json, outcome: PreviewOutcome, policy: SafetyPolicy, ctx: ToolContext, whyNotSent?: string): Promise<Preview> {
  const refusals = outcome.refusals ?? [];
  let details: Json = outcome.facts;
  if (policy.spendCap !== undefined && spec.cost) details = { ...details, ...(await capDetails(policy.spendCap, ctx)) };
  const preview: Preview = {
    summary: `Preview only, nothing was changed. ${spec.title}: ${firstSentence(spec.description)}`,
    // Secret arguments as *** (the confirmation id is bound to the real ones).
    would_call: maskSensitive(spec, call),
    next_step: '',
  };
  if (Object.keys(details).length > 0) preview.details = details;
  if (whyNotSent) preview.why_not_sent = whyNotSent;
  if (refusals.length > 0) {
    preview.refused_because = refusals;
    preview.next_step = `Tell the user why this cannot be done as asked; no confirmation is possible until that changes. Nothing was sent.`;
    return preview;
  }
  const id = policy.confirmations.issue(spec.name, call, boundTo(outcome));
  preview.confirmation_id = id;
  // The id is said once, in its own field: every repeat is paid for in the conversation.
  preview.next_step = `Show this to the user and ask for approval. If they approve, call ${spec.name} again with the same arguments plus confirm: true and this confirmation_id (valid ${CONFIRMATION_TTL_MS / 60_000} minutes).`;
  return preview;
}
