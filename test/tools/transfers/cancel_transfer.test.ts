import { describe, expect, it } from 'vitest';
import cancelTransfer from '../../../tools/transfers/cancel_transfer.js';
import { badInputSweep, confirmGateCases, exampleQueryCase, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, sent, account } = useHarness();
/** The seed's transfer in of acme.com, stuck on a code its registrar refused (order 997). */
const STUCK = { domain: 'acme.com' };

describe('toApi', () => {
  exampleQueryCase(cancelTransfer, { domain: 'domain4.com' });

  it('cancel_transfer: the order id when given', () => {
    expect(cancelTransfer.toApi(cancelTransfer.input.parse({ domain: 'a.com', order_id: 12 }))).toEqual({ domain: 'a.com', order_id: '12' });
  });
});

describe('simulator', () => {
  simulatorShapeCase(cancelTransfer, (q) => ({ ...q, domain: 'acme.com' }));
});

describe('through the client', () => {
  it('cancel_transfer: the order is cancelled, the fee back on the balance, and the status says so', async () => {
    const balance = account().balance;
    expect(await ok('cancel_transfer', { ...STUCK, confirm: true })).toEqual({ domain: 'acme.com', cancelled: true });
    // The order the preview showed was bound into the call.
    expect(sent('cancel_transfer')[0]?.params).toEqual({ domain: 'acme.com', order_id: '997' });
    expect(account().balance).toBeCloseTo(balance + 10.99, 2);
    expect(account().orders.find((o) => o.id === 997)?.status).toBe('Cancelled');
    expect((await ok('get_transfer_status', STUCK)).transfers).toEqual([expect.objectContaining({ order_id: 997, status: 'cancelled' })]);
  });

  it('cancel_transfer: a transfer already waiting at the registry is refused in the preview, nothing sent', async () => {
    const stuck = account().transfers.find((t) => t.domain === 'acme.com');
    if (stuck) Object.assign(stuck, { status: 'waiting', since: Date.now() });
    const { preview } = await ok('cancel_transfer', { ...STUCK, confirm: true });
    expect(preview.refused_because).toEqual([expect.stringMatching(/is waiting: api3 cancels only/)]);
    expect(sent('cancel_transfer')).toEqual([]);
  });

  it('cancel_transfer: no transfer, or an order of another domain, is refused', async () => {
    const none = await ok('cancel_transfer', { domain: 'widgets.com' });
    expect(none.preview.refused_because).toEqual([expect.stringMatching(/no single transfer/)]);
    const other = await ok('cancel_transfer', { domain: 'acme.com', order_id: 4 });
    expect(other.preview.refused_because).toEqual([expect.stringMatching(/no transfer order 4/)]);
    expect(sent('cancel_transfer')).toEqual([]);
  });

  it("cancel_transfer preview: the status in plain words and that the fee is api3's to handle", async () => {
    const { preview } = await ok('cancel_transfer', STUCK);
    expect(preview.details).toEqual({
      order_id: 997,
      status: 'auth code needed',
      meaning: expect.stringMatching(/set_transfer_auth_code/),
      fee: expect.stringMatching(/Dynadot's \(api3's\) handling/),
    });
  });
});

describe('safety', () => {
  pinEffect(cancelTransfer, 'destructive');
  confirmGateCases(cancelTransfer, STUCK, ['get_transfer_status'], {
    otherArgs: { domain: 'acme.com', order_id: 997 },
    changeFacts: {
      what: 'the transfer moved on',
      change: (sim) => {
        const stuck = sim.transfers.find((t) => t.domain === 'acme.com');
        if (stuck) stuck.status = 'approved';
      },
    },
  });
  badInputSweep(cancelTransfer, { domain: 'acme.com', order_id: 997 });
});
