import { describe, expect, it } from 'vitest';
import setTransferAuthCode from '../../../tools/transfers/set_transfer_auth_code.js';
import { badInputSweep, exampleQueryCase, pinEffect, simulatorShapeCase, smugglingCase, useHarness } from '../../helpers/tool-test.js';

const { ok, fail, sent, account } = useHarness();

describe('toApi', () => {
  exampleQueryCase(setTransferAuthCode, { domain: 'domain4.com', auth_code: 'testauthcode' });

  it('set_transfer_auth_code: the order id when given', () => {
    expect(setTransferAuthCode.toApi(setTransferAuthCode.input.parse({ domain: 'a.com', auth_code: 'abc', order_id: 7 }))).toEqual({
      domain: 'a.com',
      auth_code: 'abc',
      order_id: '7',
    });
  });
});

describe('condense', () => {
  it('set_transfer_auth_code: a short confirmation without the code', () => {
    expect(setTransferAuthCode.condense({ ResponseCode: '0', Status: 'success' }, { domain: 'a.com', auth_code: 'secret-1' })).toEqual({
      domain: 'a.com',
      auth_code_sent: true,
    });
  });
});

describe('simulator', () => {
  simulatorShapeCase(setTransferAuthCode, (q) => ({ ...q, domain: 'acme.com' }));
});

describe('through the client', () => {
  it('set_transfer_auth_code: the right code moves a stuck transfer on; the answer never holds the code', async () => {
    const answer = await ok('set_transfer_auth_code', { domain: 'acme.com', auth_code: 'Acme-Else-5521', order_id: 997 });
    expect(answer).toEqual({ domain: 'acme.com', auth_code_sent: true });
    expect(sent('set_transfer_auth_code')[0]?.params).toEqual({ domain: 'acme.com', auth_code: 'Acme-Else-5521', order_id: '997' });
    expect((await ok('get_transfer_status', { domain: 'acme.com' })).transfers[0]).toMatchObject({ order_id: 997, status: 'none' });
    expect(account().transfers.find((t) => t.domain === 'acme.com')?.authCode).toBe('Acme-Else-5521');
  });

  it('set_transfer_auth_code: a wrong code leaves it needing one; no transfer is refused', async () => {
    await ok('set_transfer_auth_code', { domain: 'acme.com', auth_code: 'still-wrong' });
    expect((await ok('get_transfer_status', { domain: 'acme.com' })).transfers[0].status).toBe('auth code needed');
    expect(await fail('set_transfer_auth_code', { domain: 'widgets.com', auth_code: 'Wdg-7Kq2-Xp9z' })).toMatchObject({
      message: expect.stringMatching(/no transfer order/),
    });
  });
});

describe('safety', () => {
  pinEffect(setTransferAuthCode, 'write');
  badInputSweep(setTransferAuthCode, { domain: 'acme.com', auth_code: 'Acme-Else-5521', order_id: 997 });
  smugglingCase(setTransferAuthCode, { domain: 'acme.com', auth_code: 'a&b=c' }, 'auth_code', 'a&b=c');
});
