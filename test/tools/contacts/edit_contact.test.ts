import { describe, expect, it } from 'vitest';
import editContact from '../../../tools/contacts/edit_contact.js';
import { textOf } from '../../helpers/harness.js';
import {
  badInputSweep,
  condenseExample,
  confirmGateCases,
  exampleQueryCase,
  type Json,
  pinEffect,
  simulate,
  simulatorShapeCase,
  useHarness,
} from '../../helpers/tool-test.js';

const { ok, call, fail, account, h } = useHarness();
const commands = () => h().simulator.requests.map((r) => r.command);

/** The document's request text breaks after `name=Webb&` and the page obfuscated the email: the rest, with a stand-in address. */
const LOST = { email: 'webb@example.com', phonenum: '8662623399', phonecc: '1', address1: 'PO Box 345', city: 'San Mateo', state: 'U.S', zip: '94401', country: 'US' };
const WEBB = { contact_id: 0, name: 'Webb', email: 'webb@example.com', phone: '+1 8662623399', address: ['PO Box 345'], city: 'San Mateo', state: 'U.S', zip: '94401', country: 'US' };

/** Contact 1 as seeded (used by acme-widgets.de as registrant and admin), with a new email. */
const MAX = {
  contact_id: 1,
  name: 'Max Mustermann',
  email: 'max@new-mail.example',
  phone: '+49 30.1234567',
  address: ['Hauptstrasse 1'],
  city: 'Berlin',
  state: 'BE',
  zip: '10115',
  country: 'DE',
};
/** Contact 2 as seeded (used by no domain), moved. */
const LI = {
  contact_id: 2,
  name: 'Li Wei',
  organization: 'Widget Trading (Shanghai) Co., Ltd.',
  email: 'li.wei@widget-trading.example',
  phone: '+86 21.55550123',
  address: ['100 Century Avenue', 'Floor 20'],
  city: 'Shanghai',
  state: 'SH',
  zip: '200120',
  country: 'CN',
};

describe('toApi', () => {
  exampleQueryCase(editContact, WEBB, { lost: LOST });
});

describe('condense', () => {
  it('edit_contact: the contact id, a number', () => {
    expect(condenseExample(editContact, WEBB)).toEqual({ contact_id: 0, updated: true });
  });
});

describe('simulator', () => {
  simulatorShapeCase(editContact, (q) => ({ ...q, ...LOST }));

  it('edit_contact: the simulator refuses an unknown contact and a missing required field', () => {
    const answer = (params: Record<string, string>) => (simulate('edit_contact', params) as { EditContactResponse: Json }).EditContactResponse;
    expect(answer({ contact_id: '99', name: 'Webb', ...LOST })).toMatchObject({ ResponseCode: '-1', Error: 'contact 99 not found' });
    const { city: _city, ...noCity } = LOST;
    expect(answer({ contact_id: '0', name: 'Webb', ...noCity })).toMatchObject({ ResponseCode: '-1', Error: 'missing required parameter: city' });
  });
});

describe('through the client', () => {
  it('edit_contact of a contact no domain uses: sent at once, get_contact shows it, the answer holds the contact before', async () => {
    const result = await ok('edit_contact', LI);
    expect(result.contact_id).toBe(2);
    expect(result.updated).toBe(true);
    expect(result.previous).toMatchObject({ id: 2, address: ['88 Century Avenue'] });
    expect(commands()).toEqual(['list_domain', 'get_contact', 'edit_contact']);
    const { contact } = await ok('get_contact', { contact_id: 2 });
    expect(contact).toMatchObject({ id: 2, address: ['100 Century Avenue', 'Floor 20'], organization: 'Widget Trading (Shanghai) Co., Ltd.' });
  });

  it('edit_contact of a contact domains use: a preview with the contact now, what changes and the domains', async () => {
    const { preview } = await ok('edit_contact', MAX);
    expect(preview.details).toEqual({
      current: expect.objectContaining({ id: 1, email: 'max@example.de', name: 'Max Mustermann' }),
      changes: { email: { from: 'max@example.de', to: 'max@new-mail.example' } },
      domains_using_it: { 'acme-widgets.de': ['registrant', 'admin'] },
      note: expect.stringMatching(/WHOIS data of these domains changes/),
    });
    expect(preview.confirmation_id).toMatch(/^c1\./);
    expect(commands()).not.toContain('edit_contact');
    expect(account().contacts.get(1)?.email).toBe('max@example.de');
  });

  it('edit_contact confirmed: the contact changes, and with it the WHOIS data of the domains using it', async () => {
    const result = await ok('edit_contact', { ...MAX, confirm: true });
    expect(result).toMatchObject({ contact_id: 1, updated: true, previous: { email: 'max@example.de' } });
    expect((await ok('get_contact', { contact_id: 1 })).contact.email).toBe('max@new-mail.example');
    // The domain keeps the contact id; what it points to is the new data.
    expect((await ok('domain_info', { domain: 'acme-widgets.de' })).domain.contacts).toMatchObject({ registrant: 1, admin: 1 });
  });

  it('edit_contact: an optional field left out is cleared, and the preview says so', async () => {
    const jane = {
      contact_id: 0,
      name: 'Jane Doe',
      email: 'jane@acme-widgets.example',
      phone: '+1 555.555.0100',
      address: ['1 Market Street'],
      city: 'San Francisco',
      state: 'CA',
      zip: '94105',
      country: 'US',
    };
    const { preview } = await ok('edit_contact', jane);
    expect(preview.details.changes).toEqual({ organization: { from: 'Acme Widgets Inc.', to: null } });
    await ok('edit_contact', { ...jane, confirm: true });
    expect(account().contacts.get(0)?.organization).toBe('');
  });

  it('edit_contact with eu and lv: the registry settings follow the edit', async () => {
    const result = await ok('edit_contact', { ...LI, eu: { country_of_citizenship: 'DE' } });
    expect(result.extras).toEqual({ eu: 'set' });
    expect(account().contacts.get(2)?.euCitizenship).toBe('DE');
  });

  it('edit_contact of an unknown contact: api3 says not_found', async () => {
    const error = await fail('edit_contact', { ...LI, contact_id: 99 });
    expect(error.error).toBe('not_found');
    expect(error.message).toMatch(/99/);
  });
});

describe('safety', () => {
  pinEffect(editContact, 'destructive', {
    confirmNeeded: [
      { args: MAX, needed: true },
      { args: LI, needed: false },
    ],
  });
  confirmGateCases(editContact, MAX, ['list_domain', 'get_contact'], {
    otherArgs: { ...MAX, email: 'max@other-mail.example' },
    changeFacts: {
      what: 'the contact was edited elsewhere',
      change: (sim) => {
        const max = sim.contacts.get(1);
        if (max) max.city = 'Hamburg';
      },
    },
  });

  it('edit_contact: when the read of which domains use it fails, confirm is needed anyway', async () => {
    h().simulator.injectFault({ kind: 'busy', times: 10, command: 'list_domain' });
    try {
      const result = await call('edit_contact', LI);
      expect(result.isError, textOf(result)).toBeFalsy();
      const { preview } = result.structuredContent as Json;
      expect(preview.refused_because).toEqual([expect.stringMatching(/could not read .*\(busy\)/)]);
      expect(preview).not.toHaveProperty('confirmation_id');
      expect(commands()).not.toContain('edit_contact');
    } finally {
      h().simulator.clearFaults();
    }
  });

  badInputSweep(editContact, { ...LI, fax: '+86 21.55550124', eu: { country_of_citizenship: 'DE' }, lv: { registration_number: '40003032949', vat_number: 'LV1' } }, {
    kindOf: (path) => (path[path.length - 1] === 'email' ? 'email' : undefined),
    mustTry: [/^edit_contact contact_id: wrong type/, /^edit_contact country: empty string below minLength$/],
  });
});
