import { z } from 'zod';
import { apiParams } from '../../src/api3/params.js';
import { asList, flag, type Json, text } from '../../src/server/condense.js';
import { defineTool } from '../../src/server/define.js';
import { page, pageSize } from '../../src/server/schemas.js';
import { amountOf, apiCurrency, MARKET_KEEP_MS, marketChecks, marketCurrency, marketOutput, marketPage, priceFilter } from '../shared/market.js';

const input = z
  .object({
    currency: marketCurrency,
    exclude_pending_sale: z.boolean().optional(),
    other_registrars: z.boolean().optional(),
    ...priceFilter,
    page,
    page_size: pageSize(100, 20),
  })
  .superRefine(marketChecks());
type Input = z.infer<typeof input>;

const yes = (on: boolean | undefined) => (on ? 'yes' : undefined);

function condense(body: Json, args: Input) {
  const items = asList(body.Listing).map((l) => ({
    domain: text(l.Domain)?.toLowerCase() ?? '',
    price: amountOf(l.Price) || undefined,
    ...(flag(l.PendingSaleLocked) ? { pending_sale: true as const } : {}),
  }));
  // Listings have no end time or bids: cheapest first, offers-only (no price) last.
  return marketPage(items, { ...args, sort: 'cheapest' }, args.currency ?? 'USD');
}

export default defineTool({
  name: 'get_listings',
  toolset: 'aftermarket',
  title: 'Marketplace listings',
  description: 'Domains for sale in the marketplace, cheapest first.',
  effect: 'read',
  input,
  output: marketOutput(z.object({ domain: z.string(), price: z.number().optional(), pending_sale: z.literal(true).optional() })),
  toApi: (args) =>
    apiParams({ currency: apiCurrency(args.currency), exclude_pending_sale: yes(args.exclude_pending_sale), show_other_registrar: yes(args.other_registrars) }),
  condense,
  keepMs: MARKET_KEEP_MS,
});
