import { beforeEach, describe, expect, it } from 'vitest';
import { forgetAllShortLived } from '../../../src/server/short-lived.js';
import getExpiredCloseoutDomains from '../../../tools/aftermarket/get_expired_closeout_domains.js';
import { badInputSweep, condenseExample, exampleQueryCase, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, fail, sent } = useHarness();
beforeEach(() => forgetAllShortLived());

describe('toApi', () => {
  exampleQueryCase(getExpiredCloseoutDomains, { currency: 'usd' });

  it('get_expired_closeout_domains: one name asked of api3 itself; no paging sent, as it is paged here', () => {
    expect(getExpiredCloseoutDomains.toApi(getExpiredCloseoutDomains.input.parse({ domain: 'Bargain-Name.com', page: 2 }))).toEqual({
      domain: 'bargain-name.com',
    });
  });
});

describe('condense', () => {
  it('get_expired_closeout_domains: each closeout, its price and renewal in the list currency; no end time (0) is none', () => {
    expect(condenseExample(getExpiredCloseoutDomains)).toEqual({
      currency: 'USD',
      items: [{ domain: 'test.biz', price: 9.91, renewal: 9.99 }],
      page: 1,
      page_size: 20,
      total: 1,
      has_more: false,
    });
  });
});

describe('simulator', () => {
  simulatorShapeCase(getExpiredCloseoutDomains);
});

describe('through the client', () => {
  it('get_expired_closeout_domains: cheapest first, filtered by price and end; one read for several pages', async () => {
    const all = await ok('get_expired_closeout_domains');
    expect(all.items.map((c: { domain: string }) => c.domain)).toEqual(['bargain-name.com', 'cheap-find.net', 'retro-words.org']);
    expect(await ok('get_expired_closeout_domains', { min_price: 10, max_price: 20 })).toMatchObject({
      total: 1,
      items: [{ domain: 'cheap-find.net', price: 14.5 }],
    });
    expect((await ok('get_expired_closeout_domains', { ending_within_hours: 72, sort: 'ending' })).items.map((c: { domain: string }) => c.domain)).toEqual([
      'cheap-find.net',
    ]);
    expect(sent('get_expired_closeout_domains')).toHaveLength(1);
  });

  it('get_expired_closeout_domains: bids are no filter of this list', async () => {
    expect((await fail('get_expired_closeout_domains', { min_bids: 1 })).error).toBe('invalid_input');
  });
});

describe('safety', () => {
  pinEffect(getExpiredCloseoutDomains, 'read');
  badInputSweep(getExpiredCloseoutDomains, {
    domain: 'bargain-name.com',
    currency: 'USD',
    tld: 'com',
    name_contains: 'bar',
    min_price: 1,
    max_price: 50,
    ending_within_hours: 48,
    sort: 'ending',
    page: 1,
    page_size: 10,
  });
});
