import { describe, expect, it } from 'vitest';
import { endAuction, rivalBid } from '../../../src/simulator/handlers/aftermarket.js';
import placeBackorderAuctionBid from '../../../tools/aftermarket/place_backorder_auction_bid.js';
import { badInputSweep, confirmGateCases, exampleQueryCase, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, sent, account } = useHarness();

describe('toApi', () => {
  exampleQueryCase(placeBackorderAuctionBid, { domain: 'example.com', bid: 99.9 });
});

describe('simulator', () => {
  simulatorShapeCase(placeBackorderAuctionBid, (q) => ({ ...q, domain: 'startup.io' }));
});

describe('through the client', () => {
  it('place_backorder_auction_bid: preview, confirm, lead; the end puts the domain in list_domain', async () => {
    const { preview } = await ok('place_backorder_auction_bid', { domain: 'startup.io', bid: 95 });
    expect(preview.details).toMatchObject({
      auction: { price: { amount: 89.99, currency: 'USD' }, min_bid: { amount: 89.99 }, bids: 0 },
      bid: { amount: 95, currency: 'USD' },
      balance: { amount: 300 },
    });
    const answer = await ok('place_backorder_auction_bid', { domain: 'startup.io', bid: 95, confirm: true, confirmation_id: preview.confirmation_id });
    expect(answer).toMatchObject({ domain: 'startup.io', placed: true, auction: { you_lead: true, price: { amount: 89.99 }, your_max: { amount: 95 } } });
    const auction = account().aftermarket.auctions.find((a) => a.domain === 'startup.io');
    if (auction) endAuction(account(), auction, Date.now());
    expect((await ok('list_domain', { name_contains: 'startup' })).items).toEqual([expect.objectContaining({ name: 'startup.io' })]);
    expect(account().balance).toBe(300 - 89.99);
  });

  it('place_backorder_auction_bid: a higher bid after the preview voids its confirmation', async () => {
    const { preview } = await ok('place_backorder_auction_bid', { domain: 'dropcatch.org', bid: 80 });
    rivalBid(account(), 'dropcatch.org', 76, Date.now());
    const again = await ok('place_backorder_auction_bid', { domain: 'dropcatch.org', bid: 80, confirm: true, confirmation_id: preview.confirmation_id });
    expect(again.preview.why_not_sent).toMatch(/changed since the preview/);
    expect(again.preview.details.auction).toMatchObject({ price: { amount: 76 }, min_bid: { amount: 77 } });
    // Outbid past the bid itself: no confirmation at all.
    rivalBid(account(), 'dropcatch.org', 85, Date.now());
    const refused = await ok('place_backorder_auction_bid', { domain: 'dropcatch.org', bid: 80 });
    expect(refused.preview.refused_because).toEqual([expect.stringMatching(/below the minimum next bid of 86 USD/)]);
    expect(sent('place_backorder_auction_bid')).toEqual([]);
  });

  it('place_backorder_auction_bid: a regular auction is refused in the preview', async () => {
    const { preview } = await ok('place_backorder_auction_bid', { domain: 'widgets.com', bid: 200 });
    expect(preview.refused_because).toEqual([expect.stringMatching(/in no backorder auction/)]);
  });
});

describe('safety', () => {
  pinEffect(placeBackorderAuctionBid, 'destructive');
  confirmGateCases(placeBackorderAuctionBid, { domain: 'dropcatch.org', bid: 80 }, ['get_backorder_auction_details', 'get_account_balance'], {
    otherArgs: { domain: 'dropcatch.org', bid: 90 },
    changeFacts: { what: 'a higher bid arrived', change: (sim) => rivalBid(sim, 'dropcatch.org', 78, Date.now()) },
  });
  badInputSweep(placeBackorderAuctionBid, { domain: 'dropcatch.org', bid: 80 });
});
