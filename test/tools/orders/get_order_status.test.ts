import { describe, expect, it } from 'vitest';
import getOrderStatus from '../../../tools/orders/get_order_status.js';
import { badInputSweep, condenseExample, exampleQueryCase, type Json, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, fail, h } = useHarness();
const today = () => new Date().toISOString().slice(0, 10);

describe('toApi', () => {
  exampleQueryCase(getOrderStatus, { order_id: 0 });
});

describe('condense', () => {
  it('get_order_status: the status and each item, in plain words', () => {
    expect(condenseExample(getOrderStatus, { order_id: 0 })).toEqual({
      status: 'completed',
      items: [
        { type: 'domain transfer away', name: 'transfer.com', status: 'completed' },
        { type: 'domain', name: 'register.com', status: 'completed' },
      ],
    });
  });

  it('get_order_status: an order api3 has not finished says pending', () => {
    const body = { ResponseCode: 0, Status: 'success', OrderStatus: { OrderId: 7, OrderStatus: 'Waitpay', ItemList: [] } };
    expect(getOrderStatus.condense(body, { order_id: 7 })).toEqual({ status: 'waitpay', pending: true });
  });
});

describe('simulator', () => {
  simulatorShapeCase(getOrderStatus, (q) => ({ ...q, order_id: '999' }));
});

describe('through the client', () => {
  it('get_order_status: register, find the order in order_list for today, and it says completed', async () => {
    await ok('register', { domain: 'brand-new-name.com', years: 1, confirm: true });
    const { items } = await ok('order_list', { search: { by: 'date_range', from: today(), to: today() } });
    const order = items.find((o: Json) => o.items.some((i: Json) => i.name === 'brand-new-name.com'));
    expect(order.status).toBe('completed');
    expect(await ok('get_order_status', { order_id: order.id })).toEqual({
      status: 'completed',
      items: [{ type: 'domain', name: 'brand-new-name.com', status: 'completed' }],
    });
  });

  it('get_order_status: after a pending register answer, the order says pending', async () => {
    h().simulator.injectAnswer({ command: 'register', afterRunning: true, body: { RegisterResponse: { ResponseCode: '1', Status: 'order_pending_process' } } });
    const answer = await ok('register', { domain: 'brand-new-name.com', years: 1, confirm: true });
    // What the agent is told to do next names the two tools that follow the order up.
    expect(answer.pending.next_step).toMatch(/order_list.*get_order_status/);
    const { items } = await ok('order_list', { search: { by: 'domain', domain: 'brand-new-name.com' } });
    expect(items).toEqual([expect.objectContaining({ status: 'processing', date: today() })]);
    expect(await ok('get_order_status', { order_id: items[0].id })).toEqual({
      status: 'processing',
      pending: true,
      items: [{ type: 'domain', name: 'brand-new-name.com', status: 'processing' }],
    });
  });

  it('get_order_status: an order that does not exist is not_found, pointing at order_list', async () => {
    const error = await fail('get_order_status', { order_id: 4242 });
    expect(error.error).toBe('not_found');
    expect(error.hint).toMatch(/order_list/);
  });
});

describe('safety', () => {
  pinEffect(getOrderStatus, 'read');
  badInputSweep(getOrderStatus, { order_id: 999 });
});
