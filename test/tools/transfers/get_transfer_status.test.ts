import { describe, expect, it } from 'vitest';
import getTransferStatus from '../../../tools/transfers/get_transfer_status.js';
import { advanceTransfers, completeTransfer, TRANSFER_DAYS } from '../../../src/simulator/handlers/transfers.js';
import { DAY } from '../../../src/simulator/state.js';
import { badInputSweep, condenseExample, exampleQueryCase, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, fail, account } = useHarness();

describe('toApi', () => {
  exampleQueryCase(getTransferStatus, { domain: 'domian1.com', direction: 'in' });

  it('get_transfer_status: direction defaults to in', () => {
    expect(getTransferStatus.toApi(getTransferStatus.input.parse({ domain: 'a.com' }))).toEqual({ domain: 'a.com', transfer_type: 'in' });
  });
});

describe('condense', () => {
  it('get_transfer_status: each order with its status, and a status api3 does not explain kept with what to do', () => {
    expect(condenseExample(getTransferStatus, { domain: 'domian1.com' })).toEqual({
      transfers: [
        { status: 'teststatus', meaning: expect.stringMatching(/Dynadot emails/) },
        { status: 'teststatus2', meaning: expect.stringMatching(/Dynadot emails/) },
      ],
      hint: expect.stringMatching(/get_order_status/),
    });
  });

  it('get_transfer_status: numeric order ids are numbers, and every status of the document has plain words', () => {
    const body = {
      ResponseCode: 0,
      Status: 'success',
      TransferList: ['none', 'approved', 'waiting', 'auth code needed'].map((s, i) => ({ OrderId: String(100 + i), TransferStatus: s })),
    };
    const { transfers } = getTransferStatus.condense(body, { domain: 'a.com', direction: 'in' });
    expect(transfers.map((t) => t.order_id)).toEqual([100, 101, 102, 103]);
    expect(transfers[0]?.meaning).toMatch(/can be cancelled/);
    expect(transfers[2]?.meaning).toMatch(/can no longer be cancelled/);
    expect(transfers[3]?.meaning).toMatch(/set_transfer_auth_code/);
  });
});

describe('simulator', () => {
  simulatorShapeCase(getTransferStatus, (q) => ({ ...q, domain: 'acme-widgets.net', transfer_type: 'away' }));
});

describe('through the client', () => {
  it('get_transfer_status: a transfer in goes none, waiting, completed with the simulator clock', async () => {
    const { order_id } = await ok('transfer', { domain: 'widgets.com', auth_code: 'Wdg-7Kq2-Xp9z', confirm: true });
    expect(await ok('get_transfer_status', { domain: 'widgets.com' })).toEqual({
      transfers: [{ order_id, status: 'none', meaning: expect.stringMatching(/can be cancelled/) }],
      hint: expect.stringMatching(/get_order_status/),
    });
    const started = account().transfers.at(-1);
    if (!started) throw new Error('no transfer');
    advanceTransfers(account(), started.since + 2 * 3_600_000);
    expect((await ok('get_transfer_status', { domain: 'widgets.com' })).transfers[0].status).toBe('waiting');
    advanceTransfers(account(), started.since + (TRANSFER_DAYS + 1) * DAY);
    expect((await ok('get_transfer_status', { domain: 'widgets.com' })).transfers[0].status).toBe('completed');
    expect(account().domains.has('widgets.com')).toBe(true);
  });

  it('get_transfer_status away: the request another registrar made', async () => {
    expect(await ok('get_transfer_status', { domain: 'acme-widgets.net', direction: 'away' })).toMatchObject({
      transfers: [{ order_id: 7001, status: 'pending' }],
    });
  });

  it('get_transfer_status: no transfer is an empty list; the test control completes one', async () => {
    expect(await ok('get_transfer_status', { domain: 'acme-widgets.com' })).toEqual({ transfers: [] });
    expect(() => completeTransfer(account(), 'acme-widgets.com')).toThrow(/no transfer/);
  });

  it('get_transfer_status: a bad direction is refused by name', async () => {
    expect(await fail('get_transfer_status', { domain: 'a.com', direction: 'sideways' })).toMatchObject({
      error: 'invalid_input',
      message: expect.stringMatching(/direction/),
    });
  });
});

describe('safety', () => {
  pinEffect(getTransferStatus, 'read');
  badInputSweep(getTransferStatus, { domain: 'widgets.com', direction: 'away' });
});

describe('served names', () => {
  it("get_transfer_status: the hint's get_order_status says how to reach it where the orders toolset is off", async () => {
    const { startHarness } = await import('../../helpers/harness.js');
    const only = await startHarness({ toolsets: ['transfers'] });
    try {
      const answer = await only.ok<{ hint?: string }>('get_transfer_status', { domain: 'acme.com' });
      expect(answer.hint).toMatch(/get_order_status.*toolset orders/);
    } finally {
      await only.close();
    }
    expect((await ok('get_transfer_status', { domain: 'acme.com' })).hint).toBe('get_order_status with the order_id shows the order and what it cost.');
  });
});
