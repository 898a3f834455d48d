import { describe, expect, it } from 'vitest';
import setDefaultEmailForward from '../../../tools/defaults/set_default_email_forward.js';

// The common cases (example, shape, effect, sweep, a domain registered afterwards) come from the
// family table: test/helpers/setting-scopes.ts.

describe('toApi', () => {
  it('mail hosts with their distance; none is donot', () => {
    const toApi = (args: Record<string, unknown>) => setDefaultEmailForward.toApi(setDefaultEmailForward.input.parse(args));
    expect(toApi({ email: { type: 'mx', hosts: [{ host: 'mx1.example.org', distance: 0 }] } })).toEqual({
      forward_type: 'mx',
      mx_host0: 'mx1.example.org',
      mx_distance0: '0',
    });
    expect(toApi({ email: { type: 'none' } })).toEqual({ forward_type: 'donot' });
  });
});
