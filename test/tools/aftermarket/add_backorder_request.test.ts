import { describe, expect, it } from 'vitest';
import { dropBackorder, endAuction } from '../../../src/simulator/handlers/aftermarket.js';
import addBackorderRequest from '../../../tools/aftermarket/add_backorder_request.js';
import { badInputSweep, confirmGateCases, exampleQueryCase, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, account } = useHarness();

describe('toApi', () => {
  exampleQueryCase(addBackorderRequest, { domains: ['droppingdomain.com', 'domaindropping.net', 'domaindrop.org'] });
});

describe('simulator', () => {
  simulatorShapeCase(addBackorderRequest);
});

describe('through the client', () => {
  it('add_backorder_request preview: nothing is charged now, what happens if caught, the balance', async () => {
    const { preview } = await ok('add_backorder_request', { domains: ['next-drop.com', 'expiring-soon.com'] });
    expect(preview.details).toMatchObject({
      domains: ['next-drop.com', 'expiring-soon.com'],
      already_requested: ['expiring-soon.com'],
      charged_now: 'nothing',
      if_caught: expect.stringMatching(/pay/),
      balance: { amount: 300 },
    });
  });

  it('add_backorder_request: the request drops into a backorder auction; bid, win, and the domain is in list_domain', async () => {
    const { preview } = await ok('add_backorder_request', { domains: ['next-drop.com'] });
    expect(await ok('add_backorder_request', { domains: ['next-drop.com'], confirm: true, confirmation_id: preview.confirmation_id })).toEqual({
      domains: ['next-drop.com'],
      requested: true,
    });
    dropBackorder(account(), 'next-drop.com', Date.now());
    const open = await ok('get_open_auctions', { type: 'backorder', name_contains: 'next-drop' });
    expect(open.items).toEqual([expect.objectContaining({ domain: 'next-drop.com', price: 10.99, bids: 0 })]);
    const bid = await ok('place_backorder_auction_bid', { domain: 'next-drop.com', bid: 15 });
    await ok('place_backorder_auction_bid', { domain: 'next-drop.com', bid: 15, confirm: true, confirmation_id: bid.preview.confirmation_id });
    const auction = account().aftermarket.auctions.find((a) => a.domain === 'next-drop.com');
    if (auction) endAuction(account(), auction, Date.now());
    expect((await ok('list_domain', { name_contains: 'next-drop' })).items).toEqual([expect.objectContaining({ name: 'next-drop.com' })]);
    expect((await ok('backorder_request_list')).items.find((b: { domain: string }) => b.domain === 'next-drop.com')).toMatchObject({ status: 'won' });
    expect((await ok('order_list', { search: { by: 'domain', domain: 'next-drop.com' } })).items[0]).toMatchObject({
      status: 'completed',
      total: { amount: 10.99 },
    });
  });
});

describe('safety', () => {
  pinEffect(addBackorderRequest, 'destructive');
  confirmGateCases(addBackorderRequest, { domains: ['next-drop.com'] }, ['backorder_request_list', 'get_account_balance'], {
    otherArgs: { domains: ['other-drop.net'] },
    changeFacts: {
      what: 'the name was backordered in the meantime',
      change: (sim) => {
        sim.aftermarket.backorders.push({ domain: 'next-drop.com', drop: Date.now() + 5 * 86_400_000, cutoff: Date.now() + 4 * 86_400_000, status: 'Active' });
      },
    },
  });
  badInputSweep(addBackorderRequest, { domains: ['next-drop.com', 'other-drop.net'] });
});
