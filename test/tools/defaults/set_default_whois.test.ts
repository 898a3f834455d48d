import { describe, expect, it } from 'vitest';
import { useHarness } from '../../helpers/tool-test.js';

// The common cases come from the family table (test/helpers/setting-scopes.ts).
const { fail, account } = useHarness();

describe('through the client', () => {
  it('an unknown contact id is refused and the default stays', async () => {
    const error = await fail('set_default_whois', { contacts: { registrant: 99, admin: 0, technical: 0, billing: 0 } });
    expect(error.error).toBe('not_found');
    expect(account().defaults.contacts.registrant).toBe(0);
  });
});
