import { describe, expect, it } from 'vitest';
import getClosedBackorderAuctions from '../../../tools/aftermarket/get_closed_backorder_auctions.js';
import { badInputSweep, condenseExample, exampleQueryCase, iso, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok } = useHarness();

describe('toApi', () => {
  // The examples file keeps the document's unpadded `2015-5-15`; the tool writes days as YYYY-MM-DD.
  exampleQueryCase(getClosedBackorderAuctions, { from: '2000-01-02', to: '2015-05-15' }, { lost: { endDate: '2015-05-15' } });
});

describe('condense', () => {
  it('get_closed_backorder_auctions: newest end first, won, final price, your bid and maximum', () => {
    expect(condenseExample(getClosedBackorderAuctions, { from: '2000-01-02', to: '2015-05-15' })).toEqual({
      items: [
        {
          domain: 'testdomain2.test',
          won: true,
          price: { amount: 28.99, currency: 'USD' },
          bids: 1,
          your_bid: { amount: 28.99, currency: 'USD' },
          your_max: { amount: 1000, currency: 'USD' },
          ended: iso(1649150434049),
        },
        {
          domain: 'testdomain1.test',
          won: true,
          price: { amount: 89.99, currency: 'USD' },
          bids: 1,
          your_bid: { amount: 89.99, currency: 'USD' },
          your_max: { amount: 1000, currency: 'USD' },
          ended: iso(1649064034033),
        },
      ],
      page: 1,
      page_size: 20,
      total: 2,
      has_more: false,
    });
  });
});

describe('simulator', () => {
  simulatorShapeCase(getClosedBackorderAuctions, (q) => ({ ...q, startDate: '2025-12-01', endDate: '2026-01-15' }));
});

describe('through the client', () => {
  it('get_closed_backorder_auctions: the seeded one this account won, and none in an empty range', async () => {
    expect((await ok('get_closed_backorder_auctions')).items).toEqual([
      expect.objectContaining({ domain: 'caught-drop.org', won: true, price: { amount: 59, currency: 'USD' } }),
    ]);
    expect((await ok('get_closed_backorder_auctions', { from: '2020-01-01', to: '2020-12-31' })).total).toBe(0);
  });
});

describe('safety', () => {
  pinEffect(getClosedBackorderAuctions, 'read');
  badInputSweep(getClosedBackorderAuctions, { from: '2026-01-01', to: '2026-01-31', page: 1, page_size: 10 });
});
