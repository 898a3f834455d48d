import { z } from 'zod';
import { apiParams } from '../../src/api3/params.js';
import { asJson, asList, epochToIso, type Json, text } from '../../src/server/condense.js';
import { defineTool } from '../../src/server/define.js';
import { domainName } from '../../src/server/schemas.js';
import {
  amountOf,
  apiCurrency,
  endFilter,
  listPaging,
  MARKET_KEEP_MS,
  marketChecks,
  marketCurrency,
  marketOutput,
  marketPage,
  priceFilter,
} from '../shared/market.js';

const input = z
  .object({ domain: domainName.optional(), currency: marketCurrency, ...priceFilter, ...endFilter, ...listPaging(['cheapest', 'ending']) })
  .superRefine(marketChecks());
type Input = z.infer<typeof input>;

/**
 * api3 can page this list itself (count_per_page, page_index), but then neither filters nor
 * counts it: the whole list is read once, kept a minute, and filtered and paged here.
 */
function toApi(args: Input) {
  return apiParams({ currency: apiCurrency(args.currency), domain: args.domain });
}

function condense(body: Json, args: Input) {
  const raw = asList(body.CloseoutDomains).map((entry) => asJson(entry.closeoutItem ?? entry.CloseoutItem ?? entry));
  const items = raw.map((c) => ({
    domain: text(c.domainName)?.toLowerCase() ?? '',
    price: amountOf(c.currentPrice),
    renewal: amountOf(c.renewalPrice),
    ends: epochToIso(c.endTimeStamp),
  }));
  const currency = text(raw[0]?.currency)?.toUpperCase() ?? args.currency ?? 'USD';
  return marketPage(items, args, currency);
}

export default defineTool({
  name: 'get_expired_closeout_domains',
  toolset: 'aftermarket',
  title: 'Expired closeouts',
  description: 'Expired domains sold at a fixed price.',
  effect: 'read',
  input,
  output: marketOutput(z.object({ domain: z.string(), price: z.number().optional(), renewal: z.number().optional(), ends: z.string().optional() })),
  toApi,
  condense,
  keepMs: MARKET_KEEP_MS,
});
