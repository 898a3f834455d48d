import { errorMessage, log } from '../log.js';
import type { Json, Money } from './condense.js';
import type { ToolContext } from './define.js';
import type { DomainSummary } from './ports.js';

/**
 * The declared needs of a spec that `invoke` applies around its one api3 call, reading the
 * account only through its port (ctx.account): the values a write replaces, and what a purchase
 * was charged. Reads made here never block or fail the call they surround.
 */

/** `previous`: what a settings write replaces, read first from the account's summary of the domains. */
export interface PreviousNeed<Args> {
  /** The domains the write changes. */
  domains(args: Args): readonly string[];
  /** Read name servers and note too. */
  verbose?: boolean;
  /** A domain's current value, in the terms of the tool's input. */
  of(domain: DomainSummary): Json;
}

/** `charge`: a purchase, paid from the balance in this currency (undefined: the account's only one). */
export interface ChargeNeed<Args> {
  currency(args: Args): string | undefined;
}

/**
 * The values the write replaces, by domain (one read for all of them), so the answer says what
 * was there before beside what is there now. A failed read leaves them out: the write is sent
 * whatever it gives.
 */
export async function readPrevious<Args>(need: PreviousNeed<Args>, args: Args, ctx: ToolContext): Promise<Record<string, Json> | undefined> {
  const domains = need.domains(args);
  try {
    const found = await ctx.account.domains({ names: domains, verbose: need.verbose ?? false }, ctx);
    const previous = Object.fromEntries(domains.flatMap((name) => {
      const domain = found.get(name);
      return domain ? [[name, need.of(domain)]] : [];
    }));
    return Object.keys(previous).length > 0 ? previous : undefined;
  } catch (error) {
    log('warn', `reading the settings before a write failed: ${errorMessage(error)}`);
    return undefined;
  }
}

export const cents = (amount: number) => Math.round(amount * 100) / 100;

/** The balance in `currency`, or the account's only balance when none is asked for. */
export async function balanceIn(ctx: ToolContext, currency?: string): Promise<Money | undefined> {
  const balances = await ctx.account.balances(ctx);
  return currency ? balances.find((b) => b.currency === currency) : balances.length === 1 ? balances[0] : undefined;
}

/** The balance a purchase is paid from, read before it; unreadable: undefined, and nothing is said of the charge. */
export function balanceBeforeCharge<Args>(need: ChargeNeed<Args>, args: Args, ctx: ToolContext): Promise<Money | undefined> {
  return balanceIn(ctx, need.currency(args)).catch(() => undefined);
}

/**
 * What the purchase cost, from the balance before and after. The purchase's own answer decides
 * success; a balance read that fails afterwards only leaves the charge out.
 */
export async function chargedSince(before: Money | undefined, ctx: ToolContext): Promise<Money | undefined> {
  if (!before) return undefined;
  const after = await balanceIn(ctx, before.currency).catch(() => undefined);
  return after && { amount: cents(before.amount - after.amount), currency: before.currency };
}
