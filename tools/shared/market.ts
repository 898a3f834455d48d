import { z } from 'zod';
import { type Money, money, paginate } from '../../src/server/condense.js';
import { page, pageSize, plainText } from '../../src/server/schemas.js';

/**
 * What the aftermarket's big lists (open auctions, expired closeouts, listings) share: api3
 * answers each whole, up to hundreds of thousands of items, so one read is kept a minute
 * (the spec's keepMs) and filtered, sorted and paged here, with the true total.
 */

/** The currencies the aftermarket commands take (the document: "usd", "eur" or "cny"). */
export const marketCurrency = z.preprocess((v) => (typeof v === 'string' ? v.toUpperCase() : v), z.enum(['USD', 'EUR', 'CNY'])).optional();
/**
 * What the single-item aftermarket commands (details, bids, purchases) are asked in: US dollars,
 * api3's own default. Each currency field costs every conversation its tokens, so only the big
 * lists offer one; a bid, its preview and its balance check are then in one currency.
 */
export const USD = 'usd';
/** api3's own spelling of them, lower case as every aftermarket example writes it. */
export const apiCurrency = (currency: string | undefined) => currency?.toLowerCase();

/** How long a whole market's answer is reused: short, as prices and end times move. */
export const MARKET_KEEP_MS = 60_000;

const TLD = /^\.?[a-z0-9-]{1,63}(\.[a-z0-9-]{1,63})?$/i;

/**
 * The one filter of every big list, flat beside sort and page (a nested object costs its wrapper
 * in every conversation). A list composes the parts it can answer: every list has names and
 * prices; auctions and closeouts end; auctions have bids.
 */
export const priceFilter = {
  tld: z.string().max(64).regex(TLD, 'a TLD such as com or .co.uk').optional(),
  name_contains: plainText(63).optional(),
  min_price: z.number().min(0).optional(),
  max_price: z.number().min(0).optional(),
};
export const endFilter = { ending_within_hours: z.int().min(1).max(8760).optional() };
export const bidsFilter = { min_bids: z.int().min(0).max(1_000_000).optional() };

export interface MarketFilter {
  tld?: string | undefined;
  name_contains?: string | undefined;
  min_price?: number | undefined;
  max_price?: number | undefined;
  ending_within_hours?: number | undefined;
  min_bids?: number | undefined;
}

export const SORTS = ['ending', 'cheapest', 'most_bids'] as const;
type Sort = (typeof SORTS)[number];

/** Sort and page of a big list, the first sort the default; a list without end times or bids offers fewer. */
export function listPaging<S extends readonly [Sort, ...Sort[]]>(sorts: S) {
  return { sort: z.enum(sorts).default(sorts[0]), page, page_size: pageSize(100, 20) };
}

/** A price range the right way round. */
export function marketChecks() {
  return (f: MarketFilter, ctx: z.RefinementCtx) => {
    if (f.min_price !== undefined && f.max_price !== undefined && f.min_price > f.max_price)
      ctx.addIssue({ code: 'custom', path: ['max_price'], message: 'must not be below min_price' });
  };
}

/** One item of a big list, condensed: the price in the list's currency (said once, beside the items). */
export interface MarketItem {
  domain: string;
  price?: number | undefined;
  bids?: number | undefined;
  ends?: string | undefined;
}

const endOf = (item: MarketItem) => (item.ends ? Date.parse(item.ends) : Number.POSITIVE_INFINITY);
const ORDER: Record<Sort, (a: MarketItem, b: MarketItem) => number> = {
  ending: (a, b) => endOf(a) - endOf(b) || a.domain.localeCompare(b.domain),
  cheapest: (a, b) => (a.price ?? Number.POSITIVE_INFINITY) - (b.price ?? Number.POSITIVE_INFINITY) || a.domain.localeCompare(b.domain),
  most_bids: (a, b) => (b.bids ?? 0) - (a.bids ?? 0) || endOf(a) - endOf(b),
};

function matches(item: MarketItem, f: MarketFilter, now: number): boolean {
  const tld = f.tld?.toLowerCase().replace(/^\./, '');
  if (tld && !item.domain.endsWith(`.${tld}`)) return false;
  if (f.name_contains && !item.domain.includes(f.name_contains.toLowerCase())) return false;
  if (f.min_price !== undefined && !(item.price !== undefined && item.price >= f.min_price)) return false;
  if (f.max_price !== undefined && !(item.price !== undefined && item.price <= f.max_price)) return false;
  if (f.ending_within_hours !== undefined && !(endOf(item) >= now && endOf(item) <= now + f.ending_within_hours * 3_600_000)) return false;
  if (f.min_bids !== undefined && (item.bids ?? 0) < f.min_bids) return false;
  return true;
}

/** The page asked for, of the items that pass the filter, in the order asked for; `currency` says what the prices are in. */
export function marketPage<T extends MarketItem>(
  items: T[],
  args: MarketFilter & { sort: Sort; page: number; page_size: number },
  currency: string | undefined,
) {
  const now = Date.now();
  const kept = items.filter((item) => matches(item, args, now));
  kept.sort(ORDER[args.sort]);
  return { ...(currency ? { currency } : {}), ...paginate(kept, args.page, args.page_size) };
}

/** A price api3 writes as a plain number in the list's currency, or with its sign (`$44.99`). */
export function amountOf(value: unknown): number | undefined {
  const parsed = money(value, 'USD');
  return parsed && parsed.amount >= 0 ? parsed.amount : undefined;
}

/** A price with its currency, when both can be read; api3's `-1` (no bid yet) is none. */
export function priceOf(value: unknown, currency: string | undefined): Money | undefined {
  const parsed = money(value, currency?.toUpperCase());
  return parsed && parsed.amount >= 0 ? parsed : undefined;
}

/** A page of a big list: pagedOutput with the currency its prices are in. */
export function marketOutput<Item extends z.ZodType>(item: Item) {
  return z.object({
    currency: z.string().optional(),
    items: z.array(item),
    page: z.number(),
    page_size: z.number(),
    total: z.number().describe('items matching the filters'),
    has_more: z.boolean(),
  });
}
