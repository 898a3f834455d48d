import { describe, expect, it } from 'vitest';
import { endAuction, rivalBid } from '../../../src/simulator/handlers/aftermarket.js';
import placeAuctionBid from '../../../tools/aftermarket/place_auction_bid.js';
import { badInputSweep, condenseExample, confirmGateCases, exampleQueryCase, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, call, sent, account, h } = useHarness();
const auctionOf = (domain: string) => account().aftermarket.auctions.find((a) => a.domain === domain);

describe('toApi', () => {
  exampleQueryCase(placeAuctionBid, { domain: 'example.com', bid: 99.9 });

  it('place_auction_bid: whole cents only, above zero', () => {
    for (const bid of [0, -5, 10.001]) expect(placeAuctionBid.input.safeParse({ domain: 'a.com', bid }).success, String(bid)).toBe(false);
  });
});

describe('condense', () => {
  it('place_auction_bid: the auction after the bid, root-less as api3 answers it', () => {
    expect(condenseExample(placeAuctionBid, { domain: 'example.com', bid: 99.9 })).toEqual({
      domain: 'example.com',
      status: undefined,
      ended: false,
      ends: '2022-04-05T09:20:34Z',
      price: { amount: 44.99, currency: 'USD' },
      min_bid: { amount: 45.99, currency: 'USD' },
      bids: 3,
      you_lead: true,
      your_bid: { amount: 44.99, currency: 'USD' },
      your_max: { amount: 121, currency: 'USD' },
    });
  });
});

describe('simulator', () => {
  simulatorShapeCase(placeAuctionBid, (q) => ({ ...q, domain: 'widgets.com', bid_amount: '199.9' }));
});

describe('through the client', () => {
  it('place_auction_bid preview: price, minimum next bid, end, currency, balance, what happens when outbid or won', async () => {
    const { preview } = await ok('place_auction_bid', { domain: 'widgets.com', bid: 130 });
    expect(preview.details).toMatchObject({
      auction: {
        domain: 'widgets.com',
        price: { amount: 120, currency: 'USD' },
        min_bid: { amount: 125, currency: 'USD' },
        bids: 3,
        you_lead: false,
        ends: expect.any(String),
      },
      bid: { amount: 130, currency: 'USD' },
      balance: { amount: 300, currency: 'USD' },
      if_outbid: expect.stringMatching(/outbid/),
      if_won: expect.stringMatching(/balance/),
    });
    expect(preview.confirmation_id).toMatch(/^c1\./);
  });

  it('place_auction_bid: below the minimum, beyond the balance, or on an ended auction: refused, no confirmation', async () => {
    const low = (await ok('place_auction_bid', { domain: 'widgets.com', bid: 121 })).preview;
    expect(low.refused_because.join(' ')).toMatch(/below the minimum next bid of 125 USD/);
    expect(low.confirmation_id).toBeUndefined();
    expect((await ok('place_auction_bid', { domain: 'widgets.com', bid: 400 })).preview.refused_because.join(' ')).toMatch(/balance of 300 USD does not cover/);
    const ended = auctionOf('cloudnine.io');
    if (ended) endAuction(account(), ended, Date.now());
    const error = await call('place_auction_bid', { domain: 'cloudnine.io', bid: 50 });
    expect(JSON.stringify(error.structuredContent ?? error.content)).toMatch(/ended|not found/);
    expect(sent('place_auction_bid')).toEqual([]);
  });

  it('place_auction_bid: outbid at once by a higher proxy, the answer says so and nothing is charged', async () => {
    const { preview } = await ok('place_auction_bid', { domain: 'widgets.com', bid: 140 });
    const answer = await ok('place_auction_bid', { domain: 'widgets.com', bid: 140, confirm: true, confirmation_id: preview.confirmation_id });
    expect(answer).toMatchObject({ domain: 'widgets.com', you_lead: false, price: { amount: 145 }, your_max: { amount: 140 } });
    expect(account().balance).toBe(300);
    // The bid is an order that waits for the auction's end.
    expect(account().orders.at(-1)).toMatchObject({ status: 'Submitted', items: [{ type: 'Auction', name: 'widgets.com' }] });
  });

  it('place_auction_bid: a confirmation is void once a higher bid arrived; the new preview shows the new price', async () => {
    const { preview } = await ok('place_auction_bid', { domain: 'oldbrand.co', bid: 40 });
    rivalBid(account(), 'oldbrand.co', 35, Date.now());
    const again = await ok('place_auction_bid', { domain: 'oldbrand.co', bid: 40, confirm: true, confirmation_id: preview.confirmation_id });
    expect(again.preview.why_not_sent).toMatch(/changed since the preview/);
    expect(again.preview.details.auction.price).toEqual({ amount: 35, currency: 'USD' });
    expect(sent('place_auction_bid')).toEqual([]);
  });

  it('place_auction_bid: a backorder auction is bid in with place_backorder_auction_bid', async () => {
    const { preview } = await ok('place_auction_bid', { domain: 'startup.io', bid: 100 });
    expect(preview.refused_because).toEqual([expect.stringMatching(/in no open auction .*place_backorder_auction_bid/)]);
    expect(h().simulator.requests.map((r) => r.command)).not.toContain('place_auction_bid');
  });
});

describe('safety', () => {
  pinEffect(placeAuctionBid, 'destructive');
  confirmGateCases(placeAuctionBid, { domain: 'widgets.com', bid: 200 }, ['get_auction_details', 'get_account_balance'], {
    otherArgs: { domain: 'widgets.com', bid: 210 },
    changeFacts: { what: 'a higher bid arrived', change: (sim) => rivalBid(sim, 'widgets.com', 160, Date.now()) },
  });
  badInputSweep(placeAuctionBid, { domain: 'widgets.com', bid: 200 });
});
