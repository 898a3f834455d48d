import { describe, expect, it } from 'vitest';
import setDefaultHosting from '../../../tools/defaults/set_default_hosting.js';
import { useHarness } from '../../helpers/tool-test.js';

// The common cases come from the family table (test/helpers/setting-scopes.ts).
const { ok, account } = useHarness();

describe('toApi', () => {
  it('only basic and advanced', () => {
    expect(setDefaultHosting.input.safeParse({ hosting_type: 'premium' }).success).toBe(false);
  });
});

describe('through the client', () => {
  it('the default scope has no mobile view: the account keeps it off', async () => {
    await ok('set_default_hosting', { hosting_type: 'basic' });
    expect(account().defaults.nameServers).toEqual({ kind: 'hosting', hostingType: 'basic', mobileView: false });
  });
});
