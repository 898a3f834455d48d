import { z } from 'zod';
import { apiParams } from '../../src/api3/params.js';
import { defineTool, invokeRead } from '../../src/server/define.js';
import { domainName, moneySchema } from '../../src/server/schemas.js';
import { USD } from '../shared/market.js';
import { fixedPricePreview } from '../shared/market-purchase.js';
import getListingItem from './get_listing_item.js';

const input = z.object({ domain: domainName });

export default defineTool({
  name: 'buy_it_now',
  toolset: 'aftermarket',
  title: 'Buy a listed domain',
  description: 'Buy a marketplace listing at its buy-now price from the balance.',
  effect: 'destructive',
  input,
  output: z.object({ domain: z.string(), bought: z.literal(true), charged: moneySchema.optional() }),
  toApi: (args) => apiParams({ domain: args.domain, currency: USD }),
  condense: (_body, args) => ({ domain: args.domain, bought: true as const }),
  charge: { currency: () => 'USD' },
  async cost(args, ctx) {
    return (await invokeRead(getListingItem, args, ctx)).price;
  },
  async preview(args, ctx) {
    const listing = await invokeRead(getListingItem, args, ctx);
    const outcome = await fixedPricePreview(args.domain, listing.price, { pending_sale: listing.pending_sale }, ctx);
    const refusals = outcome.refusals ?? [];
    if (listing.offers_only) refusals.unshift(`${args.domain} takes offers only: it has no buy-now price`);
    if (listing.pending_sale) refusals.unshift(`${args.domain} is locked by a pending sale`);
    return { ...outcome, refusals };
  },
});
