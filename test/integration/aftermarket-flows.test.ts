import { beforeEach, describe, expect, it } from 'vitest';
import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import { forgetAllShortLived } from '../../src/server/short-lived.js';
import { endAuction, rivalBid } from '../../src/simulator/handlers/aftermarket.js';
import type { SimAuction } from '../../src/simulator/state.js';
import { type Json, useHarness } from '../helpers/tool-test.js';

/**
 * The aftermarket through the SDK client, end to end: from a taken name in search to an auction
 * won and the domain in the portfolio; a bid confirmation voided by a higher bid; a buy-now
 * purchase; and the big list read once and paged locally at 100,000 auctions.
 */
// 100,000 auctions are one large answer: more time than the harness's default 2 s per request.
const { ok, sent, account, h } = useHarness({ client: { timeoutMs: 60_000 } });
beforeEach(() => forgetAllShortLived());

const auctionOf = (domain: string): SimAuction => {
  const found = account().aftermarket.auctions.find((a) => a.domain === domain);
  if (!found) throw new Error(`no auction for ${domain}`);
  return found;
};

describe('an auction from search to portfolio', () => {
  it('search says taken; the auction is found, bid on after a preview with the minimum bid, won, and the domain is in list_domain', async () => {
    const { results } = await ok('search', { domains: ['widgets.com'] });
    expect(results[0]).toMatchObject({ domain: 'widgets.com', available: false });

    const open = await ok('get_open_auctions', { name_contains: 'widgets', tld: 'com' });
    expect(open).toMatchObject({ total: 1, items: [{ domain: 'widgets.com', price: 120, bids: 3 }] });

    const { auctions } = await ok('get_auction_details', { domains: ['widgets.com'] });
    expect(auctions[0]).toMatchObject({ price: { amount: 120, currency: 'USD' }, min_bid: { amount: 125, currency: 'USD' }, ends: expect.any(String) });

    const { preview } = await ok('place_auction_bid', { domain: 'widgets.com', bid: 200 });
    expect(preview.details.auction.min_bid).toEqual({ amount: 125, currency: 'USD' });
    expect(preview.details).toMatchObject({
      bid: { amount: 200, currency: 'USD' },
      balance: { amount: 300, currency: 'USD' },
      if_outbid: expect.any(String),
      if_won: expect.any(String),
    });
    const placed = await ok('place_auction_bid', { domain: 'widgets.com', bid: 200, confirm: true, confirmation_id: preview.confirmation_id });
    expect(placed).toMatchObject({ domain: 'widgets.com', you_lead: true, price: { amount: 155, currency: 'USD' } });

    const bids = await ok('get_auction_bids');
    expect(bids.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ domain: 'widgets.com', status: 'high bidder', your_max: { amount: 200, currency: 'USD' } })]),
    );

    // The simulator's clock reaches the end: the high bidder wins and pays the price.
    endAuction(account(), auctionOf('widgets.com'), Date.now());
    const { items } = await ok('list_domain', { name_contains: 'widgets.com' });
    expect(items.map((d: Json) => d.name)).toContain('widgets.com');
    expect(account().balance).toBe(145);
    const orders = await ok('order_list', { search: { by: 'domain', domain: 'widgets.com' } });
    expect(orders.items[0]).toMatchObject({ status: 'completed', total: { amount: 155, currency: 'USD' } });
    expect((await ok('get_closed_auctions')).items).toEqual(expect.arrayContaining([expect.objectContaining({ domain: 'widgets.com', won: true })]));
  });

  it('a bid confirmation is refused after a higher bid arrives: nothing is sent, the new preview shows the new price', async () => {
    const { preview } = await ok('place_auction_bid', { domain: 'widgets.com', bid: 200 });
    rivalBid(account(), 'widgets.com', 170, Date.now());
    const again = await ok('place_auction_bid', { domain: 'widgets.com', bid: 200, confirm: true, confirmation_id: preview.confirmation_id });
    expect(again.preview.why_not_sent).toMatch(/changed since the preview/);
    expect(again.preview.details.auction).toMatchObject({ price: { amount: 170, currency: 'USD' }, min_bid: { amount: 175, currency: 'USD' } });
    expect(sent('place_auction_bid')).toEqual([]);
    // An auction that ended since its preview gives no confirmation at all.
    const fresh = await ok('place_auction_bid', { domain: 'cloudnine.io', bid: 50 });
    auctionOf('cloudnine.io').end = Date.now() - 1;
    const ended = await ok('place_auction_bid', { domain: 'cloudnine.io', bid: 50, confirm: true, confirmation_id: fresh.preview.confirmation_id });
    expect(ended).toHaveProperty('preview');
    expect(sent('place_auction_bid')).toEqual([]);
  });
});

describe('buy it now', () => {
  it('a listing bought with buy_it_now appears in list_domain', async () => {
    const { preview } = await ok('buy_it_now', { domain: 'tiny-app.io' });
    expect(preview.details.price).toEqual({ amount: 240, currency: 'USD' });
    await ok('buy_it_now', { domain: 'tiny-app.io', confirm: true, confirmation_id: preview.confirmation_id });
    expect((await ok('list_domain', { name_contains: 'tiny-app' })).items.map((d: Json) => d.name)).toEqual(['tiny-app.io']);
  });
});

describe('a big list', () => {
  it('get_open_auctions over 100,000 auctions: a filtered page in one api3 request, the true total, under 2,000 tokens', async () => {
    const now = Date.now();
    for (let i = 0; i < 100_000; i++) {
      account().aftermarket.auctions.push({
        id: 10_000 + i,
        domain: `lot${i}.${i % 4 === 0 ? 'net' : 'com'}`,
        type: 'expired',
        start: now - 86_400_000,
        end: now + (i + 1) * 30_000,
        price: 5 + (i % 1000),
        bids: i % 9,
        bidders: 1,
        rivalMax: 0,
        visitors: 0,
        revenue: 0,
        renewal: 11.99,
        history: [],
        state: 'open',
      });
    }
    const before = h().simulator.requestCount;
    const page = await ok('get_open_auctions', { tld: 'net', max_price: 100, min_bids: 3, ending_within_hours: 240 });
    // Every 4th is a .net; of those the price (5 + i mod 1000) is at most 100 and bids (i mod 9) at least 3, ending within 240 hours.
    // The seed's bright-idea.net (19 USD, 3 bids, ending in 30 hours) matches too.
    let expected = 1;
    for (let i = 0; i < 100_000; i += 4) if (5 + (i % 1000) <= 100 && i % 9 >= 3 && (i + 1) * 30_000 <= 240 * 3_600_000) expected++;
    expect(page).toMatchObject({ total: expected, page: 1, page_size: 20, has_more: true });
    expect(page.items[0].domain).toMatch(/\.net$/);
    expect(h().simulator.requestCount - before).toBe(1);
    expect(encode(JSON.stringify(page)).length).toBeLessThan(2_000);
    // The next page comes from the same read.
    await ok('get_open_auctions', { tld: 'net', max_price: 100, min_bids: 3, ending_within_hours: 240, page: 2 });
    expect(h().simulator.requestCount - before).toBe(1);
  }, 60_000);
});
