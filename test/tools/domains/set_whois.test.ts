import { describe, expect, it } from 'vitest';
import setWhois from '../../../tools/domains/set_whois.js';
import { type Json, useHarness } from '../../helpers/tool-test.js';

// The common cases (example, condensing, shape, effect, sweep, confirm gate, the write in a read)
// come from the family table: test/helpers/setting-scopes.ts, run by test/tools/setting-families.test.ts.
const { ok, call, domain, sent } = useHarness();
const ZEROS = { registrant: 0, admin: 0, technical: 0, billing: 0 };

describe('toApi', () => {
  it('set_whois: each role its own parameter, on up to 100 domains', () => {
    expect(setWhois.toApi(setWhois.input.parse({ domains: ['a.com', 'b.com'], contacts: { registrant: 1, admin: 2, technical: 3, billing: 4 } }))).toEqual({
      domain: 'a.com,b.com',
      registrant_contact: '1',
      admin_contact: '2',
      technical_contact: '3',
      billing_contact: '4',
    });
    expect(() => setWhois.input.parse({ domains: ['a.com'], contacts: {} })).toThrow();
  });
});

describe('roles left out keep their current contact (issue 15)', () => {
  it('set_whois with technical alone: the other three roles keep what each domain had, sent as they are', async () => {
    const args = { domains: ['acme-widgets.de'], contacts: { technical: 1 } };
    const { preview } = (await call('set_whois', args)).structuredContent as Json;
    expect(preview.details.kept_contacts).toEqual({
      registrant: { id: 1, name: 'Max Mustermann' },
      admin: { id: 1, name: 'Max Mustermann' },
      billing: { id: 0, name: 'Jane Doe', organization: 'Acme Widgets Inc.' },
    });
    expect(preview.details).not.toHaveProperty('note');
    await ok('set_whois', { ...args, confirm: true, confirmation_id: preview.confirmation_id });
    expect(domain('acme-widgets.de').contacts).toEqual({ registrant: 1, admin: 1, technical: 1, billing: 0 });
    expect(sent('set_whois').at(-1)?.params).toMatchObject({ registrant_contact: '1', admin_contact: '1', technical_contact: '1', billing_contact: '0' });
  });

  it('set_whois leaving out a role the domains hold differently: refused, naming the role, nothing sent', async () => {
    const { preview } = await ok<Json>('set_whois', { domains: ['acme-widgets.de', 'acme-widgets.com'], contacts: { technical: 1 }, confirm: true });
    expect(preview.refused_because).toEqual([
      expect.stringMatching(/different registrant contacts now \(acme-widgets\.de: 1, acme-widgets\.com: 0\).*give contacts\.registrant/),
      expect.stringMatching(/different admin contacts now/),
    ]);
    expect(preview).not.toHaveProperty('confirmation_id');
    expect(sent('set_whois')).toHaveLength(0);
  });
});

describe('through the client', () => {
  it('set_whois with an unknown contact id or a domain outside the account: refused by the preview, nothing sent', async () => {
    const { preview } = await ok<Json>('set_whois', { domains: ['acme-widgets.com', 'not-mine.com'], contacts: { registrant: 99, admin: 99, technical: 0, billing: 7 }, confirm: true });
    expect(preview.refused_because).toEqual([
      'not in this account: not-mine.com',
      'there is no contact 99 (for registrant, admin) in the account: contact_list shows the ids',
      'there is no contact 7 (for billing) in the account: contact_list shows the ids',
    ]);
    expect(preview).not.toHaveProperty('confirmation_id');
    expect(sent('set_whois')).toHaveLength(0);
    expect(domain('acme-widgets.com').contacts).toEqual(ZEROS);
  });
});

describe('safety', () => {
  it('set_whois preview: the contacts each domain has now, who the new ones are, and the transfer-lock note', async () => {
    const { details } = ((await call('set_whois', { domains: ['acme-widgets.de', 'acme-widgets.com'], contacts: { ...ZEROS, registrant: 1, admin: 1 } })).structuredContent as Json).preview;
    const JANE = { id: 0, name: 'Jane Doe', organization: 'Acme Widgets Inc.' };
    const MAX = { id: 1, name: 'Max Mustermann' };
    // Old and new contacts by name, not bare ids.
    expect(details.current).toEqual({
      'acme-widgets.de': { registrant: MAX, admin: MAX, technical: JANE, billing: JANE },
      'acme-widgets.com': { registrant: JANE, admin: JANE, technical: JANE, billing: JANE },
    });
    expect(details.new_contacts).toEqual({
      registrant: { id: 1, name: 'Max Mustermann' },
      admin: { id: 1, name: 'Max Mustermann' },
      technical: { id: 0, name: 'Jane Doe', organization: 'Acme Widgets Inc.' },
      billing: { id: 0, name: 'Jane Doe', organization: 'Acme Widgets Inc.' },
    });
    // Only the gTLD whose registrant changes is locked: acme-widgets.de is a ccTLD.
    expect(details.note).toMatch(/60 days \(ICANN\): acme-widgets\.com\.$/);
  });

  it('set_whois preview: a new registrant on ccTLDs alone gives no gTLD transfer-lock note', async () => {
    const { details } = ((await call('set_whois', { domains: ['acme-widgets.de', 'widgetlab.io', 'shopwidgets.co'], contacts: { ...ZEROS, registrant: 1 } })).structuredContent as Json).preview;
    expect(details).not.toHaveProperty('note');
  });

  it('set_whois on 6 domains: a contact changed on the 6th, not listed, voids the id', async () => {
    const args = { domains: ['acme-widgets.com', 'acme-widgets.net', 'widgetlab.io', 'shopwidgets.co', 'widget.dev', 'fresh-idea.xyz'], contacts: { ...ZEROS, technical: 1 } };
    const { preview } = (await call('set_whois', args)).structuredContent as Json;
    expect(Object.keys(preview.details.current)).toHaveLength(5);
    domain('fresh-idea.xyz').contacts.billing = 1;
    const again = await ok<Json>('set_whois', { ...args, confirm: true, confirmation_id: preview.confirmation_id });
    expect(again.preview?.why_not_sent).toMatch(/changed since the preview/);
    expect(sent('set_whois')).toHaveLength(0);
  });

  it('set_whois preview keeping every registrant: no transfer-lock note', async () => {
    const { details } = ((await call('set_whois', { domains: ['acme-widgets.com'], contacts: { ...ZEROS, technical: 1 } })).structuredContent as Json).preview;
    expect(details).not.toHaveProperty('note');
  });
});
