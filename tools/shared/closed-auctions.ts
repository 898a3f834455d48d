import { z } from 'zod';
import { apiParams } from '../../src/api3/params.js';
import { asList, epochToIso, flag, idNumber, type Json, paginate, prune, text } from '../../src/server/condense.js';
import { moneySchema, page, pageSize, pagedOutput } from '../../src/server/schemas.js';
import { priceOf } from './market.js';

/**
 * get_closed_auctions and get_closed_backorder_auctions: the auctions this account took part in
 * that ended between two days, paged here.
 */
const DAY_MS = 86_400_000;

/** A calendar date that exists (not 2024-02-30). */
function isDay(v: string): boolean {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(v) ? Date.parse(`${v}T00:00:00Z`) : Number.NaN;
  return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(v);
}
export const day = z.string().max(10).refine(isDay, { message: 'must be a date YYYY-MM-DD' });

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const closedInput = z
  .object({ from: day.optional(), to: day.optional(), page, page_size: pageSize(100, 20) })
  .refine((a) => a.from === undefined || a.to === undefined || a.from <= a.to, { path: ['to'], message: 'must not be before from' });
export type ClosedInput = z.infer<typeof closedInput>;

/**
 * The document's parameter table says start_date and end_date, but every example of these
 * commands (and of backorder_request_list) sends startDate and endDate: the examples are what
 * was sent to the live service, so their spelling is the one followed here.
 */
export function closedToApi(args: { from?: string | undefined; to?: string | undefined }, defaultDays = 90) {
  const to = args.to ?? isoDay(Date.now());
  const from = args.from ?? isoDay(Date.parse(`${to}T00:00:00Z`) - defaultDays * DAY_MS);
  return apiParams({ startDate: from, endDate: to });
}

export const closedItem = z
  .object({ domain: z.string(), won: z.boolean(), price: moneySchema, bids: z.number(), your_bid: moneySchema, your_max: moneySchema, ended: z.string() })
  .partial();
export const closedOutput = pagedOutput(closedItem);

export function condenseClosed(body: Json, args: ClosedInput) {
  const items = asList(body.Auctions).map((a) => {
    const currency = text(a.BidPriceCurrency);
    const won = text(a.AuctionWonStatus)?.toLowerCase();
    return prune({
      domain: text(a.Domain)?.toLowerCase(),
      won: won === undefined ? undefined : won === 'won' || flag(won) === true,
      price: priceOf(a.BidPrice, currency),
      bids: idNumber(a.Bids),
      your_bid: priceOf(a.YourHighBid, currency),
      your_max: priceOf(a.YourProxyBid, currency),
      ended: epochToIso(a.EndTimestamp),
    });
  });
  // Only the backorder answer says when each ended: newest first there, api3's order otherwise.
  items.sort((a, b) => (b.ended ?? '').localeCompare(a.ended ?? ''));
  return paginate(items, args.page, args.page_size);
}
