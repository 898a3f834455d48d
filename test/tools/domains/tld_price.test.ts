import { describe, expect, it } from 'vitest';
import tldPrice from '../../../tools/domains/tld_price.js';
import { badInputSweep, condenseExample, exampleQueryCase, type Json, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, account } = useHarness();
const toApi = (args: Record<string, unknown>) => tldPrice.toApi(tldPrice.input.parse(args));

describe('toApi', () => {
  exampleQueryCase(tldPrice, { currency: 'USD' });

  it('tld_price: sort names map to api3 spelling; paging and filtering stay local', () => {
    expect(toApi({ sort: 'name', tlds: ['com'], page: 2, page_size: 10 })).toEqual({ sort: 'NameAsc' });
    expect(toApi({ sort: 'launch_date_desc' })).toEqual({ sort: 'LaunchDateDesc' });
  });
});

describe('condense', () => {
  it('tld_price: numbers per year, the renewal grace days kept and the noise (Unit, "--") dropped, paged', () => {
    expect(condenseExample(tldPrice, { currency: 'USD' })).toEqual({
      currency: 'USD',
      price_level: 'Regular Pricing',
      items: [{ tld: 'com', register: 15, renew: 15, transfer: 15, restore: 10, renew_grace_days: 10, usage: 'General' }],
      page: 1,
      page_size: 50,
      total: 1,
      has_more: false,
    });
  });

  it('tld_price: the tlds filter keeps only the named TLDs and counts them', () => {
    const result = condenseExample(tldPrice, { tlds: ['.NET'] });
    expect(result.items).toEqual([]);
    expect(result.total).toBe(0);
  });
});

describe('simulator', () => {
  simulatorShapeCase(tldPrice);
});

describe('through the client', () => {
  it('tld_price: the tlds filter and a true total', async () => {
    const result = await ok('tld_price', { tlds: ['com', '.IO'] });
    expect(result.items).toEqual([
      { tld: 'com', register: 10.99, renew: 11.99, transfer: 10.99, restore: 80, renew_grace_days: 30, usage: 'General' },
      { tld: 'io', register: 39.99, renew: 49.99, transfer: 45.99, restore: 120, renew_grace_days: 30, usage: 'Technology' },
    ]);
    expect(result).toMatchObject({ currency: 'USD', total: 2, has_more: false });
  });

  it('tld_price: paging over the whole table', async () => {
    const all = account().tldPrices.length;
    const first = await ok('tld_price', { page_size: 4 });
    expect(first).toMatchObject({ page: 1, page_size: 4, total: all, has_more: true });
    expect(first.items).toHaveLength(4);
    const last = await ok('tld_price', { page_size: 4, page: Math.ceil(all / 4) });
    expect(last.has_more).toBe(false);
    expect(last.items).toHaveLength(all - 4 * (Math.ceil(all / 4) - 1));
    const sorted = await ok('tld_price', { sort: 'name', page_size: 500 });
    expect(sorted.items.map((i: Json) => i.tld)).toEqual([...account().tldPrices.map((p) => p.tld)].sort());
  });
});

describe('safety', () => {
  pinEffect(tldPrice, 'read');
  badInputSweep(
    tldPrice,
    { tlds: ['com', '.io'], currency: 'USD', sort: 'name', page: 1, page_size: 50 },
    {
      kindOf: (path) => (path[0] === 'tlds' ? 'tld' : undefined),
      mustTry: [/^tld_price tlds\[0\]: invalid tld "x&command=delete"$/],
    },
  );
});
