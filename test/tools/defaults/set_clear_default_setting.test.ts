import { describe, expect, it } from 'vitest';
import setClearDefaultSetting from '../../../tools/defaults/set_clear_default_setting.js';
import { badInputSweep, exampleQueryCase, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, fail, account, sent } = useHarness();

describe('toApi', () => {
  exampleQueryCase(setClearDefaultSetting, { service: 'nameservers' });

  it('dnssec exists on domains only', () => {
    expect(setClearDefaultSetting.input.safeParse({ service: 'dnssec' }).success).toBe(false);
  });
});

describe('simulator', () => {
  simulatorShapeCase(setClearDefaultSetting);
});

describe('through the client', () => {
  it('clearing default name servers leaves new domains parked', async () => {
    await ok('set_default_ns', { name_servers: ['ns1.cloudhost.example'] });
    await ok('set_clear_default_setting', { service: 'nameservers' });
    expect((await ok('account_info')).default_name_servers).toMatchObject({ type: 'dynadot_parking' });
  });
});

describe('safety', () => {
  pinEffect(setClearDefaultSetting, 'write');
  badInputSweep(setClearDefaultSetting, { service: 'forward' });
});
