import { describe, expect, it } from 'vitest';
import setContactEuSetting from '../../../tools/contacts/set_contact_eu_setting.js';
import { badInputSweep, condenseExample, exampleQueryCase, type Json, pinEffect, simulate, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, fail, account, h } = useHarness();

describe('toApi', () => {
  exampleQueryCase(setContactEuSetting, { contact_id: 0, country_of_citizenship: 'AT' });
});

describe('condense', () => {
  it('set_contact_eu_setting: the example answer, stray ": " in its keys and all', () => {
    expect(condenseExample(setContactEuSetting, { contact_id: 0, country_of_citizenship: 'AT' })).toEqual({ contact_id: 0, country_of_citizenship: 'AT' });
  });
});

describe('simulator', () => {
  simulatorShapeCase(setContactEuSetting);

  it('set_contact_eu_setting: the simulator refuses a state outside the document\'s list, and an unknown contact', () => {
    const answer = (params: Record<string, string>) => (simulate('set_contact_eu_setting', params) as { SetContactEUSettingResponse: Json }).SetContactEUSettingResponse;
    expect(answer({ contact_id: '0', country_of_citizenship: 'US' })).toMatchObject({ ResponseCode: '-1', Error: 'country_of_citizenship must be an EU member state: US' });
    expect(answer({ contact_id: '9', country_of_citizenship: 'AT' })).toMatchObject({ ResponseCode: '-1', Error: 'contact 9 not found' });
  });
});

describe('through the client', () => {
  it('set_contact_eu_setting: the contact holds the citizenship (api3 has no read of it)', async () => {
    expect(await ok('set_contact_eu_setting', { contact_id: 0, country_of_citizenship: 'IE' })).toEqual({ contact_id: 0, country_of_citizenship: 'IE' });
    expect(account().contacts.get(0)?.euCitizenship).toBe('IE');
    // The contact's WHOIS details are untouched.
    expect((await ok('get_contact', { contact_id: 0 })).contact).toMatchObject({ name: 'Jane Doe', country: 'US' });
  });

  it('set_contact_eu_setting: a state outside the EU/EEA list never reaches api3', async () => {
    const error = await fail('set_contact_eu_setting', { contact_id: 0, country_of_citizenship: 'CH' });
    expect(error.error).toBe('invalid_input');
    expect(error.message).toMatch(/country_of_citizenship/);
    expect(h().simulator.requests).toEqual([]);
  });

  it('set_contact_eu_setting: an unknown contact is not_found', async () => {
    expect((await fail('set_contact_eu_setting', { contact_id: 9, country_of_citizenship: 'AT' })).error).toBe('not_found');
  });
});

describe('safety', () => {
  pinEffect(setContactEuSetting, 'write');
  badInputSweep(setContactEuSetting, { contact_id: 1, country_of_citizenship: 'DE' }, { mustTry: [/^set_contact_eu_setting country_of_citizenship: outside enum$/] });
});
