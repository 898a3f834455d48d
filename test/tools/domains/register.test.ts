import { describe, expect, it } from 'vitest';
import register from '../../../tools/domains/register.js';
import { YEAR } from '../../../src/simulator/state.js';
import {
  badInputSweep,
  condenseExample,
  confirmGateCases,
  exampleQueryCase,
  iso,
  type Json,
  pinEffect,
  simulatorShapeCase,
  smugglingCase,
  useHarness,
} from '../../helpers/tool-test.js';

const { ok, call, sent, account, domain, h } = useHarness();
const toApi = (args: Record<string, unknown>) => register.toApi(register.input.parse(args));

describe('toApi', () => {
  exampleQueryCase(register, { domain: 'domain1.net', years: 3, currency: 'USD' });

  it('register: contacts by role, premium, coupon and the .at/.be options', () => {
    expect(
      toApi({
        domain: 'example.at',
        years: 1,
        premium: true,
        coupon: 'SAVE1',
        contacts: { registrant: 1, admin: 2, technical: 3, billing: 4 },
        registrant_name: 'Max Mustermann',
        registrant_organization: 'Muster GmbH',
      }),
    ).toEqual({
      domain: 'example.at',
      duration: '1',
      premium: '1',
      coupon: 'SAVE1',
      registrant_contact: '1',
      admin_contact: '2',
      technical_contact: '3',
      billing_contact: '4',
      option0: 'Max Mustermann',
      option1: 'Muster GmbH',
    });
  });

  it('register: contact id 0 is a real contact and is sent', () => {
    expect(toApi({ domain: 'a.com', years: 1, contacts: { registrant: 0 } })).toEqual({
      domain: 'a.com',
      duration: '1',
      registrant_contact: '0',
    });
  });

  it('register: years must be 1 to 10', () => {
    expect(() => register.input.parse({ domain: 'a.com', years: 0 })).toThrow();
    expect(() => register.input.parse({ domain: 'a.com', years: 11 })).toThrow();
    expect(() => register.input.parse({ domain: 'a.com', years: 1.5 })).toThrow();
  });
});

describe('condense', () => {
  it('register: the domain and its new expiry', () => {
    expect(condenseExample(register, { domain: 'domain1.net', years: 3, currency: 'USD' })).toEqual({
      domain: 'domain1.net',
      expires: '2016-03-19T09:19:05Z',
      registered: true,
    });
  });
});

describe('simulator', () => {
  simulatorShapeCase(register, (q) => ({ ...q, domain: 'brand-new-name.net' }));
});

describe('through the client', () => {
  it('register with confirm: charges the balance and adds the domain', async () => {
    const before = account().balance;
    const result = await ok('register', { domain: 'brand-new-name.com', years: 2, confirm: true });
    const sim = domain('brand-new-name.com');
    expect(result).toEqual({ domain: 'brand-new-name.com', expires: iso(sim.expiration), registered: true, charged: { amount: 22.98, currency: 'USD' } });
    // The first year at 10.99, the second at the renewal price, 11.99.
    expect(account().balance).toBeCloseTo(before - 10.99 - 11.99, 2);
    expect(sim.expiration - sim.registration).toBe(2 * YEAR);
    expect(account().orders.at(-1)).toMatchObject({ total: 22.98, status: 'Completed', items: [{ type: 'Domain Registration', name: 'brand-new-name.com', years: 2, cost: 22.98 }] });
    expect(sent('register')[0]?.params).toEqual({ domain: 'brand-new-name.com', duration: '2' });
  });

  it('register with confirm and contacts by role', async () => {
    await ok('register', { domain: 'second-brand.net', years: 1, contacts: { registrant: 1, admin: 1 }, confirm: true });
    expect(domain('second-brand.net').contacts).toEqual({ registrant: 1, admin: 1, technical: 0, billing: 0 });
  });

  it('the result says what was charged, read from the balance before and after', async () => {
    const result = await ok('register', { domain: 'brand-new-name.com', years: 1, confirm: true });
    expect(result.charged).toEqual({ amount: 10.99, currency: 'USD' });
  });
});

describe('previews that check: what api3 would refuse gets no confirmation id, and nothing is sent', () => {
  const refused = async (args: Record<string, unknown>, reason: RegExp) => {
    const { preview } = await ok('register', { ...args, confirm: true });
    expect(preview.refused_because).toEqual(expect.arrayContaining([expect.stringMatching(reason)]));
    expect(preview).not.toHaveProperty('confirmation_id');
    expect(preview.why_not_sent).toBeUndefined();
    expect(sent('register')).toHaveLength(0);
    expect(account().balance).toBe(300);
  };

  it('a name that is taken', () => refused({ domain: 'google.com', years: 1 }, /not available/));
  it('an unknown contact id', () => refused({ domain: 'brand-new-name.org', years: 1, contacts: { registrant: 99 } }, /no contact 99/));
  it('a premium name without premium: true', () => refused({ domain: 'best.ai', years: 1 }, /premium name/));
  it('a balance below the total', () => refused({ domain: 'brand-new-name.io', years: 10 }, /does not cover/));

  it('a premium name with premium: true and the balance for it goes through the preview', async () => {
    // A premium name's renewal price is its own: live api3's search sentence says it (tld_price cannot).
    h().simulator.setDialect('live');
    account().balance = 10_000;
    const { preview } = await ok('register', { domain: 'best.ai', years: 1, premium: true });
    expect(preview.confirmation_id).toMatch(/^c1\./);
    expect(preview.details).toMatchObject({ premium: true, total: { amount: 4999, currency: 'USD' } });
  });
});

describe('safety', () => {
  pinEffect(register, 'destructive');
  confirmGateCases(register, { domain: 'brand-new-name.com', years: 2 }, ['search', 'tld_price', 'account_info', 'contact_list', 'get_account_balance'], {
    otherArgs: { domain: 'brand-new-name.com', years: 3 },
    changeFacts: {
      what: 'a price rise',
      change: (sim) => {
        sim.tldPrices = sim.tldPrices.map((p) => (p.tld === 'com' ? { ...p, register: p.register + 5 } : p));
      },
    },
    writes: ['register'],
  });

  it('register preview: price per year and total, balance before and after, the contacts the domain will get', async () => {
    const result = await call('register', { domain: 'brand-new-name.com', years: 2, contacts: { registrant: 1 } });
    const { details } = (result.structuredContent as Json).preview;
    expect(details).toMatchObject({
      years: 2,
      first_year_price: { amount: 10.99, currency: 'USD' },
      // The document's search answer gives no renewal price: tld_price's for .com, 10.99 + 11.99.
      renewal_price: { amount: 11.99, currency: 'USD' },
      total: { amount: 22.98, currency: 'USD' },
      balance_before: { amount: 300, currency: 'USD' },
      balance_after: { amount: 277.02, currency: 'USD' },
      contacts: { registrant: 1, admin: 0, technical: 0, billing: 0 },
    });
  });

  it('register: other invalid input is refused before anything is sent', async () => {
    const args = { domain: 'not a domain', years: 1, confirm: true };
    const result = await call('register', args);
    expect(result.isError, JSON.stringify(args)).toBe(true);
    expect(h().simulator.requests).toEqual([]);
  });

  badInputSweep(
    register,
    {
      domain: 'brand-new-name.com',
      years: 1,
      currency: 'USD',
      premium: false,
      coupon: 'SAVE10',
      contacts: { registrant: 0, admin: 0, technical: 0, billing: 0 },
      registrant_name: 'Jane Doe',
      registrant_organization: 'Acme Widgets',
    },
    {
      mustTry: [
        /^register years: below minimum 1$/,
        /^register years: above maximum 10$/,
        /^register contacts\.registrant: below minimum 0$/,
        /^register currency: outside enum/,
        /^register domain: missing required property$/,
        /^register confirm: confirm "true"$/,
      ],
    },
  );
  smugglingCase(register, { domain: 'brand-new-name.com', years: 1, coupon: 'a&b=c', confirm: true }, 'coupon', 'a&b=c');
});

describe('no price, no confirmation (issue 15)', () => {
  it('register: a TLD Dynadot does not sell gives no id, saying so, and nothing is sent', async () => {
    const { preview } = await ok('register', { domain: 'quillbyte.tech', years: 1, confirm: true });
    expect(preview.refused_because).toEqual([expect.stringMatching(/Dynadot does not sell \.tech domains/)]);
    expect(preview).not.toHaveProperty('confirmation_id');
    expect(sent('register')).toEqual([]);
  });

  it('register: a price in no wording we read gives no id', async () => {
    h().simulator.injectAnswer({
      command: 'search',
      times: 5,
      body: { SearchResponse: { ResponseCode: '0', SearchResults: [{ DomainName: 'brand-new-name.com', Available: 'yes', Price: 'call for price' }] } },
    });
    const { preview } = await ok('register', { domain: 'brand-new-name.com', years: 1, confirm: true });
    expect(preview.refused_because).toEqual([expect.stringMatching(/no price, no confirmation: the first-year price of brand-new-name.com could not be read/)]);
    expect(preview).not.toHaveProperty('confirmation_id');
    expect(sent('register')).toEqual([]);
  });

  it('register: the preview shows the renewal price beside the first-year price', async () => {
    const { preview } = await ok('register', { domain: 'brand-new-name.co', years: 1 });
    expect(preview.details).toMatchObject({ first_year_price: { amount: 11.99, currency: 'USD' }, renewal_price: { amount: 27.99, currency: 'USD' }, total: { amount: 11.99, currency: 'USD' } });
    expect(preview.confirmation_id).toMatch(/^c1\./);
  });
});
