import { z } from 'zod';
import { apiParams, commaList } from '../../src/api3/params.js';
import { asJson, asList, epochToIso, type Json, prune, text } from '../../src/server/condense.js';
import { defineTool } from '../../src/server/define.js';
import { domainList } from '../../src/server/schemas.js';
import { auctionFromJson, auctionStateSchema } from '../shared/bid.js';
import { priceOf, USD } from '../shared/market.js';

const input = z.object({ domains: domainList(100) });
type Input = z.infer<typeof input>;

const historySchema = z.object({ by: z.string(), price: z.object({ amount: z.number(), currency: z.string() }), at: z.string(), status: z.string() }).partial();

function condense(body: Json, _args: Input) {
  return {
    auctions: asList(body.auction_details).map((entry) => {
      const raw = asJson(entry.auction_json);
      return prune({
        ...auctionFromJson(raw),
        renewal_price: priceOf(raw.renewal_price, text(raw.currency)),
        history: asList(entry.bid_history).map((h) => ({
          by: text(h.bidder_name),
          price: priceOf(h.bid_price, text(h.currency)),
          at: epochToIso(h.timestamp),
          status: text(h.bid_status)?.toLowerCase(),
        })),
      });
    }),
  };
}

export default defineTool({
  name: 'get_auction_details',
  toolset: 'aftermarket',
  title: 'Auction details',
  description: 'An auction: price, minimum next bid, end, your bid, history.',
  effect: 'read',
  input,
  output: z.object({
    auctions: z.array(auctionStateSchema.extend({ renewal_price: auctionStateSchema.shape.price, history: z.array(historySchema).optional() })),
  }),
  toApi: (args) => apiParams({ domain: commaList(args.domains), currency: USD }),
  condense,
});
