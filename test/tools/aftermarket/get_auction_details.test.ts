import { describe, expect, it } from 'vitest';
import getAuctionDetails from '../../../tools/aftermarket/get_auction_details.js';
import { badInputSweep, condenseExample, exampleQueryCase, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, fail, sent } = useHarness();

describe('toApi', () => {
  exampleQueryCase(getAuctionDetails, { domains: ['domain0.com'] });

  it('get_auction_details: several auctions in one request', () => {
    expect(getAuctionDetails.toApi(getAuctionDetails.input.parse({ domains: ['a.com', 'B.net'] }))).toEqual({ domain: 'a.com,b.net', currency: 'usd' });
  });
});

describe('condense', () => {
  it('get_auction_details: price and minimum next bid with their currency; no bid of yours, no end time given', () => {
    expect(condenseExample(getAuctionDetails, { domains: ['domain0.com'] })).toEqual({
      auctions: [
        {
          domain: 'test.biz',
          status: 'in progress',
          ended: false,
          price: { amount: 46.99, currency: 'USD' },
          min_bid: { amount: 46.99, currency: 'USD' },
          bids: 0,
          you_lead: false,
        },
      ],
    });
  });
});

describe('simulator', () => {
  simulatorShapeCase(getAuctionDetails, (q) => ({ ...q, domain: 'widgets.com' }));
});

describe('through the client', () => {
  it('get_auction_details: the minimum next bid is one increment over the price; after a bid, yours and the history', async () => {
    expect((await ok('get_auction_details', { domains: ['widgets.com'] })).auctions[0]).toMatchObject({
      domain: 'widgets.com',
      status: 'in progress',
      price: { amount: 120, currency: 'USD' },
      min_bid: { amount: 125, currency: 'USD' },
      bids: 3,
      you_lead: false,
    });
    const { preview } = await ok('place_auction_bid', { domain: 'widgets.com', bid: 200 });
    await ok('place_auction_bid', { domain: 'widgets.com', bid: 200, confirm: true, confirmation_id: preview.confirmation_id });
    const after = (await ok('get_auction_details', { domains: ['widgets.com'] })).auctions[0];
    // The other bidders' proxy went to 150: the price is one increment over it, the lead is ours.
    expect(after).toMatchObject({ price: { amount: 155 }, you_lead: true, your_bid: { amount: 155 }, your_max: { amount: 200 }, bids: 4 });
    expect(after.history.at(-1)).toMatchObject({ by: 'You', price: { amount: 155, currency: 'USD' }, status: 'high bidder' });
  });

  it('get_auction_details: a domain in no auction is not_found, the hint naming where auctions are listed', async () => {
    const error = await fail('get_auction_details', { domains: ['not-auctioned.com'] });
    expect(error.error).toBe('not_found');
    expect(error.hint).toMatch(/get_open_auctions/);
    expect(error.hint).not.toMatch(/list_domain/);
    expect(sent('get_auction_details')).toHaveLength(1);
  });
});

describe('safety', () => {
  pinEffect(getAuctionDetails, 'read');
  badInputSweep(getAuctionDetails, { domains: ['widgets.com'] });
});
