import { describe, expect, it } from 'vitest';
import getCnAuditStatus from '../../../tools/contacts/get_cn_audit_status.js';
import { badInputSweep, condenseExample, exampleQueryCase, type Json, pinEffect, simulate, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, fail, account, sent } = useHarness();

/** The example's `testcontactid` is no contact id; the seeded contact 2 has a passed audit. */
const STAND_IN = { contact_id: '2' };

describe('toApi', () => {
  exampleQueryCase(getCnAuditStatus, { contact_id: 2 }, { lost: STAND_IN });

  it('get_cn_audit_status: gtld=1 asks for the CNNIC gTLD audit', () => {
    expect(getCnAuditStatus.toApi(getCnAuditStatus.input.parse({ contact_id: 2, gtld: true }))).toEqual({ contact_id: '2', gtld: '1' });
    expect(getCnAuditStatus.toApi(getCnAuditStatus.input.parse({ contact_id: 2, gtld: false }))).toEqual({ contact_id: '2' });
  });
});

describe('condense', () => {
  it('get_cn_audit_status: the status, envelope dropped', () => {
    expect(condenseExample(getCnAuditStatus, { contact_id: 2 })).toEqual({ contact_id: 2, status: 'pass' });
  });

  it('get_cn_audit_status: a failed audit carries its reason', () => {
    const body = { ResponseCode: '0', Status: 'success', CnAuditStatus: 'Failed', FailedReason: 'ID card image unreadable' };
    expect(getCnAuditStatus.condense(body, { contact_id: 1 })).toEqual({ contact_id: 1, status: 'failed', failed_reason: 'ID card image unreadable' });
  });
});

describe('simulator', () => {
  simulatorShapeCase(getCnAuditStatus, (q) => ({ ...q, ...STAND_IN }));

  it('get_cn_audit_status: the simulator refuses a contact without an audit', () => {
    const answer = simulate('get_cn_audit_status', { contact_id: '0' }) as { GetCnAuditStatusResponse: Json };
    expect(answer.GetCnAuditStatusResponse).toMatchObject({ ResponseCode: '-1', Error: 'contact 0 has no cn audit' });
  });
});

describe('through the client', () => {
  it('get_cn_audit_status: the seeded enterprise contact has passed', async () => {
    expect(await ok('get_cn_audit_status', { contact_id: 2, gtld: true })).toEqual({ contact_id: 2, status: 'pass' });
    expect(sent('get_cn_audit_status')[0]?.params).toEqual({ contact_id: '2', gtld: '1' });
  });

  it('get_cn_audit_status: a failed audit, with the reason', async () => {
    const li = account().contacts.get(2);
    if (!li) throw new Error('seed changed');
    li.cnAudit = { contactType: 'Enterprise', status: 'failed', failedReason: 'licence expired' };
    expect(await ok('get_cn_audit_status', { contact_id: 2 })).toEqual({ contact_id: 2, status: 'failed', failed_reason: 'licence expired' });
  });

  it('get_cn_audit_status: no audit, or no such contact, is an error', async () => {
    expect((await fail('get_cn_audit_status', { contact_id: 0 })).message).toMatch(/no cn audit/);
    expect((await fail('get_cn_audit_status', { contact_id: 9 })).error).toBe('not_found');
  });
});

describe('safety', () => {
  pinEffect(getCnAuditStatus, 'read');
  badInputSweep(getCnAuditStatus, { contact_id: 2, gtld: true }, { mustTry: [/^get_cn_audit_status gtld: wrong type/] });
});
