import { describe, expect, it } from 'vitest';
import createContact from '../../../tools/contacts/create_contact.js';
import {
  badInputSweep,
  condenseExample,
  exampleQueryCase,
  type Json,
  pinEffect,
  simulate,
  simulatorShapeCase,
  smugglingCase,
  useHarness,
} from '../../helpers/tool-test.js';

const { ok, call, fail, account, h, sent } = useHarness();

/**
 * The document's request text breaks after `name=Webb&`, and the page obfuscated the email, so
 * the examples file kept only `name`; the rest is the request text's, with a stand-in address.
 */
const LOST = { email: 'webb@example.com', phonenum: '8662623399', phonecc: '1', address1: 'PO Box 345', city: 'San Mateo', state: 'America', zip: '94401', country: 'US' };
const WEBB = { name: 'Webb', email: 'webb@example.com', phone: '+1 8662623399', address: ['PO Box 345'], city: 'San Mateo', state: 'America', zip: '94401', country: 'US' };

const ANNA = {
  name: 'Anna Berzina',
  organization: 'Baltic Widgets SIA',
  email: 'anna@baltic-widgets.example',
  phone: '+371 2.1234567',
  fax: '+371 6.7654321',
  address: ['Brivibas iela 1', 'Office 4'],
  city: 'Riga',
  state: 'RIX',
  zip: 'LV-1010',
  country: 'lv',
};

describe('toApi', () => {
  exampleQueryCase(createContact, WEBB, { lost: LOST });

  it('create_contact: phone and fax travel as country code and number; the address as two lines', () => {
    expect(createContact.toApi(createContact.input.parse(ANNA))).toEqual({
      organization: 'Baltic Widgets SIA',
      name: 'Anna Berzina',
      email: 'anna@baltic-widgets.example',
      phonecc: '371',
      phonenum: '2.1234567',
      faxcc: '371',
      faxnum: '6.7654321',
      address1: 'Brivibas iela 1',
      address2: 'Office 4',
      city: 'Riga',
      state: 'RIX',
      zip: 'LV-1010',
      country: 'LV',
    });
  });
});

describe('the contact schema (shared with edit_contact)', () => {
  const parse = (changes: Record<string, unknown>) => createContact.input.safeParse({ ...WEBB, ...changes });
  const message = (changes: Record<string, unknown>) => parse(changes).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');

  it('phone: +country code, a separator, the number; a phone as get_contact answers it goes back in unchanged', () => {
    expect(parse({ phone: '+1 555.555.0100' }).success).toBe(true);
    expect(parse({ phone: '+44-20-7946-0958' }).success).toBe(true);
    expect(parse({ phone: '+49.30.1234567' }).success).toBe(true);
    // Where the country code ends cannot be told without a separator.
    expect(message({ phone: '+15555550100' })).toMatch(/^phone: must be \+country code, a space, then the number/);
    expect(message({ phone: '555 0100' })).toMatch(/^phone:/);
    expect(message({ phone: '+1234 5550100' })).toMatch(/^phone:/);
    expect(message({ phone: '+1 12' })).toMatch(/^phone:/);
    expect(message({ phone: '+1 555 0100 ext 2' })).toMatch(/^phone:/);
    expect(message({ fax: '+1' })).toMatch(/^fax:/);
  });

  it('country: an ISO 3166 code, any case; UK and made-up codes are refused', () => {
    expect(parse({ country: 'de' }).data?.country).toBe('DE');
    expect(message({ country: 'UK' })).toMatch(/^country: must be an ISO 3166 country code/);
    expect(message({ country: 'XX' })).toMatch(/^country:/);
    expect(message({ country: 'USA' })).toMatch(/^country:/);
  });

  it('required fields per the document; empty text is not a value; at most two address lines', () => {
    for (const field of ['name', 'email', 'phone', 'address', 'city', 'zip', 'country']) {
      const { [field]: _gone, ...rest } = WEBB as Record<string, unknown>;
      expect(createContact.input.safeParse(rest).success, field).toBe(false);
    }
    expect(parse({ organization: undefined, state: undefined }).success).toBe(true);
    expect(message({ name: '  ' })).toMatch(/^name: must not be empty/);
    expect(message({ address: [] })).toMatch(/^address:/);
    expect(message({ address: ['a', 'b', 'c'] })).toMatch(/^address:/);
    expect(message({ zip: '1'.repeat(17) })).toMatch(/^zip: at most 16 characters/);
    expect(message({ city: 'x\ny' })).toMatch(/^city:/);
    expect(message({ email: 'not-an-email' })).toMatch(/^email:/);
  });

  it('eu and lv are nested, each with its registry\'s rule', () => {
    expect(parse({ eu: { country_of_citizenship: 'AT' }, lv: { registration_number: '40003032949' } }).success).toBe(true);
    expect(message({ eu: { country_of_citizenship: 'US' } })).toMatch(/^eu\.country_of_citizenship: must be one of AT, BE/);
    expect(message({ lv: { registration_number: '' } })).toMatch(/^lv\.registration_number:/);
    // Not flat, and .cn has its own tool.
    expect(createContact.input.safeParse({ ...WEBB, country_of_citizenship: 'AT' }).data).not.toHaveProperty('country_of_citizenship');
  });
});

describe('condense', () => {
  it('create_contact: the new contact id, a number', () => {
    expect(condenseExample(createContact, WEBB)).toEqual({ contact_id: 0, created: true });
  });
});

describe('simulator', () => {
  simulatorShapeCase(createContact, (q) => ({ ...q, ...LOST }));

  it('create_contact: the simulator refuses a contact missing a required field, as api3 does', () => {
    for (const field of ['name', 'email', 'phonecc', 'phonenum', 'address1', 'city', 'zip', 'country']) {
      const { [field]: _gone, ...params } = { name: 'Webb', ...LOST } as Record<string, string>;
      const answer = simulate('create_contact', params) as { CreateContactResponse: Json };
      expect(answer.CreateContactResponse, field).toMatchObject({ ResponseCode: '-1', Error: `missing required parameter: ${field}` });
    }
  });
});

describe('through the client', () => {
  it('create_contact: the new id (a number) is what get_contact and contact_list show', async () => {
    const created = await ok('create_contact', ANNA);
    expect(created).toEqual({ contact_id: 3, created: true });
    expect(await ok('get_contact', { contact_id: created.contact_id })).toEqual({
      contact: {
        id: 3,
        name: 'Anna Berzina',
        organization: 'Baltic Widgets SIA',
        email: 'anna@baltic-widgets.example',
        phone: '+371 2.1234567',
        fax: '+371 6.7654321',
        address: ['Brivibas iela 1', 'Office 4'],
        city: 'Riga',
        state: 'RIX',
        zip: 'LV-1010',
        country: 'LV',
        gtld_verified: false,
      },
    });
    const { items } = await ok<{ items: Json[] }>('contact_list');
    expect(items.map((c) => c.id)).toEqual([0, 1, 2, 3]);
  });

  it('create_contact with eu and lv: the contact first, then each registry setting for its new id', async () => {
    const created = await ok('create_contact', { ...ANNA, eu: { country_of_citizenship: 'LV' }, lv: { registration_number: '40003032949', vat_number: 'LV40003032949' } });
    expect(created).toEqual({ contact_id: 3, created: true, extras: { eu: 'set', lv: 'set' } });
    expect(h().simulator.requests.map((r) => r.command)).toEqual(['create_contact', 'set_contact_eu_setting', 'set_contact_lv_setting']);
    expect(sent('set_contact_lv_setting')[0]?.params).toEqual({ contact_id: '3', registration_number: '40003032949', vat_number: 'LV40003032949' });
    // api3 has no read of these settings; the simulated account holds them.
    expect(account().contacts.get(3)).toMatchObject({ euCitizenship: 'LV', lv: { registrationNumber: '40003032949', vatNumber: 'LV40003032949' } });
  });

  it('create_contact: a registry setting api3 refuses is reported beside the new id, not thrown', async () => {
    h().simulator.injectAnswer({ command: 'set_contact_lv_setting', body: { SetContactLvSettingResponse: { ResponseCode: '-1', Status: 'error', Error: 'invalid registration number' } } });
    const created = await ok('create_contact', { ...ANNA, lv: { registration_number: '123' } });
    expect(created.contact_id).toBe(3);
    expect(created.extras.lv).toMatch(/^not set \(.*invalid registration number.*\); retry with set_contact_lv_setting$/);
    expect(account().contacts.has(3)).toBe(true);
  });

  it('create_contact: when api3 refuses the contact, nothing else is sent', async () => {
    h().simulator.injectAnswer({ command: 'create_contact', body: { CreateContactResponse: { ResponseCode: '-1', Status: 'error', Error: 'invalid phone number' } } });
    const error = await fail('create_contact', { ...ANNA, eu: { country_of_citizenship: 'LV' } });
    expect(error.message).toMatch(/invalid phone number/);
    expect(h().simulator.requests.map((r) => r.command)).toEqual(['create_contact']);
  });

  it('create_contact: invalid input reaches nothing', async () => {
    const result = await call('create_contact', { ...ANNA, country: 'UK' });
    expect(result.isError).toBe(true);
    expect(h().simulator.requests).toEqual([]);
  });
});

describe('safety', () => {
  pinEffect(createContact, 'write');
  badInputSweep(createContact, { ...ANNA, country: 'LV', eu: { country_of_citizenship: 'LV' }, lv: { registration_number: '40003032949', vat_number: 'LV40003032949' } }, {
    kindOf: (path) => (path[path.length - 1] === 'email' ? 'email' : undefined),
    mustTry: [/^create_contact address: oversized array \(3 items\)$/, /^create_contact phone: control characters/, /^create_contact lv\.registration_number: missing required property$/],
  });
  smugglingCase(createContact, { ...ANNA, country: 'LV', organization: 'A&B=C Widgets' }, 'organization', 'A&B=C Widgets');
});
