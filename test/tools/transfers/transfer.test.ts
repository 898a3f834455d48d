import { describe, expect, it } from 'vitest';
import transfer from '../../../tools/transfers/transfer.js';
import { completeTransfer } from '../../../src/simulator/handlers/transfers.js';
import {
  badInputSweep,
  condenseExample,
  confirmGateCases,
  exampleQueryCase,
  type Json,
  pinEffect,
  simulatorShapeCase,
  smugglingCase,
  useHarness,
} from '../../helpers/tool-test.js';

const { ok, call, sent, account, domain, h } = useHarness();
/** The code widgets.com's registrar gave its owner (the simulator's seed). */
const CODE = 'Wdg-7Kq2-Xp9z';

describe('toApi', () => {
  exampleQueryCase(transfer, { domain: 'domian1.com', auth_code: 'testauth', currency: 'USD', coupon: 'testcoupon' });

  it('transfer: the auth code travels as auth, nothing else is added', () => {
    expect(transfer.toApi(transfer.input.parse({ domain: 'Widgets.com', auth_code: CODE }))).toEqual({ domain: 'widgets.com', auth: CODE });
  });

  it('transfer: what the domain gets once it arrives, as api3 spells it', () => {
    const args = transfer.input.parse({ domain: 'widgets.com', auth_code: CODE, name_servers: ['ns1.cloudhost.example', 'NS2.cloudhost.example'], contacts: { registrant: 1, billing: 2 }, privacy: false });
    expect(transfer.toApi(args)).toEqual({
      domain: 'widgets.com',
      auth: CODE,
      name_servers: 'ns1.cloudhost.example,ns2.cloudhost.example',
      privacy: 'off',
      registrant_contact: '1',
      billing_contact: '2',
    });
    expect(transfer.toApi(transfer.input.parse({ domain: 'widgets.com', auth_code: CODE, privacy: true })).privacy).toBe('on');
    expect(() => transfer.input.parse({ domain: 'widgets.com', auth_code: CODE, name_servers: Array.from({ length: 14 }, (_, i) => `ns${i}.example.com`) })).toThrow();
  });
});

describe('condense', () => {
  it('transfer: the domain and the order that carries it', () => {
    expect(condenseExample(transfer, { domain: 'domian1.com', auth_code: 'testauth' })).toEqual({ domain: 'domain1.com', order_id: 1234567 });
  });
});

describe('simulator', () => {
  simulatorShapeCase(transfer, (q) => ({ ...q, domain: 'widgets.com', coupon: 'MOVE2' }));
});

describe('through the client', () => {
  it('transfer with confirm: charges the transfer price, the order is pending, and the domain arrives when it completes', async () => {
    const before = account().balance;
    const result = await ok('transfer', { domain: 'widgets.com', auth_code: CODE, confirm: true });
    expect(result).toEqual({ domain: 'widgets.com', order_id: expect.any(Number), charged: { amount: 10.99, currency: 'USD' } });
    expect(account().balance).toBeCloseTo(before - 10.99, 2);
    expect(account().orders.at(-1)).toMatchObject({
      id: result.order_id,
      status: 'Processing',
      items: [{ type: 'Domain Transfer', name: 'widgets.com', cost: 10.99 }],
    });
    expect(account().domains.has('widgets.com')).toBe(false);
    completeTransfer(account(), 'widgets.com');
    expect(domain('widgets.com').locked).toBe(true);
    expect(account().orders.at(-1)?.status).toBe('Completed');
  });

  it('transfer with name servers, contacts and privacy: the preview shows them; the domain arrives with them', async () => {
    const args = { domain: 'widgets.com', auth_code: CODE, name_servers: ['ns1.cloudhost.example', 'ns2.cloudhost.example'], contacts: { registrant: 1 }, privacy: false };
    const { preview } = await ok('transfer', args);
    expect(preview.details.once_it_arrives).toEqual({ name_servers: ['ns1.cloudhost.example', 'ns2.cloudhost.example'], contacts: { registrant: 1 }, privacy: 'off' });
    await ok('transfer', { ...args, confirm: true });
    completeTransfer(account(), 'widgets.com');
    const { domain: arrived } = await ok('domain_info', { domain: 'widgets.com' });
    expect(arrived.name_servers).toEqual({ type: 'name_servers', name_servers: ['ns1.cloudhost.example', 'ns2.cloudhost.example'] });
    expect(arrived.contacts).toMatchObject({ registrant: 1 });
    expect(arrived.privacy).toBe('off');
  });

  it('transfer without name servers: the preview warns that the account defaults replace DNS served elsewhere', async () => {
    const { preview } = await ok('transfer', { domain: 'widgets.com', auth_code: CODE });
    expect(preview.details.once_it_arrives).toEqual({ name_servers: expect.stringMatching(/account's defaults .*stops answering unless given here/) });
  });

  it('transfer with a contact id the account does not have: no confirmation, nothing sent', async () => {
    const { preview } = await ok('transfer', { domain: 'widgets.com', auth_code: CODE, contacts: { admin: 99 } });
    expect(preview.confirmation_id).toBeUndefined();
    expect(preview.refused_because).toEqual([expect.stringMatching(/no contact 99 \(for admin\)/)]);
    expect(sent('transfer')).toEqual([]);
  });

  it('transfer with a code the other registrar refuses: the order waits with status auth code needed', async () => {
    await ok('transfer', { domain: 'widgets.com', auth_code: 'not-the-code', confirm: true });
    const { transfers } = await ok('get_transfer_status', { domain: 'widgets.com' });
    expect(transfers).toEqual([expect.objectContaining({ status: 'auth code needed', meaning: expect.stringMatching(/set_transfer_auth_code/) })]);
  });
});

describe('safety', () => {
  pinEffect(transfer, 'destructive');
  confirmGateCases(transfer, { domain: 'widgets.com', auth_code: CODE }, ['list_domain', 'search', 'tld_price', 'get_account_balance'], {
    otherArgs: { domain: 'acme.com', auth_code: 'Acme-Else-5521' },
    changeFacts: {
      what: 'a transfer price rise',
      change: (sim) => {
        sim.tldPrices = sim.tldPrices.map((p) => (p.tld === 'com' ? { ...p, transfer: p.transfer + 3 } : p));
      },
    },
  });

  it('transfer preview: the transfer price, the balance before and after, and what api3 tells of a premium name', async () => {
    const { preview } = await ok('transfer', { domain: 'startup.io', auth_code: 'St4rtup-Io-88' });
    expect(preview.details).toMatchObject({
      transfer_price: { amount: 45.99, currency: 'USD' },
      balance_before: { amount: 300, currency: 'USD' },
      balance_after: { amount: 254.01, currency: 'USD' },
      premium: expect.stringMatching(/premium/),
      note: expect.stringMatching(/add a year/),
    });
    // The code is a secret: the preview shows *** where it goes.
    expect(preview.would_call.auth_code).toBe('***');
    expect(JSON.stringify(preview)).not.toContain('St4rtup-Io-88');
  });

  const refused = async (args: Record<string, unknown>, reason: RegExp) => {
    const { preview } = await ok('transfer', { ...args, confirm: true });
    expect(preview.refused_because).toEqual(expect.arrayContaining([expect.stringMatching(reason)]));
    expect(preview).not.toHaveProperty('confirmation_id');
    expect(sent('transfer')).toHaveLength(0);
    expect(account().balance).toBe(300);
  };
  it('a domain already in the account is refused', () => refused({ domain: 'acme-widgets.com', auth_code: 'whatever' }, /already in this account/));
  it('a name registered nowhere is refused: register it instead', () =>
    refused({ domain: 'brand-new-name.com', auth_code: 'whatever' }, /not registered anywhere/));
  it('a TLD Dynadot does not sell is refused', () => refused({ domain: 'quillbyte.tech', auth_code: 'whatever' }, /does not sell \.tech/));
  it('a balance below the price is refused', async () => {
    account().balance = 5;
    const { preview } = await ok('transfer', { domain: 'widgets.com', auth_code: CODE, confirm: true });
    expect(preview.refused_because).toEqual([expect.stringMatching(/does not cover/)]);
    expect(sent('transfer')).toHaveLength(0);
  });

  it('the spend cap refuses a transfer above it in the preview', async () => {
    const { startHarness } = await import('../../helpers/harness.js');
    const capped = await startHarness({ spendCap: 5 });
    try {
      const result = await capped.call('transfer', { domain: 'widgets.com', auth_code: CODE, confirm: true });
      const preview = (result.structuredContent as Json).preview;
      expect(preview.refused_because).toEqual([expect.stringMatching(/spend cap/)]);
      expect(capped.simulator.requests.filter((r) => r.command === 'transfer')).toEqual([]);
    } finally {
      await capped.close();
    }
  });

  badInputSweep(
    transfer,
    { domain: 'widgets.com', auth_code: CODE, currency: 'USD', coupon: 'MOVE2', name_servers: ['ns1.cloudhost.example'], contacts: { registrant: 0, admin: 0, technical: 0, billing: 0 }, privacy: true },
    {
      mustTry: [/^transfer domain: missing required property$/, /^transfer auth_code: missing required property$/, /^transfer currency: outside enum/],
    },
  );
  smugglingCase(transfer, { domain: 'widgets.com', auth_code: 'a&b=c#d', confirm: true }, 'auth', 'a&b=c#d');

  it('transfer: invalid input reaches nothing', async () => {
    const result = await call('transfer', { domain: 'widgets.com', auth_code: '', confirm: true });
    expect(result.isError).toBe(true);
    expect(h().simulator.requests).toEqual([]);
  });
});
