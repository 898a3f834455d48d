import { describe, expect, it } from 'vitest';
import bulkRegister from '../../../tools/domains/bulk_register.js';
import { YEAR } from '../../../src/simulator/state.js';
import {
  badInputSweep,
  condenseExample,
  confirmGateCases,
  exampleQueryCase,
  iso,
  type Json,
  pinEffect,
  simulate,
  simulatorShapeCase,
  smugglingCase,
  useHarness,
} from '../../helpers/tool-test.js';

const { ok, call, sent, account, domain, h } = useHarness();
const toApi = (args: Record<string, unknown>) => bulkRegister.toApi(bulkRegister.input.parse(args));
const usd = (amount: number) => ({ amount, currency: 'USD' });

describe('toApi', () => {
  exampleQueryCase(bulkRegister, { domains: ['domain0.com', 'domain1.com'], currency: 'USD' });

  it('bulk_register: names as domain0.. in the order given, premium and coupon', () => {
    expect(toApi({ domains: ['c.net', 'a.com', 'b.org'], premium: true, coupon: 'SAVE1' })).toEqual({ domain0: 'c.net', domain1: 'a.com', domain2: 'b.org', premium: '1', coupon: 'SAVE1' });
    const hundred = Array.from({ length: 100 }, (_, i) => `name${i}.com`);
    expect(toApi({ domains: hundred }).domain99).toBe('name99.com');
    expect(() => bulkRegister.input.parse({ domains: [...hundred, 'one-more.com'] })).toThrow();
  });
});

describe('condense', () => {
  it('bulk_register: per name, in the order asked: registered with its expiry, or api3\'s reason', () => {
    expect(condenseExample(bulkRegister, { domains: ['domain0.com', 'domain1.com'], currency: 'USD' })).toEqual({
      items: [
        { domain: 'domain0.com', registered: true, expires: iso(1234567890) },
        { domain: 'domain1.com', registered: false, error: 'not_available' },
      ],
    });
  });

  it('bulk_register: a name api3 left out of its answer is said to be unanswered, not registered', () => {
    const body = { ResponseCode: 0, Status: 'success', BulkRegister: [{ DomainName: 'b.com', Expiration: '1700000000000', Result: 'success', Message: '-' }] };
    const { items } = bulkRegister.condense(body, bulkRegister.input.parse({ domains: ['a.com', 'b.com'] })) as Json;
    expect(items).toEqual([
      { domain: 'a.com', registered: false, error: expect.stringMatching(/not in the answer/) },
      { domain: 'b.com', registered: true, expires: iso(1700000000000) },
    ]);
  });
});

describe('simulator', () => {
  simulatorShapeCase(bulkRegister, (q) => ({ ...q, domain0: 'brand-new-name.com', domain1: 'google.com' }));

  it('bulk_register in the simulator: a balance short of the whole order registers nothing', () => {
    const answer = simulate('bulk_register', { domain0: 'a-new-name.io', domain1: 'b-new-name.io', domain2: 'c-new-name.io', domain3: 'd-new-name.io', domain4: 'e-new-name.io', domain5: 'f-new-name.io', domain6: 'g-new-name.io', domain7: 'h-new-name.io' });
    expect(answer.BulkRegisterResponse).toMatchObject({ ResponseCode: '-1', Error: expect.stringMatching(/Insufficient/) });
  });
});

describe('through the client', () => {
  it('bulk_register with confirm: every name registered for a year, in order, each with its price, and what was charged', async () => {
    const result = await ok<Json>('bulk_register', { domains: ['second-brand.net', 'brand-new-name.com', 'third-brand.org'], confirm: true });
    const expires = iso(domain('brand-new-name.com').expiration);
    expect(result).toEqual({
      items: [
        { domain: 'second-brand.net', registered: true, expires, price: usd(12.99) },
        { domain: 'brand-new-name.com', registered: true, expires, price: usd(10.99) },
        { domain: 'third-brand.org', registered: true, expires, price: usd(9.99) },
      ],
      charged: usd(33.97),
    });
    expect(account().balance).toBeCloseTo(300 - 33.97, 2);
    expect(domain('third-brand.org').expiration - domain('third-brand.org').registration).toBe(YEAR);
    expect((await ok<Json>('domain_info', { domain: 'second-brand.net' })).domain.name).toBe('second-brand.net');
    expect(sent('bulk_register').map((r) => r.params)).toEqual([{ domain0: 'second-brand.net', domain1: 'brand-new-name.com', domain2: 'third-brand.org' }]);
  });
});

describe('previews that check: what api3 would refuse gets no confirmation id, and nothing is sent', () => {
  const refused = async (args: Record<string, unknown>, reason: RegExp) => {
    const { preview } = await ok<Json>('bulk_register', { ...args, confirm: true });
    expect(preview.refused_because).toEqual(expect.arrayContaining([expect.stringMatching(reason)]));
    expect(preview).not.toHaveProperty('confirmation_id');
    expect(sent('bulk_register')).toHaveLength(0);
    expect(account().balance).toBe(300);
    return preview;
  };

  it('names that are taken are named', async () => {
    const preview = await refused({ domains: ['brand-new-name.com', 'google.com', 'acme-widgets.com'] }, /^not available to register: google\.com, acme-widgets\.com/);
    expect(preview.details.items).toEqual([
      { domain: 'brand-new-name.com', price: usd(10.99), renewal_price: usd(11.99) },
      { domain: 'google.com', available: false },
      { domain: 'acme-widgets.com', available: false },
    ]);
  });
  it('a premium name without premium: true', () => refused({ domains: ['brand-new-name.com', 'best.ai'] }, /premium names.*: best\.ai$/));
  it('a balance below the total', () => refused({ domains: Array.from({ length: 8 }, (_, i) => `new-name-${i}.io`) }, /does not cover 319\.92 USD/));
  // Issue 15: a name with no price (a TLD Dynadot does not sell) is not taken, and is no confirmation either.
  it('a name without a price', () => refused({ domains: ['brand-new-name.com', 'quillbyte.tech'] }, /^no price, no confirmation: the first-year price of quillbyte\.tech could not be read/));
  // Issue 15: what each name costs from its second year on is read too (one tld_price read for every TLD).
  it('a name whose renewal price cannot be read', async () => {
    // tld_price answers without the .net row: its renewal price is nowhere to be read.
    const comOnly = [{ Tld: 'com', Price: { Register: '10.99', Renew: '11.99' } }];
    h().simulator.injectAnswer({ command: 'tld_price', body: { TldPriceResponse: { ResponseCode: 0, Status: 'success', Currency: 'USD', TldPrice: comOnly } } });
    await refused({ domains: ['brand-new-name.com', 'second-brand.net'] }, /^no price, no confirmation: the renewal price of second-brand\.net could not be read/);
  });
});

describe('safety', () => {
  pinEffect(bulkRegister, 'destructive');
  confirmGateCases(bulkRegister, { domains: ['brand-new-name.com', 'second-brand.net'] }, ['search', 'tld_price', 'get_account_balance'], {
    otherArgs: { domains: ['second-brand.net', 'brand-new-name.com'] },
    changeFacts: {
      what: 'a price rise',
      change: (sim) => {
        sim.tldPrices = sim.tldPrices.map((p) => (p.tld === 'net' ? { ...p, register: p.register + 1 } : p));
      },
    },
  });

  it('bulk_register preview: every name with its price, the total, the balance before and after', async () => {
    const { details, refused_because } = ((await call('bulk_register', { domains: ['brand-new-name.com', 'best.ai'], premium: true })).structuredContent as Json).preview;
    // A premium name is priced on its own: without a renewal price in the search answer it has none.
    expect(refused_because).toEqual([
      expect.stringMatching(/does not cover 5009\.99 USD/),
      expect.stringMatching(/^no price, no confirmation: the renewal price of best\.ai could not be read/),
    ]);
    expect(details).toMatchObject({
      items: [
        { domain: 'brand-new-name.com', price: usd(10.99), renewal_price: usd(11.99) },
        { domain: 'best.ai', premium: true, price: usd(4999) },
      ],
      total: usd(5009.99),
      balance_before: usd(300),
      balance_after: usd(-4709.99),
    });
  });

  badInputSweep(bulkRegister, { domains: ['brand-new-name.com', 'second-brand.net'], currency: 'USD', premium: false, coupon: 'SAVE1' }, {
    mustTry: [/^bulk_register domains: oversized array \(101 items\)$/, /^bulk_register currency: outside enum/, /^bulk_register confirm: confirm "true"$/],
  });
  smugglingCase(bulkRegister, { domains: ['brand-new-name.com'], coupon: 'a&b=c', confirm: true }, 'coupon', 'a&b=c');
});
