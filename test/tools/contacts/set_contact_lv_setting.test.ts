import { describe, expect, it } from 'vitest';
import setContactLvSetting from '../../../tools/contacts/set_contact_lv_setting.js';
import { badInputSweep, condenseExample, exampleQueryCase, type Json, pinEffect, simulate, simulatorShapeCase, smugglingCase, useHarness } from '../../helpers/tool-test.js';

const { ok, fail, account, sent } = useHarness();

/**
 * The page turned `&reg` of `&registration_number` into "®", so the examples file holds
 * `contact_id: "0®istration_number=test_reg_number"`; the request text says contact_id=0 and
 * registration_number=test_reg_number.
 */
const LOST = { contact_id: '0', registration_number: 'test_reg_number' };
const EXAMPLE = { contact_id: 0, registration_number: 'test_reg_number', vat_number: 'test_vat_number' };

describe('toApi', () => {
  exampleQueryCase(setContactLvSetting, EXAMPLE, { lost: LOST });

  it('set_contact_lv_setting: the VAT number is left out when not given', () => {
    expect(setContactLvSetting.toApi(setContactLvSetting.input.parse({ contact_id: 1, registration_number: '010101-12345' }))).toEqual({
      contact_id: '1',
      registration_number: '010101-12345',
    });
  });
});

describe('condense', () => {
  it('set_contact_lv_setting: what is now set', () => {
    expect(condenseExample(setContactLvSetting, EXAMPLE)).toEqual({ contact_id: 0, registration_number: 'test_reg_number', vat_number: 'test_vat_number' });
  });
});

describe('simulator', () => {
  simulatorShapeCase(setContactLvSetting, (q) => ({ ...q, ...LOST }));

  it('set_contact_lv_setting: the simulator refuses a missing registration number', () => {
    const answer = simulate('set_contact_lv_setting', { contact_id: '0' }) as { SetContactLvSettingResponse: Json };
    expect(answer.SetContactLvSettingResponse).toMatchObject({ ResponseCode: '-1', Error: 'missing required parameter: registration_number' });
  });
});

describe('through the client', () => {
  it('set_contact_lv_setting: the contact holds the numbers (api3 has no read of them)', async () => {
    expect(await ok('set_contact_lv_setting', { contact_id: 1, registration_number: '40003032949', vat_number: 'LV40003032949' })).toEqual({
      contact_id: 1,
      registration_number: '40003032949',
      vat_number: 'LV40003032949',
    });
    expect(account().contacts.get(1)?.lv).toEqual({ registrationNumber: '40003032949', vatNumber: 'LV40003032949' });
    expect(sent('set_contact_lv_setting')[0]?.params).toEqual({ contact_id: '1', registration_number: '40003032949', vat_number: 'LV40003032949' });
  });

  it('set_contact_lv_setting: an unknown contact is not_found', async () => {
    expect((await fail('set_contact_lv_setting', { contact_id: 9, registration_number: '40003032949' })).error).toBe('not_found');
  });
});

describe('safety', () => {
  pinEffect(setContactLvSetting, 'write');
  badInputSweep(setContactLvSetting, { contact_id: 1, registration_number: '40003032949', vat_number: 'LV40003032949' }, {
    mustTry: [/^set_contact_lv_setting registration_number: control characters/, /^set_contact_lv_setting vat_number: huge string/],
  });
  smugglingCase(setContactLvSetting, { contact_id: 1, registration_number: '4000&command=delete' }, 'registration_number', '4000&command=delete');
});
