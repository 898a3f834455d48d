import { describe, expect, it } from 'vitest';
import getAccountBalance from '../../../tools/account/get_account_balance.js';
import { badInputSweep, condenseExample, exampleQueryCase, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

type Money = { amount: number; currency: string };

const { ok } = useHarness();

describe('toApi', () => {
  exampleQueryCase(getAccountBalance, {});
});

describe('condense', () => {
  it('get_account_balance: "300.00" with its currency', () => {
    expect(condenseExample(getAccountBalance)).toEqual({ balances: [{ amount: 300, currency: 'USD' }] });
  });
});

describe('simulator', () => {
  simulatorShapeCase(getAccountBalance);
});

describe('through the client', () => {
  it('get_account_balance: follows purchases', async () => {
    expect(await ok('get_account_balance')).toEqual({ balances: [{ amount: 300, currency: 'USD' }] });
    await ok('register', { domain: 'brand-new-name.xyz', years: 1, confirm: true });
    const { balances } = await ok<{ balances: Money[] }>('get_account_balance');
    expect(balances).toEqual([{ amount: 298.01, currency: 'USD' }]);
  });
});

describe('safety', () => {
  pinEffect(getAccountBalance, 'read');
  badInputSweep(getAccountBalance, {});
});
