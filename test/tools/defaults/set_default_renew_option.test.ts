import { describe, expect, it } from 'vitest';
import setDefaultRenewOption from '../../../tools/defaults/set_default_renew_option.js';
import { badInputSweep, exampleQueryCase, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, fail, account, sent } = useHarness();

describe('toApi', () => {
  exampleQueryCase(setDefaultRenewOption, { renew_option: 'auto' });

  it('do_not_renew is api3 donot', () => {
    expect(setDefaultRenewOption.toApi(setDefaultRenewOption.input.parse({ renew_option: 'do_not_renew' }))).toEqual({ renew_option: 'donot' });
  });
});

describe('simulator', () => {
  simulatorShapeCase(setDefaultRenewOption);
});

describe('through the client', () => {
  it('a domain registered afterwards gets the renew option', async () => {
    await ok('set_default_renew_option', { renew_option: 'auto' });
    await ok('register', { domain: 'brand-new-name.com', years: 1, confirm: true });
    expect((await ok('domain_info', { domain: 'brand-new-name.com' })).domain.renew_option).toBe('auto renew');
  });
});

describe('safety', () => {
  pinEffect(setDefaultRenewOption, 'write');
  badInputSweep(setDefaultRenewOption, { renew_option: 'auto' });
});
