import { describe, expect, it } from 'vitest';
import orderList from '../../../tools/orders/order_list.js';
import { badInputSweep, condenseExample, exampleQueryCase, type Json, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, fail, sent, account } = useHarness();
const toApi = (args: Record<string, unknown>) => orderList.toApi(orderList.input.parse(args));
const today = () => new Date().toISOString().slice(0, 10);

describe('toApi', () => {
  exampleQueryCase(orderList, { search: { by: 'date_range', from: '2024-01-01', to: '2024-01-31' }, payment_methods: ['account_balance', 'credit_card'] });

  it('order_list: by domain and by order id; no payment method means every one', () => {
    const domain = toApi({ search: { by: 'domain', domain: 'Acme-Widgets.com' } });
    expect(domain).toMatchObject({ search_by: 'domain', domain: 'acme-widgets.com' });
    expect(domain.payment_method?.split(',')).toEqual(expect.arrayContaining(['account_balance', 'credit_card', 'paypal', 'payflow_credit_card2']));
    expect(toApi({ search: { by: 'order_id', order_id: 0 }, payment_methods: ['paypal'] })).toEqual({
      search_by: 'order_id',
      order_id: '0',
      payment_method: 'paypal',
    });
  });

  it('order_list: without a search, the last 30 days up to today', () => {
    const params = toApi({});
    const from = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    expect(params).toMatchObject({ search_by: 'date_range', start_date: from.replace(/-/g, '/'), end_date: today().replace(/-/g, '/') });
  });

  it('order_list: each search takes its own fields, and dates that exist', () => {
    const bad = [
      { by: 'domain' },
      { by: 'order_id', domain: 'a.com' },
      { by: 'date_range', from: '2024-01-01', domain: 'a.com' },
      { by: 'date_range', from: '2024-02-30' },
      { by: 'date_range', from: '2024/01/01' },
      { by: 'date_range', from: '2024-02-01', to: '2024-01-01' },
      { by: 'date_range', from: '2024-01-01', status: 'x' },
    ];
    for (const search of bad) expect(orderList.input.safeParse({ search }).success, JSON.stringify(search)).toBe(false);
  });
});

describe('condense', () => {
  it('order_list: newest first, with the currency the order names, items and statuses in plain words', () => {
    expect(condenseExample(orderList)).toEqual({
      items: [
        { id: 123457, date: '2024-11-22', total: { amount: 100, currency: 'EUR' }, status: 'submitted' },
        {
          id: 123456,
          date: '2024-11-22',
          items: [
            { type: 'domain registration', name: 'test.com', years: 1, status: 'completed' },
            { type: 'domain renewal', name: 'test1.ac', years: 1, status: 'completed' },
            { type: 'domain transfer', name: 'test2.de', years: 1, status: 'completed' },
            { type: 'domain registration', name: 'test3.gg', years: 1, status: 'completed' },
            { type: 'domain renewal', name: 'test4.uk', years: 1, status: 'completed' },
            { type: 'domain transfer', name: 'test5.net', years: 1, status: 'completed' },
          ],
          total: { amount: 8, currency: 'USD' },
          status: 'problem',
        },
      ],
      page: 1,
      page_size: 20,
      total: 2,
      has_more: false,
    });
  });

  it('order_list: paged, with the true total', () => {
    expect(condenseExample(orderList, { page_size: 1 })).toMatchObject({ items: [{ id: 123457 }], total: 2, has_more: true });
    expect(condenseExample(orderList, { page: 2, page_size: 1 })).toMatchObject({ items: [{ id: 123456 }], total: 2, has_more: false });
  });
});

describe('simulator', () => {
  // The seeded orders are of the last weeks before the shape checks' clock (2026-01-15).
  simulatorShapeCase(orderList, (q) => ({ ...q, start_date: '2025/12/01', end_date: '2026/01/15' }));
});

describe('through the client', () => {
  it('order_list: a registration is an order of today, completed, with what it cost', async () => {
    await ok('register', { domain: 'brand-new-name.com', years: 2, confirm: true });
    const result = await ok('order_list', { search: { by: 'date_range', from: today() } });
    const order = account().orders.at(-1);
    expect(result.items[0]).toEqual({
      id: order?.id,
      date: today(),
      items: [{ type: 'domain registration', name: 'brand-new-name.com', years: 2, status: 'completed' }],
      total: { amount: 22.98, currency: 'USD' },
      status: 'completed',
    });
    expect(sent('order_list')[0]?.params).toMatchObject({ search_by: 'date_range', start_date: today().replace(/-/g, '/') });
  });

  it('order_list: by default the last 30 days; older orders by domain or id', async () => {
    const recent = await ok('order_list');
    expect(recent.items.map((o: Json) => o.items[0].name)).toEqual(['fresh-idea.xyz']);
    const older = await ok('order_list', { search: { by: 'domain', domain: 'widget.dev' } });
    expect(older).toMatchObject({ total: 1, items: [{ id: 998, total: { amount: 14.99, currency: 'USD' } }] });
    expect((await ok('order_list', { search: { by: 'order_id', order_id: 998 } })).items).toEqual(older.items);
    expect(await ok('order_list', { search: { by: 'domain', domain: 'acme-widgets.com' } })).toMatchObject({ items: [], total: 0 });
  });

  it('order_list: a bulk registration is one order with an item per name; payment methods filter', async () => {
    await ok('bulk_register', { domains: ['brand-new-name.com', 'second-brand.net'], confirm: true });
    const { items } = await ok('order_list', { search: { by: 'domain', domain: 'second-brand.net' } });
    expect(items).toHaveLength(1);
    expect(items[0].items.map((i: Json) => i.name)).toEqual(['brand-new-name.com', 'second-brand.net']);
    expect(items[0].total).toEqual({ amount: 23.98, currency: 'USD' });
    const byCard = await ok('order_list', { search: { by: 'domain', domain: 'second-brand.net' }, payment_methods: ['credit_card', 'paypal'] });
    expect(byCard.total).toBe(0);
  });

  it('order_list: a search api3 cannot read is refused before it is sent', async () => {
    const error = await fail('order_list', { search: { by: 'domain' } });
    expect(error).toMatchObject({ error: 'invalid_input', message: expect.stringMatching(/search\.domain: required with by domain/) });
    expect(sent('order_list')).toEqual([]);
  });
});

describe('safety', () => {
  pinEffect(orderList, 'read');
  badInputSweep(orderList, {
    search: { by: 'date_range', from: '2026-01-01', to: '2026-01-31' },
    payment_methods: ['account_balance'],
    page: 1,
    page_size: 10,
  });
});
