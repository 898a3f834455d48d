import { describe, expect, it } from 'vitest';
import setDefaultStealth from '../../../tools/defaults/set_default_stealth.js';
import { badInputSweep, exampleQueryCase, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, fail, account, sent } = useHarness();

describe('toApi', () => {
  exampleQueryCase(setDefaultStealth, { url: 'http://www.obamashop.com', title: "obama's" }, { lost: { stealth_url: 'http://www.obamashop.com' } });
});

describe('simulator', () => {
  simulatorShapeCase(setDefaultStealth, (q) => ({ ...q, stealth_url: 'http://www.obamashop.com' }));
});

describe('through the client', () => {
  it('account_info shows stealth forwarding as the default', async () => {
    await ok('set_default_stealth', { url: 'https://example.org/shop', title: 'Shop' });
    expect((await ok('account_info')).default_name_servers).toMatchObject({ type: 'stealth_forwarding', forward_to: 'https://example.org/shop' });
    expect(account().defaults.nameServers).toEqual({ kind: 'stealth', url: 'https://example.org/shop', title: 'Shop' });
  });
});

describe('safety', () => {
  pinEffect(setDefaultStealth, 'write');
  badInputSweep(setDefaultStealth, { url: 'https://example.org/shop', title: 'Shop' });
});
