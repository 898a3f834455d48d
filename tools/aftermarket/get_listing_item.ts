import { z } from 'zod';
import { apiParams } from '../../src/api3/params.js';
import { asJson, flag, idNumber, type Json, prune, text } from '../../src/server/condense.js';
import { defineTool } from '../../src/server/define.js';
import { domainName, moneySchema } from '../../src/server/schemas.js';
import { priceOf, USD } from '../shared/market.js';

const input = z.object({ domain: domainName });
type Input = z.infer<typeof input>;

/** A price of 0 is a listing that takes offers only. */
function condense(body: Json, args: Input) {
  const l = asJson(body.Listing);
  const price = priceOf(l.Price, 'USD');
  return prune({
    domain: text(l.Domain)?.toLowerCase() ?? args.domain,
    price: price && price.amount > 0 ? price : undefined,
    offers_only: price?.amount === 0 ? (true as const) : undefined,
    pending_sale: flag(l.PendingSaleLocked),
    links: idNumber(l.InboundLinks),
    age: idNumber(l.Age),
  });
}

export default defineTool({
  name: 'get_listing_item',
  toolset: 'aftermarket',
  title: 'Marketplace listing',
  description: "One listing's buy-now price and whether a sale is pending.",
  effect: 'read',
  input,
  output: z.object({
    domain: z.string(),
    price: moneySchema.optional(),
    offers_only: z.literal(true).optional(),
    pending_sale: z.boolean().optional(),
    links: z.number().optional(),
    age: z.number().optional(),
  }),
  toApi: (args) => apiParams({ currency: USD, domain: args.domain }),
  condense,
});
