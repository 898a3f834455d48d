import { describe, expect, it } from 'vitest';
import contactList from '../../../tools/contacts/contact_list.js';
import { badInputSweep, condenseExample, exampleQueryCase, type Json, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok } = useHarness();

describe('toApi', () => {
  exampleQueryCase(contactList, {});
});

describe('condense', () => {
  it('contact_list: phone as +cc number, address lines, empty fields dropped', () => {
    const { items } = condenseExample(contactList);
    expect(items).toHaveLength(2);
    expect(items[0]).toEqual({
      id: 0,
      name: 'Jack tester',
      // The document's web page obfuscated the addresses; the example carries that text as is.
      email: '[email protected]',
      phone: '+1 555.555.5233',
      address: ['test street'],
      city: 'Los Angeles',
      state: 'CA',
      zip: '90068',
      country: 'US',
      gtld_verified: false,
    });
    expect(items[1]).toMatchObject({ id: 1, name: 'John tester', fax: '+1 123.456.7890', address: ['high Way first'], gtld_verified: true });
    expect(items[0]).not.toHaveProperty('organization');
    expect(items[0]).not.toHaveProperty('fax');
  });
});

describe('simulator', () => {
  simulatorShapeCase(contactList);
});

describe('through the client', () => {
  it('contact_list: every contact with its id', async () => {
    const { items } = await ok<{ items: Json[] }>('contact_list');
    expect(items.map((c) => [c.id, c.name])).toEqual([
      [0, 'Jane Doe'],
      [1, 'Max Mustermann'],
      [2, 'Li Wei'],
    ]);
    expect(items[0]).toMatchObject({ organization: 'Acme Widgets Inc.', phone: '+1 555.555.0100', country: 'US', gtld_verified: true });
  });
});

describe('safety', () => {
  pinEffect(contactList, 'read');
  badInputSweep(contactList, {});
});
