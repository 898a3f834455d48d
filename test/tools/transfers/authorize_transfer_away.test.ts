import { describe, expect, it } from 'vitest';
import authorizeTransferAway from '../../../tools/transfers/authorize_transfer_away.js';
import { YEAR } from '../../../src/simulator/state.js';
import { badInputSweep, condenseExample, confirmGateCases, exampleQueryCase, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, sent, account } = useHarness();
/** The seed's request of another registrar for acme-widgets.net. */
const ASKED = { domain: 'acme-widgets.net', order_id: 7001 };

describe('toApi', () => {
  exampleQueryCase(authorizeTransferAway, { domain: 'domain.com', authorize: 'approve', order_id: 123 });
});

describe('condense', () => {
  it('authorize_transfer_away: the result api3 gives', () => {
    expect(condenseExample(authorizeTransferAway, { domain: 'domain.com', authorize: 'approve', order_id: 123 })).toEqual({
      domain: 'domain.com',
      result: 'away_approved',
    });
  });
});

describe('simulator', () => {
  simulatorShapeCase(authorizeTransferAway, (q) => ({ ...q, domain: 'acme-widgets.net', order_id: '7001' }));
});

describe('through the client', () => {
  it('authorize_transfer_away approve, confirmed: the domain leaves the account', async () => {
    expect(await ok('authorize_transfer_away', { ...ASKED, authorize: 'approve', confirm: true })).toEqual({
      domain: 'acme-widgets.net',
      result: 'away_approved',
    });
    expect(account().domains.has('acme-widgets.net')).toBe(false);
    const { items } = await ok('list_domain', { page_size: 100 });
    expect(items.map((d: { name: string }) => d.name)).not.toContain('acme-widgets.net');
  });

  it('authorize_transfer_away deny is a write: sent at once, the domain stays', async () => {
    expect(await ok('authorize_transfer_away', { ...ASKED, authorize: 'deny' })).toEqual({ domain: 'acme-widgets.net', result: 'away_denied' });
    expect(sent('authorize_transfer_away')).toHaveLength(1);
    expect(account().domains.has('acme-widgets.net')).toBe(true);
    expect((await ok('get_transfer_status', { domain: 'acme-widgets.net', direction: 'away' })).transfers[0].status).toBe('denied');
  });

  it('authorize_transfer_away approve preview: the domain, the order, its status, and what api3 does not tell', async () => {
    const { preview } = await ok('authorize_transfer_away', { ...ASKED, authorize: 'approve' });
    expect(preview.details).toMatchObject({
      domain: 'acme-widgets.net',
      order_id: 7001,
      status: 'pending',
      gaining_side: expect.stringMatching(/api3 does not say/),
      note: expect.stringMatching(/leaves this account/),
    });
    expect(preview.confirmation_id).toMatch(/^c1\./);
  });

  it('authorize_transfer_away: an order that does not exist, or a domain not here, gets no confirmation', async () => {
    const wrong = await ok('authorize_transfer_away', { domain: 'acme-widgets.net', order_id: 1, authorize: 'approve', confirm: true });
    expect(wrong.preview.refused_because).toEqual([expect.stringMatching(/no transfer-away order 1/)]);
    const away = await ok('authorize_transfer_away', { domain: 'google.com', order_id: 7001, authorize: 'approve' });
    expect(away.preview.refused_because).toEqual(['google.com is not in this account']);
    expect(sent('authorize_transfer_away')).toEqual([]);
  });
});

describe('safety', () => {
  pinEffect(authorizeTransferAway, 'destructive', {
    confirmNeeded: [
      { args: { ...ASKED, authorize: 'approve' }, needed: true },
      { args: { ...ASKED, authorize: 'deny' }, needed: false },
    ],
  });
  confirmGateCases(authorizeTransferAway, { ...ASKED, authorize: 'approve' }, ['list_domain', 'get_transfer_status'], {
    otherArgs: { domain: 'widget.dev', order_id: 7002, authorize: 'approve' },
    prepareOther: (sim) => void sim.transfers.push({ direction: 'away', domain: 'widget.dev', orderId: 7002, status: 'pending', since: Date.now() }),
    changeFacts: {
      what: 'the expiry moved',
      change: (sim) => {
        const d = sim.domains.get('acme-widgets.net');
        if (d) d.expiration += YEAR;
      },
    },
  });
  badInputSweep(authorizeTransferAway, { ...ASKED, authorize: 'deny' });
});
