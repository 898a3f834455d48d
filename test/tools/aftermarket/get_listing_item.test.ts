import { describe, expect, it } from 'vitest';
import getListingItem from '../../../tools/aftermarket/get_listing_item.js';
import { badInputSweep, condenseExample, exampleQueryCase, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, fail } = useHarness();

describe('toApi', () => {
  // The example's domain is the placeholder `domain_name`, which no domain name check lets through.
  exampleQueryCase(getListingItem, { domain: 'domain.com' }, { lost: { domain: 'domain.com' } });
});

describe('condense', () => {
  it('get_listing_item: a price of 0 is a listing that takes offers only', () => {
    expect(condenseExample(getListingItem, { domain: 'domain.com' })).toEqual({
      domain: 'domain_name',
      offers_only: true,
      pending_sale: false,
      links: 0,
      age: 0,
    });
  });
});

describe('simulator', () => {
  simulatorShapeCase(getListingItem, (q) => ({ ...q, domain: 'premium-shoes.com' }));
});

describe('through the client', () => {
  it('get_listing_item: the buy-now price; a listing set with set_for_sale reads back', async () => {
    expect(await ok('get_listing_item', { domain: 'premium-shoes.com' })).toEqual({
      domain: 'premium-shoes.com',
      price: { amount: 2500, currency: 'USD' },
      pending_sale: false,
      links: 40,
      age: 12,
    });
    const { preview } = await ok('set_for_sale', { domain: 'widget.dev', listing: { type: 'buy_now', price: 750 } });
    await ok('set_for_sale', { domain: 'widget.dev', listing: { type: 'buy_now', price: 750 }, confirm: true, confirmation_id: preview.confirmation_id });
    expect(await ok('get_listing_item', { domain: 'widget.dev' })).toMatchObject({ price: { amount: 750, currency: 'USD' } });
    const missing = await fail('get_listing_item', { domain: 'not-listed.com' });
    expect(missing.error).toBe('not_found');
    expect(missing.hint).toMatch(/get_listings/);
  });
});

describe('safety', () => {
  pinEffect(getListingItem, 'read');
  badInputSweep(getListingItem, { domain: 'premium-shoes.com' });
});
