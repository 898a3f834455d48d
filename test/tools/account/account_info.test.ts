import { describe, expect, it } from 'vitest';
import accountInfo from '../../../tools/account/account_info.js';
import { badInputSweep, condenseExample, exampleQueryCase, iso, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, account } = useHarness();

describe('toApi', () => {
  exampleQueryCase(accountInfo, {});
});

describe('condense', () => {
  it('account_info: balance {amount: 70.02, currency: USD}, lock on -> true, default contacts by role', () => {
    expect(condenseExample(accountInfo)).toEqual({
      username: 'testname',
      contact: {
        name: 'testname test',
        email: '[email protected]',
        phone: '+1 555.555.5233',
        address: ['1 test road'],
        city: 'Los Angeles',
        state: 'CA',
        zip: '90000',
        country: 'US',
      },
      customer_since: '2013-04-02T07:45:35Z',
      account_locked: true,
      balance: { amount: 70.02, currency: 'USD' },
      total_spending: { amount: 0, currency: 'USD' },
      price_level: 'Regular Pricing',
      time_zone: 'PST',
      default_contacts: { registrant: 0, admin: 0, technical: 0, billing: 0 },
      default_name_servers: { type: 'dynadot_parking', with_ads: true },
    });
  });
});

describe('simulator', () => {
  simulatorShapeCase(accountInfo);
});

describe('through the client', () => {
  it('account_info: username, balance, spending, defaults', async () => {
    const result = await ok('account_info');
    expect(result).toMatchObject({
      username: 'demo-user',
      balance: { amount: 300, currency: 'USD' },
      total_spending: { amount: 1234.56, currency: 'USD' },
      account_locked: true,
      default_contacts: { registrant: 0, admin: 0, technical: 0, billing: 0 },
      default_name_servers: { type: 'dynadot_parking', with_ads: false },
    });
    expect(result.customer_since).toBe(iso(account().customerSince));
    expect(result.contact).toMatchObject({ name: 'Jane Doe', email: 'jane@acme-widgets.example' });
  });
});

describe('safety', () => {
  pinEffect(accountInfo, 'read');
  badInputSweep(accountInfo, {});
});
