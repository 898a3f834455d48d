import type { Money } from '../../src/server/condense.js';
import type { PreviewOutcome, ToolContext } from '../../src/server/define.js';
import { balanceFacts, unreadPrices } from './purchase.js';

/**
 * The preview of a fixed-price aftermarket purchase (buy_it_now, buy_expired_closeout_domain):
 * the price as api3 lists it now, the balance before and after, and what the purchase does. No
 * price, no confirmation; a price the balance does not cover is refused.
 */
export async function fixedPricePreview(domain: string, price: Money | undefined, extra: Record<string, unknown>, ctx: ToolContext): Promise<PreviewOutcome> {
  const refusals = unreadPrices(domain, { price });
  const balance = price ? await balanceFacts(ctx, price) : { facts: {}, refusals: [] };
  return {
    facts: { price, ...extra, ...balance.facts, when_bought: 'The price is paid from the balance at once and the domain moves into the account.' },
    refusals: [...refusals, ...balance.refusals],
    ...(price ? { cost: price } : {}),
  };
}
