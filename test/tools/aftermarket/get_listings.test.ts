import { beforeEach, describe, expect, it } from 'vitest';
import { forgetAllShortLived } from '../../../src/server/short-lived.js';
import getListings from '../../../tools/aftermarket/get_listings.js';
import { badInputSweep, condenseExample, exampleQueryCase, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, fail, sent } = useHarness();
beforeEach(() => forgetAllShortLived());

describe('toApi', () => {
  exampleQueryCase(getListings, { currency: 'usd' });

  it('get_listings: the two switches as api3 words them', () => {
    expect(getListings.toApi(getListings.input.parse({ exclude_pending_sale: true, other_registrars: true }))).toEqual({
      exclude_pending_sale: 'yes',
      show_other_registrar: 'yes',
    });
  });
});

describe('condense', () => {
  it('get_listings: cheapest first, prices in the list currency', () => {
    expect(condenseExample(getListings)).toEqual({
      currency: 'USD',
      items: [
        { domain: 'domain_name1', price: 1 },
        { domain: 'domain_name2', price: 2 },
      ],
      page: 1,
      page_size: 20,
      total: 2,
      has_more: false,
    });
  });
});

describe('simulator', () => {
  simulatorShapeCase(getListings);
});

describe('through the client', () => {
  it('get_listings: offers-only listings last, a pending sale marked, filters by TLD and price; one read', async () => {
    const all = await ok('get_listings');
    expect(all.items.map((l: { domain: string }) => l.domain)).toEqual([
      'tiny-app.io',
      'shopwidgets.co',
      'green-energy.co',
      'premium-shoes.com',
      'make-an-offer.net',
    ]);
    expect(all.items[2]).toEqual({ domain: 'green-energy.co', price: 1200, pending_sale: true });
    expect((await ok('get_listings', { tld: 'co', max_price: 1000 })).items).toEqual([{ domain: 'shopwidgets.co', price: 900 }]);
    expect(sent('get_listings')).toHaveLength(1);
    expect((await ok('get_listings', { exclude_pending_sale: true })).total).toBe(4);
  });

  it('get_listings: end times and bids are no filter of listings', async () => {
    expect((await fail('get_listings', { min_bids: 1 })).error).toBe('invalid_input');
  });
});

describe('safety', () => {
  pinEffect(getListings, 'read');
  badInputSweep(getListings, {
    currency: 'USD',
    exclude_pending_sale: true,
    other_registrars: false,
    tld: 'com',
    name_contains: 'shoe',
    min_price: 1,
    max_price: 5000,
    page: 1,
    page_size: 10,
  });
});
