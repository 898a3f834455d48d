import { Api3Error } from '../../src/api3/errors.js';
import { apiParams } from '../../src/api3/params.js';
import { z } from 'zod';
import { asJson, type Json } from '../../src/server/condense.js';
import { defineTool, invokeRead, type ToolContext } from '../../src/server/define.js';
import { domainName } from '../../src/server/schemas.js';
import { auctionFromJson, auctionStateSchema, bidInput, bidPreview } from '../shared/bid.js';
import { USD } from '../shared/market.js';
import getAuctionDetails from './get_auction_details.js';

const input = z.object({ domain: domainName, ...bidInput });
type Input = z.infer<typeof input>;

async function auctionNow(args: Input, ctx: ToolContext) {
  const { auctions } = await invokeRead(getAuctionDetails, { domains: [args.domain] }, ctx);
  const { renewal_price: _renewal, history: _history, ...state } = auctions[0] ?? { domain: args.domain };
  return state;
}

function condense(body: Json, args: Input) {
  const state = auctionFromJson(asJson(asJson(body.auction_details).auction_json));
  return { ...state, domain: state.domain || args.domain };
}

export default defineTool({
  name: 'place_auction_bid',
  toolset: 'aftermarket',
  title: 'Bid in an auction',
  description: 'Bid in an auction; binding: a won auction is paid from the balance.',
  effect: 'destructive',
  input,
  output: auctionStateSchema,
  // api3's example sends the amount as written (99.9), in US dollars.
  toApi: (args) => apiParams({ domain: args.domain, bid_amount: args.bid, currency: USD }),
  condense,
  async cost(args, ctx) {
    return { amount: args.bid, currency: (await auctionNow(args, ctx)).price?.currency ?? 'USD' };
  },
  async preview(args, ctx) {
    try {
      return await bidPreview(await auctionNow(args, ctx), args.bid, ctx);
    } catch (error) {
      if (!(error instanceof Api3Error && error.code === 'not_found')) throw error;
      return { facts: {}, refusals: [`${args.domain} is in no open auction (a backorder auction takes place_backorder_auction_bid)`] };
    }
  },
});
