import { z } from 'zod';
import { Api3Error } from '../../src/api3/errors.js';
import { apiParams } from '../../src/api3/params.js';
import { defineTool, invokeRead, type ToolContext } from '../../src/server/define.js';
import { domainName } from '../../src/server/schemas.js';
import { auctionStateSchema, bidInput, bidPreview } from '../shared/bid.js';
import { USD } from '../shared/market.js';
import getBackorderAuctionDetails from './get_backorder_auction_details.js';

const input = z.object({ domain: domainName, ...bidInput });
type Input = z.infer<typeof input>;

const auctionNow = (args: Input, ctx: ToolContext) => invokeRead(getBackorderAuctionDetails, { domain: args.domain }, ctx);

export default defineTool({
  name: 'place_backorder_auction_bid',
  toolset: 'aftermarket',
  title: 'Bid in a backorder auction',
  description: 'Bid in a backorder auction of a name you backordered; binding.',
  effect: 'destructive',
  input,
  output: z.object({ domain: z.string(), placed: z.literal(true), auction: auctionStateSchema.optional() }),
  toApi: (args) => apiParams({ domain: args.domain, bid_amount: args.bid, currency: USD }),
  // api3 answers the bid with its status only: where it stands is read back.
  condense: (_body, args) => ({ domain: args.domain, placed: true as const }),
  async readBack(args, ctx) {
    return { auction: await auctionNow(args, ctx) };
  },
  async cost(args, ctx) {
    return { amount: args.bid, currency: (await auctionNow(args, ctx)).price?.currency ?? 'USD' };
  },
  async preview(args, ctx) {
    try {
      return await bidPreview(await auctionNow(args, ctx), args.bid, ctx);
    } catch (error) {
      if (!(error instanceof Api3Error && error.code === 'not_found')) throw error;
      return { facts: {}, refusals: [`${args.domain} is in no backorder auction (get_open_auctions with type backorder lists them)`] };
    }
  },
});
