import { describe, expect, it } from 'vitest';
import setRenewOption from '../../../tools/domains/set_renew_option.js';
import { textOf } from '../../helpers/harness.js';
import { iso, type Json, useHarness } from '../../helpers/tool-test.js';

// The common cases (example, condensing, shape, effect, sweep, confirm gate, the write in a read)
// come from the family table: test/helpers/setting-scopes.ts, run by test/tools/setting-families.test.ts.
const { ok, call, domain, sent } = useHarness();
const toApi = (args: Record<string, unknown>) => setRenewOption.toApi(setRenewOption.input.parse(args));

describe('toApi', () => {
  it('set_renew_option: agent terms map to donot, auto, reset; several domains are comma separated', () => {
    expect(toApi({ domains: ['a.com', 'b.net'], renew_option: 'do_not_renew' })).toEqual({
      domain: 'a.com,b.net',
      renew_option: 'donot',
    });
    expect(toApi({ domains: ['a.com'], renew_option: 'reset' }).renew_option).toBe('reset');
  });
});

describe('through the client', () => {
  it('set_renew_option: several domains at once, each answering the option it replaced', async () => {
    const lapse = await ok('set_renew_option', { domains: ['acme-widgets.net', 'widget.dev'], renew_option: 'do_not_renew', confirm: true });
    expect(lapse).toEqual({
      done: true,
      domains: ['acme-widgets.net', 'widget.dev'],
      changed: { renew_option: 'do_not_renew' },
      previous: { 'acme-widgets.net': { renew_option: 'reset' }, 'widget.dev': { renew_option: 'auto' } },
    });
    expect(domain('acme-widgets.net').renewOption).toBe('do not renew');
    expect(domain('widget.dev').renewOption).toBe('do not renew');
    const auto = await ok('set_renew_option', { domains: ['acme-widgets.net'], renew_option: 'auto' });
    expect(auto.previous).toEqual({ 'acme-widgets.net': { renew_option: 'do_not_renew' } });
    expect(domain('acme-widgets.net').renewOption).toBe('auto renew');
  });

  it('set_renew_option auto needs no confirm: one list_domain read, then the one write', async () => {
    const result = await call('set_renew_option', { domains: ['shopwidgets.co'], renew_option: 'auto' });
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(result.structuredContent as Json).not.toHaveProperty('preview');
    expect(sent('list_domain')).toHaveLength(1);
    expect(sent('set_renew_option')).toHaveLength(1);
    expect(domain('shopwidgets.co').renewOption).toBe('auto renew');
  });
});

describe('safety', () => {
  it('set_renew_option do_not_renew: the preview shows the current option and expiry per domain, and changes nothing', async () => {
    const result = await call('set_renew_option', { domains: ['acme-widgets.com', 'acme-widgets.net'], renew_option: 'do_not_renew' });
    const preview = (result.structuredContent as Json).preview;
    expect(preview.details.current).toEqual({
      'acme-widgets.com': { renew_option: 'auto', expires: iso(domain('acme-widgets.com').expiration) },
      'acme-widgets.net': { renew_option: 'reset', expires: iso(domain('acme-widgets.net').expiration) },
    });
    expect(preview.details.note).toMatch(/lapses/);
    expect(preview.confirmation_id).toMatch(/^c1\./);
    expect(sent('set_renew_option')).toHaveLength(0);
    expect(domain('acme-widgets.com').renewOption).toBe('auto renew');
  });

  it('set_renew_option do_not_renew on a domain not in the account: a preview that says so, with no confirmation id', async () => {
    const preview = ((await call('set_renew_option', { domains: ['not-mine.com'], renew_option: 'do_not_renew', confirm: true })).structuredContent as Json)
      .preview;
    expect(preview.refused_because).toEqual([expect.stringMatching(/not in this account: not-mine\.com/)]);
    expect(preview).not.toHaveProperty('confirmation_id');
    expect(sent('set_renew_option')).toHaveLength(0);
  });
});
