import { newDomain, priceFor } from './domains-util.js';
import { defaultsFor } from './setting-scopes.js';
import { DAY, type SimAccount, type SimAuction, type SimOrder, YEAR } from './state.js';
import { required, SimFailure, type SimParams } from './types.js';

/**
 * How the simulated aftermarket moves on its clock: bids against the other bidders' proxy, an
 * auction's end (won: paid, the domain in the account; lost: the order cancelled), a backorder
 * request dropping into a backorder auction. The test controls (a rival's bid, an auction's or a
 * drop's time come) are the same functions.
 */

/** What one US dollar is in the currencies the aftermarket commands take. */
const RATES: Readonly<Record<string, number>> = { usd: 1, eur: 0.92, cny: 7.2 };

export function rateOf(params: SimParams): { code: string; rate: number } {
  const code = (params.currency ?? 'usd').toLowerCase();
  const rate = RATES[code];
  if (rate === undefined) throw new SimFailure('invalid currency: usd, eur or cny');
  return { code: code.toUpperCase(), rate };
}

export const round = (n: number) => Math.round(n * 100) / 100;

/** The smallest raise over the current bid. */
export function increment(price: number): number {
  return price < 100 ? 1 : price < 1000 ? 5 : 10;
}

/** The least a bid may be now: the starting price before any bid, else one increment over it. */
export function minimumBid(auction: SimAuction): number {
  return auction.bids === 0 ? auction.price : round(auction.price + increment(auction.price));
}

export function openAuction(account: SimAccount, name: string, backorder: boolean): SimAuction {
  const found = account.aftermarket.auctions.find((a) => a.domain === name.toLowerCase() && (a.type === 'backorder') === backorder);
  if (!found) throw new SimFailure(`${backorder ? 'backorder ' : ''}auction for ${name} not found`);
  return found;
}

function orderOf(account: SimAccount, id: number | undefined): SimOrder | undefined {
  return account.orders.find((o) => o.id === id);
}

/** An auction's end: the high bidder's order is paid and the domain moves in; a lost bid's order is cancelled. */
export function endAuction(account: SimAccount, auction: SimAuction, now: number): void {
  if (auction.state !== 'open') return;
  auction.end = Math.min(auction.end, now);
  const order = orderOf(account, auction.you?.orderId);
  if (auction.you?.high) {
    auction.state = 'won';
    const paid = round(auction.price);
    account.balance = round(account.balance - paid);
    account.totalSpending = round(account.totalSpending + paid);
    if (order) {
      order.total = paid;
      order.status = 'Completed';
      for (const item of order.items) Object.assign(item, { cost: paid, status: 'Completed' });
    }
    account.domains.set(auction.domain, newDomain(auction.domain, now, now + YEAR, defaultsFor(account)));
    account.takenElsewhere.delete(auction.domain);
    const backorder = account.aftermarket.backorders.find((b) => b.domain === auction.domain);
    if (backorder) backorder.status = 'Won';
  } else {
    auction.state = 'lost';
    if (order) {
      order.status = 'Cancelled';
      for (const item of order.items) item.status = 'Cancelled';
    }
    const backorder = account.aftermarket.backorders.find((b) => b.domain === auction.domain);
    if (backorder) backorder.status = 'Lost';
  }
}

/** Another bidder's bid (the tests' "a higher bid arrives"): the price rises past this account's proxy. */
export function rivalBid(account: SimAccount, name: string, amount: number, now: number): void {
  const auction = account.aftermarket.auctions.find((a) => a.domain === name && a.state === 'open');
  if (!auction) throw new Error(`no open auction for ${name}`);
  auction.rivalMax = Math.max(auction.rivalMax, amount);
  const yours = auction.you?.proxy ?? 0;
  auction.price = round(Math.max(auction.price, Math.min(amount, yours > 0 ? yours + increment(yours) : amount)));
  auction.bids++;
  auction.history.push({ you: false, price: auction.price, at: now });
  if (auction.you && amount > yours) auction.you.high = false;
}

/**
 * A backorder request's drop date reached: Dynadot caught the name and, as others backordered it
 * too, it goes to a backorder auction among them, this account's request its first bid.
 */
export function dropBackorder(account: SimAccount, name: string, now: number): SimAuction {
  const request = account.aftermarket.backorders.find((b) => b.domain === name && b.status === 'Active');
  if (!request) throw new Error(`no active backorder request for ${name}`);
  request.status = 'In Auction';
  request.drop = Math.min(request.drop, now);
  request.cutoff = Math.min(request.cutoff, now);
  const price = priceFor(account, name).register;
  const auction: SimAuction = {
    id: account.aftermarket.nextAuctionId++,
    domain: name,
    type: 'backorder',
    start: now,
    end: now + 3 * DAY,
    price,
    bids: 0,
    bidders: 1,
    rivalMax: 0,
    visitors: 0,
    revenue: 0,
    renewal: priceFor(account, name).renew,
    history: [],
    state: 'open',
  };
  account.aftermarket.auctions.push(auction);
  return auction;
}

/** Auctions past their end time are settled before any aftermarket answer, as time passes on api3. */
export function settle(account: SimAccount, now: number): void {
  for (const auction of account.aftermarket.auctions) if (auction.state === 'open' && auction.end <= now) endAuction(account, auction, now);
  for (const request of account.aftermarket.backorders) if (request.status === 'Active' && request.drop <= now) dropBackorder(account, request.domain, now);
}

/** A bid: refused below the minimum, on an ended auction or beyond the balance; the order waits for the end. */
export function bid(account: SimAccount, auction: SimAuction, params: SimParams, now: number): void {
  const { rate } = rateOf(params);
  const amount = round(Number(required(params, 'bid_amount')) / rate);
  if (!Number.isFinite(amount) || amount <= 0) throw new SimFailure('invalid bid_amount');
  if (auction.state !== 'open' || auction.end <= now) throw new SimFailure(`the auction for ${auction.domain} has ended`);
  const min = minimumBid(auction);
  if (amount + 1e-9 < min) throw new SimFailure(`bid_amount must be at least ${(min * rate).toFixed(2)}`);
  if (amount > account.balance + 1e-9) throw new SimFailure('Insufficient account balance to cover this bid');
  let order = orderOf(account, auction.you?.orderId);
  if (!order) {
    order = {
      id: account.nextOrderId++,
      created: now,
      paymentMethod: 'account_balance',
      total: amount,
      status: 'Submitted',
      items: [{ type: 'Auction', name: auction.domain, years: 1, cost: amount, status: 'Submitted' }],
    };
    account.orders.push(order);
    if (auction.you) auction.you.orderId = order.id;
  }
  const you = auction.you ?? { high: false, bid: 0, proxy: 0, orderId: order.id };
  if (!auction.you) auction.bidders++;
  auction.you = you;
  you.proxy = Math.max(you.proxy, amount);
  // The high bidder raising their own proxy moves no price.
  if (you.high) return;
  auction.bids++;
  if (you.proxy > auction.rivalMax) {
    auction.price = round(Math.max(min, Math.min(you.proxy, auction.rivalMax + increment(auction.rivalMax))));
    you.high = true;
    you.bid = auction.price;
    auction.history.push({ you: true, price: auction.price, at: now });
  } else {
    // The other bidders' proxy answers at once: outbid.
    you.bid = amount;
    auction.history.push({ you: true, price: amount, at: now });
    auction.price = round(Math.min(auction.rivalMax, amount + increment(amount)));
    auction.bids++;
    auction.history.push({ you: false, price: auction.price, at: now });
  }
  order.total = you.bid;
  for (const item of order.items) item.cost = you.bid;
}
