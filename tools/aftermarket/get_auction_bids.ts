import { apiParams } from '../../src/api3/params.js';
import { z } from 'zod';
import { asList, epochToIso, type Json, prune, text } from '../../src/server/condense.js';
import { defineTool } from '../../src/server/define.js';
import { moneySchema } from '../../src/server/schemas.js';
import { priceOf, USD } from '../shared/market.js';

const input = z.object({});
type Input = z.infer<typeof input>;

/** api3 writes these prices with a dollar sign (`$44.99`): asked in USD. */
function condense(body: Json, _args: Input) {
  const currency = 'USD';
  const plain = (value: unknown) => priceOf(typeof value === 'string' ? value.replace(/^[$\u20ac\u00a5]/, '') : value, currency);
  return {
    items: asList(body.auction_bids).map((b) =>
      prune({
        domain: text(b.domain)?.toLowerCase() ?? '',
        type: text(b.auction_type),
        price: plain(b.current_bid),
        status: text(b.your_status)?.toLowerCase(),
        your_max: plain(b.proxy_bid),
        ends: epochToIso(b.end_time_stamp),
      }),
    ),
  };
}

export default defineTool({
  name: 'get_auction_bids',
  toolset: 'aftermarket',
  title: 'Your auction bids',
  description: 'Open auctions you bid in: price, whether you lead, your maximum.',
  effect: 'read',
  input,
  output: z.object({
    items: z.array(
      z.object({
        domain: z.string(),
        type: z.string().optional(),
        price: moneySchema.optional(),
        status: z.string().optional(),
        your_max: moneySchema.optional(),
        ends: z.string().optional(),
      }),
    ),
  }),
  toApi: () => apiParams({ currency: USD }),
  condense,
});
