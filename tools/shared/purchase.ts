import type { Money } from '../../src/server/condense.js';
import type { ToolContext } from '../../src/server/define.js';
import { balanceIn, cents } from '../../src/server/needs.js';

/**
 * What a purchase's preview (register, renew, bulk_register) shows of the balance it is paid
 * from; the balance is read, never assumed. What it was charged is the spec's `charge` need.
 */

interface BalanceFacts {
  facts: { balance_before?: Money; balance_after?: Money };
  refusals: string[];
}

/**
 * The balance before and after a purchase of `price`, and a refusal when it does not cover it
 * (api3 would refuse the order: better the preview says so than approve it).
 */
export async function balanceFacts(ctx: ToolContext, price: Money | undefined): Promise<BalanceFacts> {
  const before = await balanceIn(ctx, price?.currency);
  if (!price || !before) return { facts: before ? { balance_before: before } : {}, refusals: [] };
  const after: Money = { amount: cents(before.amount - price.amount), currency: before.currency };
  const refusals = after.amount < 0 ? [`the balance of ${before.amount} ${before.currency} does not cover ${price.amount} ${price.currency}; add funds in the Dynadot control panel`] : [];
  return { facts: { balance_before: before, balance_after: after }, refusals };
}
