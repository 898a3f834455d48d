import { describe, expect, it } from 'vitest';
import getAuctionBids from '../../../tools/aftermarket/get_auction_bids.js';
import { badInputSweep, condenseExample, exampleQueryCase, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok } = useHarness();

describe('toApi', () => {
  exampleQueryCase(getAuctionBids, {});
});

describe('condense', () => {
  it('get_auction_bids: each auction you bid in, whether you lead, your maximum', () => {
    expect(condenseExample(getAuctionBids)).toEqual({
      items: [
        {
          domain: 'domain.com',
          type: 'expired',
          price: { amount: 44.99, currency: 'USD' },
          status: 'high bidder',
          your_max: { amount: 119, currency: 'USD' },
          ends: '2022-04-04T09:20:34Z',
        },
        {
          domain: 'domain0.com',
          type: 'expired',
          price: { amount: 44.99, currency: 'USD' },
          status: 'high bidder',
          your_max: { amount: 119, currency: 'USD' },
          ends: '2022-04-05T09:20:34Z',
        },
      ],
    });
  });
});

describe('simulator', () => {
  simulatorShapeCase(getAuctionBids);
});

describe('through the client', () => {
  it('get_auction_bids: the seeded outbid auction, then a new bid that leads', async () => {
    expect((await ok('get_auction_bids')).items).toEqual([
      expect.objectContaining({ domain: 'bright-idea.net', status: 'out bid', your_max: { amount: 18, currency: 'USD' } }),
    ]);
    const { preview } = await ok('place_auction_bid', { domain: 'cloudnine.io', bid: 60 });
    await ok('place_auction_bid', { domain: 'cloudnine.io', bid: 60, confirm: true, confirmation_id: preview.confirmation_id });
    const { items } = await ok('get_auction_bids');
    expect(items.find((b: { domain: string }) => b.domain === 'cloudnine.io')).toMatchObject({
      price: { amount: 45.99 },
      status: 'high bidder',
      your_max: { amount: 60 },
    });
  });
});

describe('safety', () => {
  pinEffect(getAuctionBids, 'read');
  badInputSweep(getAuctionBids, {});
});
