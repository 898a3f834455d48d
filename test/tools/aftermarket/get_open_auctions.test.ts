import { beforeEach, describe, expect, it, vi } from 'vitest';
import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import { forgetAllShortLived } from '../../../src/server/short-lived.js';
import type { SimAuction } from '../../../src/simulator/state.js';
import getOpenAuctions from '../../../tools/aftermarket/get_open_auctions.js';
import { badInputSweep, condenseExample, exampleQueryCase, type Json, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, fail, sent, account } = useHarness();
beforeEach(() => forgetAllShortLived());

const toApi = (args: Record<string, unknown>) => getOpenAuctions.toApi(getOpenAuctions.input.parse(args));

describe('toApi', () => {
  exampleQueryCase(getOpenAuctions, { type: 'expired', currency: 'usd' });

  it('get_open_auctions: every auction type unless one is named; the currency only when asked', () => {
    expect(toApi({})).toEqual({ type: 'expired,user,backorder,registry_expired,registrar' });
    expect(toApi({ type: 'registrar', currency: 'EUR' })).toEqual({ type: 'registrar', currency: 'eur' });
  });
});

describe('condense', () => {
  it('get_open_auctions: the root-less snake_case list, soonest end first, prices in the list currency', () => {
    expect(condenseExample(getOpenAuctions, { type: 'expired' })).toEqual({
      currency: 'USD',
      items: [
        { domain: 'domain.com', type: 'expired', price: 124, bids: 4, ends: '2022-04-04T09:20:34Z' },
        { domain: 'domain0.com', type: 'expired', price: 44.99, bids: 1, ends: '2022-04-05T09:20:34Z' },
      ],
      page: 1,
      page_size: 20,
      total: 2,
      has_more: false,
    });
  });

  it('get_open_auctions: cheapest first, most bids first, and the filters', () => {
    expect(condenseExample(getOpenAuctions, { sort: 'cheapest' }).items.map((i: Json) => i.domain)).toEqual(['domain0.com', 'domain.com']);
    expect(condenseExample(getOpenAuctions, { sort: 'most_bids' }).items.map((i: Json) => i.domain)).toEqual(['domain.com', 'domain0.com']);
    expect(condenseExample(getOpenAuctions, { max_price: 50 })).toMatchObject({ total: 1, items: [{ domain: 'domain0.com' }] });
    expect(condenseExample(getOpenAuctions, { min_bids: 2, tld: '.com' })).toMatchObject({ total: 1, items: [{ domain: 'domain.com' }] });
    expect(condenseExample(getOpenAuctions, { name_contains: 'domain0' }).total).toBe(1);
    // The example's auctions ended in 2022: none ends within the next hours.
    expect(condenseExample(getOpenAuctions, { ending_within_hours: 48 }).total).toBe(0);
  });
});

describe('simulator', () => {
  simulatorShapeCase(getOpenAuctions);
});

/** `count` auctions ending one minute apart, every tenth a .net; priced by their number. */
function manyAuctions(count: number): SimAuction[] {
  const now = Date.now();
  return Array.from({ length: count }, (_, i) => ({
    id: 1000 + i,
    domain: `lot-${i}.${i % 10 === 0 ? 'net' : 'com'}`,
    type: 'expired' as const,
    start: now - 86_400_000,
    end: now + (i + 1) * 60_000,
    price: 10 + (i % 500),
    bids: i % 7,
    bidders: 1,
    rivalMax: 0,
    visitors: 0,
    revenue: 0,
    renewal: 11.99,
    history: [],
    state: 'open' as const,
  }));
}

describe('through the client', () => {
  it('get_open_auctions: the seeded auctions, soonest end first, filtered to a TLD and a name', async () => {
    const all = await ok('get_open_auctions');
    expect(all.total).toBe(account().aftermarket.auctions.filter((a) => a.state === 'open').length);
    expect(all.items[0]).toMatchObject({ domain: 'cloudnine.io', type: 'expired', price: 45.99, bids: 0 });
    const widgets = await ok('get_open_auctions', { name_contains: 'widgets', tld: 'com' });
    expect(widgets).toMatchObject({ currency: 'USD', total: 1, items: [{ domain: 'widgets.com', price: 120, bids: 3 }] });
    const backorders = await ok('get_open_auctions', { type: 'backorder' });
    expect(backorders.items.map((i: Json) => i.domain).sort()).toEqual(['dropcatch.org', 'startup.io']);
  });

  it('get_open_auctions: paging and refiltering reuse one api3 read; a bid forgets it', async () => {
    await ok('get_open_auctions', { page_size: 2 });
    await ok('get_open_auctions', { page: 2, page_size: 2 });
    await ok('get_open_auctions', { max_price: 50, sort: 'cheapest' });
    expect(sent('get_open_auctions')).toHaveLength(1);
    account().aftermarket.auctions.push(...manyAuctions(1));
    await ok('place_auction_bid', {
      domain: 'cloudnine.io',
      bid: 50,
      confirm: true,
      confirmation_id: (await ok('place_auction_bid', { domain: 'cloudnine.io', bid: 50 })).preview.confirmation_id,
    });
    const after = await ok('get_open_auctions', { name_contains: 'cloudnine' });
    expect(sent('get_open_auctions')).toHaveLength(2);
    expect(after.items[0]).toMatchObject({ price: 45.99, bids: 1 });
  });

  it('get_open_auctions: the kept answer is read again after a minute', async () => {
    await ok('get_open_auctions');
    await ok('get_open_auctions', { page: 2, page_size: 2 });
    expect(sent('get_open_auctions')).toHaveLength(1);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 61_000 });
    try {
      await ok('get_open_auctions');
    } finally {
      vi.useRealTimers();
    }
    expect(sent('get_open_auctions')).toHaveLength(2);
  });

  it('get_open_auctions: in EUR when asked', async () => {
    const eur = await ok('get_open_auctions', { currency: 'eur', name_contains: 'widgets' });
    expect(eur).toMatchObject({ currency: 'EUR', items: [{ domain: 'widgets.com', price: 110.4 }] });
  });

  it('get_open_auctions: a filter a list cannot hold is refused before it is sent', async () => {
    const error = await fail('get_open_auctions', { min_price: 10, max_price: 5 });
    expect(error).toMatchObject({ error: 'invalid_input', message: expect.stringMatching(/max_price/) });
    expect(sent('get_open_auctions')).toEqual([]);
  });

  it('get_open_auctions: a default page of 5,000 auctions stays under 2,000 tokens', async () => {
    account().aftermarket.auctions.push(...manyAuctions(5_000));
    const page = await ok('get_open_auctions');
    expect(page).toMatchObject({ total: 5_000 + 7, page_size: 20, has_more: true });
    expect(encode(JSON.stringify(page)).length).toBeLessThan(2_000);
  });
});

describe('safety', () => {
  pinEffect(getOpenAuctions, 'read');
  badInputSweep(getOpenAuctions, {
    type: 'expired',
    currency: 'USD',
    tld: 'com',
    name_contains: 'shop',
    min_price: 1,
    max_price: 500,
    ending_within_hours: 24,
    min_bids: 1,
    sort: 'cheapest',
    page: 1,
    page_size: 10,
  });
});
