import { z } from 'zod';
import { apiParams } from '../../src/api3/params.js';
import { asJson, type Json, prune } from '../../src/server/condense.js';
import { defineTool } from '../../src/server/define.js';
import { domainName } from '../../src/server/schemas.js';
import { auctionStateSchema, backorderAuctionState } from '../shared/bid.js';
import { USD } from '../shared/market.js';

const input = z.object({ domain: domainName });

export default defineTool({
  name: 'get_backorder_auction_details',
  toolset: 'aftermarket',
  title: 'Backorder auction details',
  description: 'A backorder auction: price, minimum next bid, end, your bid.',
  effect: 'read',
  input,
  output: auctionStateSchema,
  toApi: (args) => apiParams({ domain: args.domain, currency: USD }),
  condense: (body: Json, args) => {
    const state = prune(backorderAuctionState(asJson(body.GetBackorderAuctionDetails)));
    return { ...state, domain: state.domain || args.domain };
  },
});
