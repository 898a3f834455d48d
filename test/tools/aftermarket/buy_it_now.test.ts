import { describe, expect, it } from 'vitest';
import buyItNow from '../../../tools/aftermarket/buy_it_now.js';
import { badInputSweep, confirmGateCases, exampleQueryCase, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, sent, account } = useHarness();

describe('toApi', () => {
  // The example's values are placeholders (`domain`, `currency`): a real name, in US dollars.
  exampleQueryCase(buyItNow, { domain: 'domain.com' }, { lost: { domain: 'domain.com', currency: 'usd' } });
});

describe('simulator', () => {
  simulatorShapeCase(buyItNow, (q) => ({ ...q, domain: 'tiny-app.io', currency: 'usd' }));
});

describe('through the client', () => {
  it('buy_it_now: the listing bought appears in list_domain and order_list, and leaves the marketplace', async () => {
    account().balance = 100;
    const { preview } = await ok('buy_it_now', { domain: 'tiny-app.io' });
    expect(preview.details).toMatchObject({ price: { amount: 240, currency: 'USD' }, balance_before: { amount: 100 } });
    expect(preview.refused_because).toEqual([expect.stringMatching(/balance of 100 USD does not cover 240 USD/)]);
    account().balance = 1000;
    const { preview: funded } = await ok('buy_it_now', { domain: 'tiny-app.io' });
    const answer = await ok('buy_it_now', { domain: 'tiny-app.io', confirm: true, confirmation_id: funded.confirmation_id });
    expect(answer).toEqual({ domain: 'tiny-app.io', bought: true, charged: { amount: 240, currency: 'USD' } });
    expect((await ok('list_domain', { name_contains: 'tiny-app' })).items).toEqual([expect.objectContaining({ name: 'tiny-app.io' })]);
    expect((await ok('order_list', { search: { by: 'domain', domain: 'tiny-app.io' } })).items[0]).toMatchObject({ total: { amount: 240 } });
    expect((await ok('get_listings')).items.map((l: { domain: string }) => l.domain)).not.toContain('tiny-app.io');
  });

  it('buy_it_now: a pending sale or an offers-only listing is refused before anything is sent', async () => {
    account().balance = 5000;
    expect((await ok('buy_it_now', { domain: 'green-energy.co' })).preview.refused_because).toEqual([expect.stringMatching(/locked by a pending sale/)]);
    expect((await ok('buy_it_now', { domain: 'make-an-offer.net' })).preview.refused_because[0]).toMatch(/takes offers only/);
    expect(sent('buy_it_now')).toEqual([]);
  });
});

describe('safety', () => {
  pinEffect(buyItNow, 'destructive');
  confirmGateCases(buyItNow, { domain: 'tiny-app.io' }, ['get_listing_item', 'get_account_balance'], {
    otherArgs: { domain: 'premium-shoes.com' },
    prepareOther: (sim) => {
      sim.balance = 5000;
    },
    changeFacts: {
      what: 'the seller raised the price',
      change: (sim) => {
        const listing = sim.aftermarket.listings.find((l) => l.domain === 'tiny-app.io');
        if (listing) listing.price = 200;
      },
    },
  });
  badInputSweep(buyItNow, { domain: 'tiny-app.io' });
});
