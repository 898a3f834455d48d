import type { Money } from '../../src/server/condense.js';
import { invokeRead, type ToolContext } from '../../src/server/define.js';
import getAccountBalance from '../account/get_account_balance.js';

/**
 * What purchases (register, renew) show before and after: the balance they are paid from, and
 * what was charged. The balance is read, never assumed.
 */
const cents = (amount: number) => Math.round(amount * 100) / 100;

/** The balance in `currency`, or the account's only balance when none is asked for. */
export async function balanceIn(ctx: ToolContext, currency?: string): Promise<Money | undefined> {
  const { balances } = await invokeRead(getAccountBalance, {}, ctx);
  return currency ? balances.find((b) => b.currency === currency) : balances.length === 1 ? balances[0] : undefined;
}

/**
 * The balance before and after a purchase of `price`, and a refusal when it does not cover it
 * (api3 would refuse the order: better the preview says so than approve it).
 */
export async function balanceFacts(ctx: ToolContext, price: Money | undefined) {
  const before = await balanceIn(ctx, price?.currency);
  if (!price || !before) return { facts: before ? { balance_before: before } : {}, refusals: [] as string[] };
  const after: Money = { amount: cents(before.amount - price.amount), currency: before.currency };
  const refusals = after.amount < 0 ? [`the balance of ${before.amount} ${before.currency} does not cover ${price.amount} ${price.currency}; add funds in the Dynadot control panel`] : [];
  return { facts: { balance_before: before, balance_after: after }, refusals };
}

/**
 * Runs a purchase and says what it cost, from the balance before and after. The write's own
 * answer decides success; a balance read that fails afterwards only leaves `charged` out.
 */
export async function withCharge<T extends object>(ctx: ToolContext, currency: string | undefined, buy: () => Promise<T>): Promise<T & { charged?: Money }> {
  const before = await balanceIn(ctx, currency).catch(() => undefined);
  const result = await buy();
  if (!before) return result;
  const after = await balanceIn(ctx, before.currency).catch(() => undefined);
  if (!after) return result;
  return { ...result, charged: { amount: cents(before.amount - after.amount), currency: before.currency } };
}
