import { describe, expect, it } from 'vitest';
import setDefaultHosting from '../../../tools/defaults/set_default_hosting.js';
import { badInputSweep, exampleQueryCase, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, fail, account, sent } = useHarness();

describe('toApi', () => {
  exampleQueryCase(setDefaultHosting, { hosting_type: 'advanced' });

  it('only basic and advanced', () => {
    expect(setDefaultHosting.input.safeParse({ hosting_type: 'premium' }).success).toBe(false);
  });
});

describe('simulator', () => {
  simulatorShapeCase(setDefaultHosting);
});

describe('through the client', () => {
  it('account_info shows hosting as the default', async () => {
    await ok('set_default_hosting', { hosting_type: 'basic' });
    expect((await ok('account_info')).default_name_servers).toEqual({ type: 'dynadot_hosting' });
    expect(account().defaults.nameServers).toEqual({ kind: 'hosting', hostingType: 'basic', mobileView: false });
  });
});

describe('safety', () => {
  pinEffect(setDefaultHosting, 'write');
  badInputSweep(setDefaultHosting, { hosting_type: 'basic' });
});
