import { describe, expect, it } from 'vitest';
import getBackorderAuctionDetails from '../../../tools/aftermarket/get_backorder_auction_details.js';
import { badInputSweep, condenseExample, exampleQueryCase, iso, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, fail } = useHarness();

describe('toApi', () => {
  exampleQueryCase(getBackorderAuctionDetails, { domain: 'example.com' });
});

describe('condense', () => {
  it('get_backorder_auction_details: the state beside the auction; no bid of yours (-1) is none', () => {
    expect(condenseExample(getBackorderAuctionDetails, { domain: 'example.com' })).toEqual({
      domain: 'example.com',
      status: 'in progress',
      ended: false,
      ends: iso(1430244969779),
      price: { amount: 89.99, currency: 'USD' },
      min_bid: { amount: 89.99, currency: 'USD' },
      bids: 0,
      you_lead: false,
    });
  });

  it('get_backorder_auction_details: after bids the minimum is one increment over the price', () => {
    const body = {
      GetBackorderAuctionDetails: {
        AuctionStatusId: '0',
        UserIsHighBid: 'yes',
        YourCurrentBid: '70',
        YourProxyBid: '90',
        Auction: { Domain: 'x.com', BidPrice: '70', BidPriceCurrency: 'USD', Bids: '2' },
      },
    };
    expect(getBackorderAuctionDetails.condense(body, { domain: 'x.com' })).toMatchObject({
      min_bid: { amount: 71, currency: 'USD' },
      you_lead: true,
      your_bid: { amount: 70 },
      your_max: { amount: 90 },
    });
  });
});

describe('simulator', () => {
  simulatorShapeCase(getBackorderAuctionDetails, (q) => ({ ...q, domain: 'startup.io' }));
});

describe('through the client', () => {
  it('get_backorder_auction_details: a seeded backorder auction with bids, and one that is not a backorder auction', async () => {
    expect(await ok('get_backorder_auction_details', { domain: 'dropcatch.org' })).toMatchObject({
      domain: 'dropcatch.org',
      status: 'in progress',
      price: { amount: 69, currency: 'USD' },
      min_bid: { amount: 70, currency: 'USD' },
      bids: 2,
      you_lead: false,
    });
    expect((await fail('get_backorder_auction_details', { domain: 'widgets.com' })).error).toBe('not_found');
  });
});

describe('safety', () => {
  pinEffect(getBackorderAuctionDetails, 'read');
  badInputSweep(getBackorderAuctionDetails, { domain: 'startup.io' });
});
