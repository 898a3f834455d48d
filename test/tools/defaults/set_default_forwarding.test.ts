import { describe, expect, it } from 'vitest';
import setDefaultForwarding from '../../../tools/defaults/set_default_forwarding.js';

// The common cases (example, shape, effect, sweep, account_info and a new domain after the
// write) come from the family table: test/helpers/setting-scopes.ts.

describe('toApi', () => {
  it('permanent is is_temp=no; a URL that is not http(s) is refused', () => {
    expect(setDefaultForwarding.toApi(setDefaultForwarding.input.parse({ url: 'https://a.example/', permanent: true }))).toEqual({
      forward_url: 'https://a.example/',
      is_temp: 'no',
    });
    expect(setDefaultForwarding.input.safeParse({ url: 'javascript:alert(1)' }).success).toBe(false);
  });
});
