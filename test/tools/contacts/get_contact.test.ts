import { describe, expect, it } from 'vitest';
import getContact from '../../../tools/contacts/get_contact.js';
import { exampleQuery } from '../../helpers/examples.js';
import { badInputSweep, condenseExample, exampleQueryCase, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, fail } = useHarness();

describe('toApi', () => {
  exampleQueryCase(getContact, { contact_id: 10000 });
});

describe('condense', () => {
  it('get_contact: one contact', () => {
    expect(condenseExample(getContact, { contact_id: Number(exampleQuery('get_contact').contact_id) })).toEqual({
      contact: {
        id: 12345,
        organization: 'org',
        name: 'name',
        email: '[email protected]',
        phone: '+1 555.555.5233',
        address: ['address1', 'address2'],
        city: 'city',
        state: 'state',
        zip: 'zipcode',
        country: 'country',
        gtld_verified: false,
      },
    });
  });
});

describe('simulator', () => {
  simulatorShapeCase(getContact, (q) => ({ ...q, contact_id: '1' }));
});

describe('through the client', () => {
  it('get_contact: one contact by id', async () => {
    expect(await ok('get_contact', { contact_id: 1 })).toEqual({
      contact: {
        id: 1,
        name: 'Max Mustermann',
        email: 'max@example.de',
        phone: '+49 30.1234567',
        address: ['Hauptstrasse 1'],
        city: 'Berlin',
        state: 'BE',
        zip: '10115',
        country: 'DE',
        gtld_verified: false,
      },
    });
  });

  it('get_contact: an unknown id is not_found', async () => {
    const error = await fail('get_contact', { contact_id: 99 });
    expect(error.error).toBe('not_found');
    expect(error.message).toMatch(/99/);
  });
});

describe('safety', () => {
  pinEffect(getContact, 'read');
  badInputSweep(getContact, { contact_id: 0 }, { mustTry: [/^get_contact contact_id: wrong type/] });
});
