import { z } from 'zod';
import { apiParams } from '../../src/api3/params.js';
import { asJson, asList, epochToIso, idNumber, type Json, prune, text } from '../../src/server/condense.js';
import { defineTool } from '../../src/server/define.js';
import { amountOf, USD } from '../shared/market.js';

const input = z.object({});
type Input = z.infer<typeof input>;

/**
 * The document shows this deprecated command's answer in XML and CSV only: the auctions are read
 * under a JSON `Auctions` list as its sibling commands answer, or under the XML's content tag.
 */
function condense(body: Json, _args: Input) {
  const raw = body.Auctions ?? body.Auction ?? asJson(body.GetOpenBackorderAuctionsContent).Auction;
  const items = asList(raw).map((a) =>
    prune({ domain: text(a.Domain)?.toLowerCase() ?? '', price: amountOf(a.BidPrice), bids: idNumber(a.Bids), ends: epochToIso(a.EndTimestamp) }),
  );
  const currency = text(asList(raw)[0]?.BidPriceCurrency)?.toUpperCase() ?? 'USD';
  return { currency, items };
}

export default defineTool({
  name: 'get_open_backorder_auctions',
  toolset: 'legacy',
  title: 'Open backorder auctions (deprecated)',
  description: 'Deprecated: use get_open_auctions with type backorder.',
  effect: 'read',
  input,
  output: z.object({
    currency: z.string(),
    items: z.array(z.object({ domain: z.string(), price: z.number().optional(), bids: z.number().optional(), ends: z.string().optional() })),
  }),
  toApi: () => apiParams({ currency: USD }),
  condense,
});
