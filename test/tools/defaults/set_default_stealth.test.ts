import { describe, expect, it } from 'vitest';
import { useHarness } from '../../helpers/tool-test.js';

// The common cases come from the family table (test/helpers/setting-scopes.ts).
const { ok, account } = useHarness();

describe('through the client', () => {
  it('the title is kept with the default (account_info does not show it)', async () => {
    await ok('set_default_stealth', { url: 'https://example.org/shop', title: 'Shop' });
    expect(account().defaults.nameServers).toEqual({ kind: 'stealth', url: 'https://example.org/shop', title: 'Shop' });
  });
});
