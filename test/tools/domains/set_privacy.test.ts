import { describe, expect, it } from 'vitest';
import setPrivacy from '../../../tools/domains/set_privacy.js';
import { textOf } from '../../helpers/harness.js';
import { badInputSweep, condenseExample, confirmGateCases, exampleQueryCase, iso, type Json, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, fail, call, domain, sent } = useHarness();
const toApi = (args: Record<string, unknown>) => setPrivacy.toApi(setPrivacy.input.parse(args));

describe('toApi', () => {
  exampleQueryCase(setPrivacy, { domains: ['domain1.com'], privacy: 'off' });

  it('set_privacy: full, partial, off', () => {
    for (const privacy of ['full', 'partial', 'off']) {
      expect(toApi({ domains: ['a.com', 'b.com'], privacy })).toEqual({ domain: 'a.com,b.com', option: privacy });
    }
    expect(() => setPrivacy.input.parse({ domains: ['a.com'], privacy: 'none' })).toThrow();
  });
});

describe('condense', () => {
  it('set_privacy: says what is now in place', () => {
    expect(condenseExample(setPrivacy, { domains: ['domain1.com'], privacy: 'off' })).toEqual({
      done: true,
      domains: ['domain1.com'],
      changed: { privacy: 'off' },
    });
  });
});

describe('simulator', () => {
  simulatorShapeCase(setPrivacy, (q) => ({ ...q, domain: 'acme-widgets.net' }));
});

describe('through the client', () => {
  it('set_privacy: full and off, each answering the privacy it replaced', async () => {
    const full = await ok('set_privacy', { domains: ['acme-widgets.net'], privacy: 'full' });
    expect(full).toEqual({ done: true, domains: ['acme-widgets.net'], changed: { privacy: 'full' }, previous: { 'acme-widgets.net': { privacy: 'off' } } });
    expect(domain('acme-widgets.net').privacy).toBe('full');
    const off = await ok('set_privacy', { domains: ['acme-widgets.net', 'fresh-idea.xyz'], privacy: 'off', confirm: true });
    expect(off.previous).toEqual({ 'acme-widgets.net': { privacy: 'full' }, 'fresh-idea.xyz': { privacy: 'partial' } });
    expect(domain('acme-widgets.net').privacy).toBe('none');
    expect(domain('fresh-idea.xyz').privacy).toBe('none');
  });

  it('set_privacy: the previous values come from one list_domain read, before the one write', async () => {
    await ok('set_privacy', { domains: ['acme-widgets.com', 'widget.dev', 'widgetlab.io'], privacy: 'partial' });
    expect(sent('list_domain')).toHaveLength(1);
    expect(sent('set_privacy')).toHaveLength(1);
    expect(sent('list_domain')[0]?.at).toBeLessThanOrEqual(sent('set_privacy')[0]?.at as number);
  });

  it('a settings write naming an unknown domain changes nothing', async () => {
    const error = await fail('set_privacy', { domains: ['acme-widgets.net', 'not-mine.com'], privacy: 'partial' });
    expect(error.error).toBe('not_found');
    expect(domain('acme-widgets.net').privacy).toBe('none');
  });
});

describe('safety', () => {
  // Privacy off publishes the owner's contact details: that value alone needs confirm.
  pinEffect(setPrivacy, 'destructive', {
    confirmNeeded: [
      { args: { domains: ['acme-widgets.com'], privacy: 'off' }, needed: true },
      { args: { domains: ['acme-widgets.com'], privacy: 'partial' }, needed: false },
      { args: { domains: ['acme-widgets.com'], privacy: 'full' }, needed: false },
    ],
  });
  confirmGateCases(setPrivacy, { domains: ['acme-widgets.com', 'widget.dev'], privacy: 'off' }, ['list_domain'], {
    otherArgs: { domains: ['acme-widgets.com'], privacy: 'off' },
    changeFacts: {
      what: 'the current privacy of a domain changed',
      change(account) {
        const d = account.domains.get('widget.dev');
        if (!d) throw new Error('seed changed');
        d.privacy = 'partial';
      },
    },
  });

  it('set_privacy off: the preview shows each domain\'s current privacy and expiry, and changes nothing', async () => {
    const result = await call('set_privacy', { domains: ['acme-widgets.com', 'acme-widgets.net'], privacy: 'off' });
    expect(result.isError, textOf(result)).toBeFalsy();
    const preview = (result.structuredContent as Json).preview;
    expect(preview.details.current).toEqual({
      'acme-widgets.com': { privacy: 'full', expires: iso(domain('acme-widgets.com').expiration) },
      'acme-widgets.net': { privacy: 'off', expires: iso(domain('acme-widgets.net').expiration) },
    });
    expect(preview.details.note).toMatch(/name, address, email and phone/);
    expect(preview.confirmation_id).toMatch(/^c1\./);
    expect(sent('set_privacy')).toHaveLength(0);
    expect(domain('acme-widgets.com').privacy).toBe('full');
  });

  it('set_privacy off: the preview shows the first five domains and counts the rest', async () => {
    const domains = ['acme-widgets.com', 'acme-widgets.net', 'widgetlab.io', 'shopwidgets.co', 'widget.dev', 'fresh-idea.xyz', 'acme-widgets.de'];
    const preview = ((await call('set_privacy', { domains, privacy: 'off' })).structuredContent as Json).preview;
    expect(Object.keys(preview.details.current)).toEqual(domains.slice(0, 5));
    expect(preview.details.and_more_domains).toBe(2);
    expect(sent('list_domain')).toHaveLength(1);
  });

  it('set_privacy off on a domain not in the account: a preview that says so, with no confirmation id', async () => {
    for (const args of [
      { domains: ['acme-widgets.com', 'not-mine.com'], privacy: 'off' },
      { domains: ['acme-widgets.com', 'not-mine.com'], privacy: 'off', confirm: true },
    ]) {
      const preview = ((await call('set_privacy', args)).structuredContent as Json).preview;
      expect(preview.refused_because).toEqual([expect.stringMatching(/not in this account: not-mine\.com/)]);
      expect(preview).not.toHaveProperty('confirmation_id');
    }
    expect(sent('set_privacy')).toHaveLength(0);
  });

  badInputSweep(setPrivacy, { domains: ['acme-widgets.com'], privacy: 'full' }, { mustTry: [/^set_privacy privacy: outside enum \(smuggle\)$/] });
});

describe('facts bound beyond the preview (issue 15)', () => {
  it('set_privacy off on 6 domains: privacy changed on the 6th, not listed, voids the id', async () => {
    const args = { domains: ['acme-widgets.com', 'widgetlab.io', 'shopwidgets.co', 'widget.dev', 'fresh-idea.xyz', 'old-project.org'], privacy: 'off' };
    const { preview } = (await call('set_privacy', args)).structuredContent as Json;
    expect(preview.details.and_more_domains).toBe(1);
    domain('old-project.org').privacy = 'partial';
    const again = await ok<Json>('set_privacy', { ...args, confirm: true, confirmation_id: preview.confirmation_id });
    expect(again.preview?.why_not_sent).toMatch(/changed since the preview/);
    expect(sent('set_privacy')).toHaveLength(0);
  });
});
