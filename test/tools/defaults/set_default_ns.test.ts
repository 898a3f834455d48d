import { describe, expect, it } from 'vitest';
import { useHarness } from '../../helpers/tool-test.js';

// The common cases come from the family table (test/helpers/setting-scopes.ts).
const { fail, account } = useHarness();

describe('through the client', () => {
  it('a host not registered in the account is refused and the default stays', async () => {
    const error = await fail('set_default_ns', { name_servers: ['ns9.nowhere.example'] });
    expect(error.message).toMatch(/ns9\.nowhere\.example/);
    expect(account().defaults.nameServers).toEqual({ kind: 'parking', withAds: false });
  });
});
