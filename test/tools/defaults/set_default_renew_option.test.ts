import { describe, expect, it } from 'vitest';
import setDefaultRenewOption from '../../../tools/defaults/set_default_renew_option.js';

// The common cases (example, shape, effect, sweep, a domain registered afterwards) come from the
// family table: test/helpers/setting-scopes.ts.

describe('toApi', () => {
  it('do_not_renew is api3 donot', () => {
    expect(setDefaultRenewOption.toApi(setDefaultRenewOption.input.parse({ renew_option: 'do_not_renew' }))).toEqual({ renew_option: 'donot' });
  });
});
