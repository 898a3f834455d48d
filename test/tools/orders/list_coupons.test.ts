import { describe, expect, it } from 'vitest';
import listCoupons from '../../../tools/orders/list_coupons.js';
import { badInputSweep, condenseExample, exampleQueryCase, iso, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, account } = useHarness();

describe('toApi', () => {
  exampleQueryCase(listCoupons, { type: 'renewal' });
});

describe('condense', () => {
  it('list_coupons: code, what it applies to, the discount and the expiry', () => {
    expect(condenseExample(listCoupons, { type: 'renewal' })).toEqual({
      coupons: [
        {
          code: 'DOMAINRENEW1',
          description: 'Domain Renew Coupon',
          applies_to: { type: 'Hosting/SSL Coupons', tlds: ['com', 'net', 'org'], years: { min: 1, max: 1 } },
          discount: { percent: 10 },
          expires: '2017-01-01T07:59:00Z',
        },
      ],
    });
  });

  it('list_coupons: an amount off in each currency; no TLDs listed means any', () => {
    const body = { Coupons: [{ Code: 'X', DiscountType: 'AMOUNT_OFF', DiscountInfo: { USD: '5.00', EUR: '4.50' }, Restriction: { Tlds: [] } }] };
    expect(listCoupons.condense(body, { type: 'registration' })).toEqual({
      coupons: [
        {
          code: 'X',
          discount: {
            amounts: [
              { amount: 5, currency: 'USD' },
              { amount: 4.5, currency: 'EUR' },
            ],
          },
        },
      ],
    });
  });
});

describe('simulator', () => {
  simulatorShapeCase(listCoupons);
});

describe('through the client', () => {
  it('list_coupons: the coupons of each kind, and the code takes its discount off', async () => {
    const registration = await ok('list_coupons', { type: 'registration' });
    expect(registration.coupons).toEqual([
      {
        code: 'SAVE1',
        description: '$1 off a domain',
        applies_to: { type: 'Domain Registration Coupons', years: { min: 1, max: 10 } },
        discount: { amounts: [{ amount: 1, currency: 'USD' }] },
        expires: iso(account().coupons.get('SAVE1')?.end ?? 0),
      },
    ]);
    const renewal = await ok('list_coupons', { type: 'renewal' });
    expect(renewal.coupons.map((c: { code: string }) => c.code)).toEqual(['RENEW10']);
    expect(renewal.coupons[0]).toMatchObject({ applies_to: { tlds: ['com', 'net', 'org'] }, discount: { percent: 10 } });
    const renewed = await ok('renew', { domain: 'acme-widgets.com', years: 1, coupon: 'RENEW10', confirm: true });
    // 11.99 less 10%.
    expect(renewed.charged).toEqual({ amount: 10.79, currency: 'USD' });
  });

  it('list_coupons: an expired coupon is not listed', async () => {
    const coupon = account().coupons.get('MOVE2');
    if (coupon) coupon.end = Date.now() - 1000;
    expect(await ok('list_coupons', { type: 'transfer' })).toEqual({ coupons: [] });
  });
});

describe('safety', () => {
  pinEffect(listCoupons, 'read');
  badInputSweep(listCoupons, { type: 'renewal' });
});
