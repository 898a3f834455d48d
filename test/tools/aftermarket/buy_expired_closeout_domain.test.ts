import { beforeEach, describe, expect, it } from 'vitest';
import { forgetAllShortLived } from '../../../src/server/short-lived.js';
import buyExpiredCloseoutDomain from '../../../tools/aftermarket/buy_expired_closeout_domain.js';
import { badInputSweep, confirmGateCases, exampleQueryCase, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, sent, account } = useHarness();
beforeEach(() => forgetAllShortLived());

describe('toApi', () => {
  exampleQueryCase(buyExpiredCloseoutDomain, { domain: 'domain.com' });
});

describe('simulator', () => {
  simulatorShapeCase(buyExpiredCloseoutDomain, (q) => ({ ...q, domain: 'bargain-name.com' }));
});

describe('through the client', () => {
  it('buy_expired_closeout_domain: price, balance before and after; bought, it is in list_domain and order_list, and gone from the closeouts', async () => {
    const { preview } = await ok('buy_expired_closeout_domain', { domain: 'cheap-find.net' });
    expect(preview.details).toMatchObject({
      price: { amount: 14.5, currency: 'USD' },
      renewal_price: { amount: 13.99 },
      balance_before: { amount: 300 },
      balance_after: { amount: 285.5 },
    });
    const answer = await ok('buy_expired_closeout_domain', { domain: 'cheap-find.net', confirm: true, confirmation_id: preview.confirmation_id });
    expect(answer).toEqual({ domain: 'cheap-find.net', bought: true, charged: { amount: 14.5, currency: 'USD' } });
    expect((await ok('list_domain', { name_contains: 'cheap-find' })).items).toEqual([expect.objectContaining({ name: 'cheap-find.net' })]);
    expect((await ok('order_list', { search: { by: 'domain', domain: 'cheap-find.net' } })).items[0]).toMatchObject({
      total: { amount: 14.5 },
      status: 'completed',
    });
    const again = await ok('buy_expired_closeout_domain', { domain: 'cheap-find.net' });
    expect(again.preview.refused_because).toEqual([expect.stringMatching(/not among the expired closeouts/)]);
  });

  it('buy_expired_closeout_domain: a price the balance does not cover is refused before anything is sent', async () => {
    account().balance = 5;
    const { preview } = await ok('buy_expired_closeout_domain', { domain: 'retro-words.org' });
    expect(preview.refused_because).toEqual([expect.stringMatching(/does not cover 25 USD/)]);
    expect(sent('buy_expired_closeout_domain')).toEqual([]);
  });
});

describe('safety', () => {
  pinEffect(buyExpiredCloseoutDomain, 'destructive');
  confirmGateCases(buyExpiredCloseoutDomain, { domain: 'bargain-name.com' }, ['get_expired_closeout_domains', 'get_account_balance'], {
    otherArgs: { domain: 'retro-words.org' },
    changeFacts: {
      what: 'the closeout price changed',
      change: (sim) => {
        const closeout = sim.aftermarket.closeouts.find((c) => c.domain === 'bargain-name.com');
        if (closeout) closeout.price = 12;
        forgetAllShortLived();
      },
    },
  });
  badInputSweep(buyExpiredCloseoutDomain, { domain: 'bargain-name.com' });
});
