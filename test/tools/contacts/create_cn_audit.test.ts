import { describe, expect, it } from 'vitest';
import createCnAudit from '../../../tools/contacts/create_cn_audit.js';
import { badInputSweep, condenseExample, exampleQueryCase, type Json, pinEffect, simulate, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, fail, account, sent, h } = useHarness();

/**
 * The example's values are placeholders: `testcontactid` is no contact id, `url1` and `url2` no
 * image URLs (the document allows only jpg, gif, png and jpeg files). Stand-ins for them.
 */
const STAND_INS = { contact_id: '2', individual_url: 'https://docs.example/id-card.jpg', enterprise_url: 'https://docs.example/licence.png' };
const EXAMPLE = {
  contact_id: 2,
  individual: { id_type: 'SFZ', license_id: 'testlicenseid', url: 'https://docs.example/id-card.jpg' },
  enterprise: { id_type: 'ORG', license_id: 'testlicenseid2', url: 'https://docs.example/licence.png' },
};
const PERSON = { contact_id: 1, individual: { id_type: 'HZ', license_id: 'C01X00T47', url: 'https://docs.example/passport.jpeg' } };

describe('toApi', () => {
  exampleQueryCase(createCnAudit, EXAMPLE, { lost: STAND_INS });

  it('create_cn_audit: an individual sends only the person\'s document, contact_type Individual', () => {
    expect(createCnAudit.toApi(createCnAudit.input.parse(PERSON))).toEqual({
      contact_id: '1',
      contact_type: 'Individual',
      individual_id_type: 'HZ',
      individual_license_id: 'C01X00T47',
      individual_url: 'https://docs.example/passport.jpeg',
    });
  });

  it('create_cn_audit: id types are the document\'s codes; documents are http(s) images', () => {
    const parse = (individual: Record<string, unknown>) => createCnAudit.input.safeParse({ contact_id: 1, individual: { ...PERSON.individual, ...individual } });
    expect(parse({ id_type: 'PASSPORT' }).success).toBe(false);
    expect(parse({ id_type: 'YYZZ' }).success).toBe(false);
    expect(parse({ url: 'https://docs.example/id.pdf' }).error?.issues[0]?.message).toMatch(/jpg, jpeg, gif or png/);
    expect(parse({ url: 'ftp://docs.example/id.jpg' }).success).toBe(false);
    expect(parse({ url: 'https://docs.example/ID.PNG?v=2' }).success).toBe(true);
  });
});

describe('condense', () => {
  it('create_cn_audit: submitted, as an enterprise when its licence is given', () => {
    expect(condenseExample(createCnAudit, EXAMPLE)).toEqual({ contact_id: 2, contact_type: 'enterprise', submitted: true });
  });
});

describe('simulator', () => {
  simulatorShapeCase(createCnAudit, (q) => ({ ...q, ...STAND_INS }));

  it('create_cn_audit: the simulator refuses a missing enterprise document, an unknown id type and a non-image file', () => {
    const error = (params: Record<string, string>) => (simulate('create_cn_audit', params) as { CreateCnAuditResponse: Json }).CreateCnAuditResponse.Error;
    const person = { contact_id: '1', contact_type: 'Individual', individual_id_type: 'SFZ', individual_license_id: '1', individual_url: 'https://x.example/a.jpg' };
    expect(error(person)).toBeUndefined();
    expect(error({ ...person, contact_type: 'Enterprise' })).toBe('missing required parameter: enterprise_id_type');
    expect(error({ ...person, individual_id_type: 'XX' })).toBe('invalid individual_id_type: XX');
    expect(error({ ...person, individual_url: 'https://x.example/a.pdf' })).toMatch(/only jpg, gif, png and jpeg/);
    expect(error({ ...person, contact_type: 'Company' })).toMatch(/Individual or Enterprise/);
  });
});

describe('through the client', () => {
  it('create_cn_audit: the audit starts, and get_cn_audit_status follows it', async () => {
    expect(await ok('create_cn_audit', PERSON)).toEqual({ contact_id: 1, contact_type: 'individual', submitted: true });
    expect(account().contacts.get(1)?.cnAudit).toEqual({ contactType: 'Individual', status: 'processing' });
    expect(await ok('get_cn_audit_status', { contact_id: 1 })).toEqual({ contact_id: 1, status: 'processing' });
  });

  it('create_cn_audit for an enterprise: both documents reach api3', async () => {
    await ok('create_cn_audit', { ...EXAMPLE, contact_id: 0 });
    expect(sent('create_cn_audit')[0]?.params).toMatchObject({ contact_id: '0', contact_type: 'Enterprise', enterprise_id_type: 'ORG', enterprise_url: 'https://docs.example/licence.png' });
    expect(account().contacts.get(0)?.cnAudit?.contactType).toBe('Enterprise');
  });

  it('create_cn_audit: an unknown contact is not_found; a bad document never reaches api3', async () => {
    expect((await fail('create_cn_audit', { ...PERSON, contact_id: 9 })).error).toBe('not_found');
    h().simulator.requests.length = 0;
    const error = await fail('create_cn_audit', { ...PERSON, individual: { ...PERSON.individual, url: 'https://docs.example/id.pdf' } });
    expect(error.error).toBe('invalid_input');
    expect(error.message).toMatch(/individual\.url/);
    expect(h().simulator.requests).toEqual([]);
  });
});

describe('safety', () => {
  pinEffect(createCnAudit, 'write');
  badInputSweep(createCnAudit, EXAMPLE, {
    kindOf: (path) => (path[path.length - 1] === 'url' ? 'url' : undefined),
    mustTry: [/^create_cn_audit enterprise\.id_type: outside enum$/, /^create_cn_audit individual\.url: invalid url/, /^create_cn_audit individual: missing required property$/],
  });
});
