import { describe, expect, it } from 'vitest';
import setDefaultWhois from '../../../tools/defaults/set_default_whois.js';
import { badInputSweep, exampleQueryCase, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, fail, account, sent } = useHarness();

describe('toApi', () => {
  exampleQueryCase(setDefaultWhois, { contacts: { registrant: 0, admin: 0, technical: 0, billing: 0 } });
});

describe('simulator', () => {
  simulatorShapeCase(setDefaultWhois);
});

describe('through the client', () => {
  it('the default shows in account_info, and a domain registered afterwards gets those contacts', async () => {
    const result = await ok('set_default_whois', { contacts: { registrant: 1, admin: 1, technical: 0, billing: 0 } });
    expect(result).toEqual({ done: true, account_default: true, changed: { contacts: { registrant: 1, admin: 1, technical: 0, billing: 0 } } });
    expect((await ok('account_info')).default_contacts).toEqual({ registrant: 1, admin: 1, technical: 0, billing: 0 });
    await ok('register', { domain: 'brand-new-name.com', years: 1, confirm: true });
    expect((await ok('domain_info', { domain: 'brand-new-name.com' })).domain.contacts).toEqual({ registrant: 1, admin: 1, technical: 0, billing: 0 });
    // Existing domains keep theirs.
    expect((await ok('domain_info', { domain: 'acme-widgets.com' })).domain.contacts.registrant).toBe(0);
  });

  it('an unknown contact id is refused and the default stays', async () => {
    const error = await fail('set_default_whois', { contacts: { registrant: 99, admin: 0, technical: 0, billing: 0 } });
    expect(error.error).toBe('not_found');
    expect(account().defaults.contacts.registrant).toBe(0);
  });
});

describe('safety', () => {
  pinEffect(setDefaultWhois, 'write');
  badInputSweep(setDefaultWhois, { contacts: { registrant: 1, admin: 1, technical: 0, billing: 0 } });
});
