import { z } from 'zod';
import { epochToIso, flag, idNumber, isJson, type Json, type Money, text } from '../../src/server/condense.js';
import type { PreviewOutcome, ToolContext } from '../../src/server/define.js';
import { balanceIn } from '../../src/server/needs.js';
import { moneySchema } from '../../src/server/schemas.js';
import { priceOf } from './market.js';

/**
 * What a bid (place_auction_bid, place_backorder_auction_bid) and its preview know of an
 * auction. The preview's facts are the auction's state (price, bids, who leads, the end): the
 * confirmation is bound to them, so a bid that arrived since, or the auction's end, voids it.
 */
export interface AuctionState {
  domain: string;
  status?: string | undefined;
  ended?: boolean | undefined;
  ends?: string | undefined;
  price?: Money | undefined;
  min_bid?: Money | undefined;
  bids?: number | undefined;
  you_lead?: boolean | undefined;
  your_bid?: Money | undefined;
  your_max?: Money | undefined;
}

export const auctionStateSchema = z.object({
  domain: z.string(),
  status: z.string().optional(),
  ended: z.boolean().optional(),
  ends: z.string().optional(),
  price: moneySchema.optional(),
  min_bid: moneySchema.optional(),
  bids: z.number().optional(),
  you_lead: z.boolean().optional(),
  your_bid: moneySchema.optional(),
  your_max: moneySchema.optional(),
});

const STATUSES: Readonly<Record<string, string>> = {
  '0': 'in progress',
  '1': 'cancelled',
  '2': 'cancelled',
  '3': 'cancelled',
  '4': 'closed',
  '5': 'cancelled',
};

/** The root-less `auction_json` of get_auction_details and place_auction_bid. */
export function auctionFromJson(raw: Json): AuctionState {
  const currency = text(raw.currency);
  const ended = flag(raw.auction_ended);
  return {
    domain: text(raw.domain)?.toLowerCase() ?? '',
    status: STATUSES[text(raw.auction_status_id) ?? ''],
    ended,
    ends: epochToIso(raw.end_time_stamp),
    price: priceOf(raw.current_bid_price, currency),
    min_bid: priceOf(raw.accepted_bid_price, currency),
    bids: idNumber(raw.bids),
    you_lead: flag(raw.is_high_bidder),
    your_bid: flag(raw.customer_bided) ? priceOf(raw.customer_bid, currency) : undefined,
    your_max: flag(raw.customer_bided) ? priceOf(raw.customer_proxy_bid, currency) : undefined,
  };
}

/**
 * The least next bid where api3 does not say it (the backorder auction answers): the price
 * itself before any bid, else one increment over it, in the steps get_auction_details' own
 * accepted_bid_price shows ($1 under $100) and larger ones above.
 */
export function nextBid(price: Money | undefined, bids: number | undefined): Money | undefined {
  if (!price) return undefined;
  if (!bids) return price;
  const step = price.amount < 100 ? 1 : price.amount < 1000 ? 5 : 10;
  return { amount: Math.round((price.amount + step) * 100) / 100, currency: price.currency };
}

/** The backorder auction answer: its state beside the auction's own fields. */
export function backorderAuctionState(details: Json): AuctionState {
  const auction = isJson(details.Auction) ? details.Auction : {};
  const currency = text(auction.BidPriceCurrency);
  const price = priceOf(auction.BidPrice, currency);
  const bids = idNumber(auction.Bids);
  const statusId = text(details.AuctionStatusId);
  return {
    domain: text(auction.Domain)?.toLowerCase() ?? '',
    status: text(details.AuctionStatus)?.toLowerCase(),
    ended: statusId === undefined ? undefined : statusId !== '0',
    ends: epochToIso(auction.EndTimestamp),
    price,
    min_bid: nextBid(price, bids),
    bids,
    you_lead: flag(details.UserIsHighBid),
    your_bid: priceOf(details.YourCurrentBid, currency),
    your_max: priceOf(details.YourProxyBid, currency),
  };
}

export const bidInput = {
  // Whole cents, checked here: multipleOf would be advertised in every conversation.
  bid: z
    .number()
    .positive()
    .max(10_000_000)
    .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, { message: 'whole cents only' })
    .describe('your maximum'),
};

/** What happens next, said in every bid preview. */
const OUTCOMES = {
  if_outbid: 'Your bid stays until the end unless someone bids more than your maximum; outbid, nothing is charged.',
  if_won: 'At the end you pay the winning price (at most your maximum) from the balance and the domain moves into the account.',
};

/**
 * The preview of a bid: the auction's state, the minimum next bid, the currency, the balance;
 * refused when the auction has ended, the bid is below the minimum, or the balance cannot cover it.
 */
export async function bidPreview(state: AuctionState, bid: number, ctx: ToolContext): Promise<PreviewOutcome> {
  const amount: Money = { amount: bid, currency: state.price?.currency ?? 'USD' };
  const refusals: string[] = [];
  if (state.ended || (state.ends && Date.parse(state.ends) <= Date.now())) refusals.push(`the auction for ${state.domain} has ended`);
  const min = state.min_bid;
  if (!min) refusals.push(`no price, no confirmation: the minimum bid for ${state.domain} could not be read`);
  else if (bid < min.amount) refusals.push(`the bid of ${bid} ${min.currency} is below the minimum next bid of ${min.amount} ${min.currency}`);
  const balance = await balanceIn(ctx, amount.currency);
  if (balance && balance.amount < bid)
    refusals.push(`the balance of ${balance.amount} ${balance.currency} does not cover a bid of ${bid}; add funds in the Dynadot control panel`);
  return {
    facts: { auction: { ...state }, bid: amount, balance, ...OUTCOMES },
    refusals,
    cost: amount,
  };
}
