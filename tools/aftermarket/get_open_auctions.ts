import { z } from 'zod';
import { apiParams, commaList } from '../../src/api3/params.js';
import { asList, epochToIso, idNumber, type Json, text } from '../../src/server/condense.js';
import { defineTool } from '../../src/server/define.js';
import {
  amountOf,
  apiCurrency,
  bidsFilter,
  endFilter,
  listPaging,
  MARKET_KEEP_MS,
  marketChecks,
  marketCurrency,
  marketOutput,
  marketPage,
  priceFilter,
  SORTS,
} from '../shared/market.js';

const TYPES = ['expired', 'user', 'backorder', 'registry_expired', 'registrar'] as const;

const input = z
  .object({
    type: z.enum(TYPES).optional(),
    currency: marketCurrency,
    ...priceFilter,
    ...endFilter,
    ...bidsFilter,
    ...listPaging(SORTS),
  })
  .superRefine(marketChecks());
type Input = z.infer<typeof input>;

function condense(body: Json, args: Input) {
  const items = asList(body.auction_list).map((a) => ({
    domain: text(a.domain)?.toLowerCase() ?? '',
    type: text(a.auction_type),
    price: amountOf(a.current_bid_price),
    bids: idNumber(a.bids),
    ends: epochToIso(a.end_time_stamp),
  }));
  const currency = text(asList(body.auction_list)[0]?.currency) ?? args.currency ?? 'USD';
  return marketPage(items, args, currency.toUpperCase());
}

export default defineTool({
  name: 'get_open_auctions',
  toolset: 'aftermarket',
  title: 'Open auctions',
  description: 'Auctions in progress.',
  effect: 'read',
  input,
  output: marketOutput(
    z.object({ domain: z.string(), type: z.string().optional(), price: z.number().optional(), bids: z.number().optional(), ends: z.string().optional() }),
  ),
  toApi: (args) => apiParams({ currency: apiCurrency(args.currency), type: args.type ?? commaList(TYPES) }),
  condense,
  keepMs: MARKET_KEEP_MS,
});
