import { describe, expect, it } from 'vitest';
import search from '../../../tools/domains/search.js';
import { badInputSweep, condenseExample, exampleQueryCase, type Json, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, sent } = useHarness();
const toApi = (args: Record<string, unknown>) => search.toApi(search.input.parse(args));

describe('toApi', () => {
  exampleQueryCase(search, { domains: ['mydomain.com', 'mydomain.net'], with_prices: true, currency: 'USD' });

  it('search: without prices there is no show_price, and currency is upper-cased', () => {
    expect(toApi({ domains: ['a.com'], with_prices: false, currency: 'eur' })).toEqual({ domain0: 'a.com', currency: 'EUR' });
    // with_prices defaults to true
    expect(toApi({ domains: ['a.com'] })).toEqual({ domain0: 'a.com', show_price: '1' });
  });

  it('search: domains become domain0..domainN in order; IDNs are sent in their xn-- form', () => {
    const params = toApi({ domains: ['b.com', 'A.COM', 'bücher.de'], with_prices: false });
    expect(params).toEqual({ domain0: 'b.com', domain1: 'a.com', domain2: 'xn--bcher-kva.de' });
  });

  it('search: at most 100 domains, no duplicates', () => {
    const many = Array.from({ length: 101 }, (_, i) => `d${i}.com`);
    expect(() => search.input.parse({ domains: many })).toThrow();
    expect(() => search.input.parse({ domains: ['a.com', 'a.com'] })).toThrow();
  });
});

describe('condense', () => {
  it('search: availability and "77.00 in USD" as money', () => {
    expect(condenseExample(search, { domains: ['mydomain.com', 'mydomain.net'], currency: 'USD' })).toEqual({
      results: [
        { domain: 'mydomain.com', available: true, price: { amount: 77, currency: 'USD' } },
        { domain: 'mydomain.net', available: true, price: { amount: 44, currency: 'USD' } },
      ],
    });
  });
});

describe('simulator', () => {
  // mydomain.com / .net are not in the account, so both are available, as in the example.
  simulatorShapeCase(search, (q) => ({ ...q, domain0: 'brand-new-name.com', domain1: 'brand-new-name.net' }));
});

describe('through the client', () => {
  it('search: available with price, taken, premium', async () => {
    const { results } = await ok<{ results: Json[] }>('search', { domains: ['brand-new-name.com', 'google.com', 'best.ai'] });
    expect(results).toEqual([
      { domain: 'brand-new-name.com', available: true, price: { amount: 10.99, currency: 'USD' } },
      { domain: 'google.com', available: false },
      { domain: 'best.ai', available: true, price: { amount: 4999, currency: 'USD' }, premium: true },
    ]);
    expect(sent('search')[0]?.params).toEqual({ domain0: 'brand-new-name.com', domain1: 'google.com', domain2: 'best.ai', show_price: '1' });
  });

  it('search: available only with a price; a TLD Dynadot does not sell is not purchasable, with why', async () => {
    const { results } = await ok<{ results: Json[] }>('search', { domains: ['quillbyte.tech', 'brand-new-name.com'] });
    expect(results).toEqual([
      { domain: 'quillbyte.tech', available: false, purchasable: false, reason: expect.stringMatching(/no price: Dynadot may not sell \.tech/) },
      { domain: 'brand-new-name.com', available: true, price: { amount: 10.99, currency: 'USD' } },
    ]);
  });

  it('search: a domain already in the account is not available', async () => {
    const { results } = await ok<{ results: Json[] }>('search', { domains: ['acme-widgets.com'], with_prices: false });
    expect(results).toEqual([{ domain: 'acme-widgets.com', available: false }]);
  });
});

describe('safety', () => {
  pinEffect(search, 'read');
  badInputSweep(
    search,
    { domains: ['acme-widgets.com', 'brand-new-name.com'], with_prices: true, currency: 'USD' },
    {
      mustTry: [/^search domains\[0\]: invalid domain "x&command=delete\.com"$/, /^search domains\[0\]: invalid domain "example\.com&command=delete"$/],
    },
  );
});

describe('real answers (beyond the document)', () => {
  it('search: prices as a sentence give the registration price, the renewal price and the premium flag', () => {
    const body = {
      ResponseCode: '0',
      Status: 'success',
      SearchResults: [
        { DomainName: 'plain.com', Available: 'yes', Price: 'Registration Price: 10.88 in USD and Renewal price: 12.88 in USD and Domain is not a Premium Domain' },
        { DomainName: 'gold.ai', Available: 'yes', Price: 'Registration Price: 1,288.00 in USD and Renewal price: 79.99 in USD and Domain is a Premium Domain' },
      ],
    };
    expect(search.condense(body, search.input.parse({ domains: ['plain.com', 'gold.ai'] }))).toEqual({
      results: [
        { domain: 'plain.com', available: true, price: { amount: 10.88, currency: 'USD' }, renewal_price: { amount: 12.88, currency: 'USD' } },
        { domain: 'gold.ai', available: true, price: { amount: 1288, currency: 'USD' }, renewal_price: { amount: 79.99, currency: 'USD' }, premium: true },
      ],
    });
  });
});
