import { describe, expect, it } from 'vitest';
import setClearDefaultSetting from '../../../tools/defaults/set_clear_default_setting.js';

// The common cases (example, shape, effect, sweep, account_info after a clear) come from the
// family table: test/helpers/setting-scopes.ts, run by test/tools/setting-families.test.ts.

describe('toApi', () => {
  it('dnssec exists on domains only', () => {
    expect(setClearDefaultSetting.input.safeParse({ service: 'dnssec' }).success).toBe(false);
  });
});
