import { describe, expect, it } from 'vitest';
import { endAuction } from '../../../src/simulator/handlers/aftermarket.js';
import getClosedAuctions from '../../../tools/aftermarket/get_closed_auctions.js';
import { badInputSweep, condenseExample, exampleQueryCase, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, sent, account } = useHarness();
const today = () => new Date().toISOString().slice(0, 10);

describe('toApi', () => {
  // The examples file keeps the document's unpadded `2015-5-15`; the tool writes days as YYYY-MM-DD.
  exampleQueryCase(getClosedAuctions, { from: '2000-01-02', to: '2015-05-15' }, { lost: { endDate: '2015-05-15' } });

  it('get_closed_auctions: without days, the last 90 up to today', () => {
    const params = getClosedAuctions.toApi(getClosedAuctions.input.parse({}));
    expect(params).toEqual({
      startDate: new Date(Date.parse(`${today()}T00:00:00Z`) - 90 * 86_400_000).toISOString().slice(0, 10),
      endDate: today(),
    });
    expect(getClosedAuctions.input.safeParse({ from: '2024-02-01', to: '2024-01-01' }).success).toBe(false);
  });
});

describe('condense', () => {
  it('get_closed_auctions: won or lost, the final price, your bid and maximum', () => {
    expect(condenseExample(getClosedAuctions, { from: '2000-01-02', to: '2015-05-15' })).toMatchObject({
      items: [
        {
          domain: 'testdomain1.test',
          won: true,
          price: { amount: 89.99, currency: 'USD' },
          bids: 1,
          your_bid: { amount: 89.99, currency: 'USD' },
          your_max: { amount: 1000, currency: 'USD' },
        },
        { domain: 'testdomain2.test', won: true, price: { amount: 28.99, currency: 'USD' } },
      ],
      total: 2,
    });
  });
});

describe('simulator', () => {
  simulatorShapeCase(getClosedAuctions, (q) => ({ ...q, startDate: '2025-12-01', endDate: '2026-01-15' }));
});

describe('through the client', () => {
  it('get_closed_auctions: the seeded won and lost ones; an auction won now joins them', async () => {
    const before = await ok('get_closed_auctions');
    expect(before.items.map((a: { domain: string; won: boolean }) => [a.domain, a.won]).sort()).toEqual([
      ['lastyear-deal.com', true],
      ['missed-chance.net', false],
    ]);
    const { preview } = await ok('place_auction_bid', { domain: 'oldbrand.co', bid: 30 });
    await ok('place_auction_bid', { domain: 'oldbrand.co', bid: 30, confirm: true, confirmation_id: preview.confirmation_id });
    const auction = account().aftermarket.auctions.find((a) => a.domain === 'oldbrand.co');
    if (auction) endAuction(account(), auction, Date.now());
    const after = await ok('get_closed_auctions', { from: today(), to: today() });
    expect(after.items).toEqual([expect.objectContaining({ domain: 'oldbrand.co', won: true, price: { amount: 30, currency: 'USD' } })]);
    expect(sent('get_closed_auctions').at(-1)?.params).toEqual({ startDate: today(), endDate: today() });
  });
});

describe('safety', () => {
  pinEffect(getClosedAuctions, 'read');
  badInputSweep(getClosedAuctions, { from: '2026-01-01', to: '2026-01-31', page: 1, page_size: 10 });
});
