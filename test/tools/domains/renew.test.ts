import { describe, expect, it } from 'vitest';
import renew from '../../../tools/domains/renew.js';
import { seedAccount, YEAR } from '../../../src/simulator/state.js';
import {
  badInputSweep,
  condenseExample,
  confirmGateCases,
  exampleQueryCase,
  iso,
  type Json,
  NOW,
  pinEffect,
  simulate,
  simulatorShapeCase,
  smugglingCase,
  useHarness,
} from '../../helpers/tool-test.js';

const { ok, call, account, domain, h } = useHarness();
const toApi = (args: Record<string, unknown>) => renew.toApi(renew.input.parse(args));

describe('toApi', () => {
  // The document's renew example asks for "domian1.com" (a typo for domain1.com, its response
  // says domain1.com); the typo is still a valid domain name, so the example is reproduced as is.
  exampleQueryCase(renew, { domain: 'domian1.com', years: 1, currency: 'USD', coupon: 'testcoupon' });

  it('renew: years must be 1 to 10', () => {
    expect(() => renew.input.parse({ domain: 'a.com', years: 0 })).toThrow();
    expect(() => renew.input.parse({ domain: 'a.com', years: 11 })).toThrow();
    expect(() => renew.input.parse({ domain: 'a.com', years: 1.5 })).toThrow();
  });

  it('renew: expected expiry year and the late-fee guard', () => {
    expect(toApi({ domain: 'a.com', years: 2, expected_expiry_year: 2027, skip_if_late_fee: true })).toEqual({
      domain: 'a.com',
      duration: '2',
      year: '2027',
      no_renew_if_late_renew_fee_needed: '1',
    });
  });
});

describe('condense', () => {
  it('renew: the expiry as api3 gives it (a string of milliseconds)', () => {
    expect(condenseExample(renew, { domain: 'domain1.com', years: 1 })).toEqual({
      domain: 'domain1.com',
      expires: '1972-05-06T07:16:19Z',
      renewed: true,
    });
  });
});

describe('simulator', () => {
  // The seeded account has no coupon "testcoupon"; SAVE1 is its coupon.
  simulatorShapeCase(renew, (q) => ({ ...q, domain: 'acme-widgets.com', coupon: 'SAVE1' }));

  it('renew with price_check quotes the price without renewing', () => {
    const sim = seedAccount(NOW);
    const before = sim.domains.get('acme-widgets.com')?.expiration;
    const actual = simulate('renew', { domain: 'acme-widgets.com', duration: '1', price_check: '1' }, sim);
    expect(actual).toEqual({ RenewResponse: { ResponseCode: '0', Status: 'price_check_success', PriceInfo: '11.99 in USD' } });
    expect(sim.domains.get('acme-widgets.com')?.expiration).toBe(before);
    expect(sim.balance).toBe(300);
  });
});

describe('through the client', () => {
  it('renew with confirm: extends the expiry by the years and charges the renewal price', async () => {
    const before = domain('acme-widgets.com').expiration;
    const result = await ok('renew', { domain: 'acme-widgets.com', years: 1, confirm: true });
    const after = domain('acme-widgets.com').expiration;
    expect(after).toBe(before + YEAR);
    expect(result).toEqual({ domain: 'acme-widgets.com', expires: iso(after), renewed: true, charged: { amount: 11.99, currency: 'USD' } });
    expect(account().balance).toBeCloseTo(300 - 11.99, 2);
  });

  it('renew: expected_expiry_year guards against renewing twice', async () => {
    const year = new Date(domain('acme-widgets.com').expiration).getUTCFullYear();
    await ok('renew', { domain: 'acme-widgets.com', years: 1, expected_expiry_year: year, confirm: true });
    // The preview reads the new expiry and refuses before api3 would.
    const { preview } = await ok('renew', { domain: 'acme-widgets.com', years: 1, expected_expiry_year: year, confirm: true });
    expect(preview.refused_because).toEqual([expect.stringMatching(new RegExp(`expires in ${year + 1}, not ${year}`))]);
    expect(account().orders.filter((o) => o.items.some((item) => item.type === 'Domain Renewal'))).toHaveLength(1);
  });
});

describe('safety', () => {
  pinEffect(renew, 'destructive');
  // The preview asks api3 itself for the price (renew with price_check), which renews nothing.
  confirmGateCases(renew, { domain: 'acme-widgets.com', years: 1 }, ['domain_info', 'renew', 'get_account_balance'], {
    otherArgs: { domain: 'acme-widgets.com', years: 2 },
    changeFacts: {
      what: 'a price rise',
      change: (sim) => {
        sim.tldPrices = sim.tldPrices.map((p) => (p.tld === 'com' ? { ...p, renew: p.renew + 5 } : p));
      },
    },
  });

  it('renew preview: a balance below the price gets no confirmation id, and nothing is renewed', async () => {
    account().balance = 5;
    const { preview } = await ok('renew', { domain: 'acme-widgets.com', years: 1, confirm: true });
    expect(preview.refused_because).toEqual([expect.stringMatching(/balance of 5 USD does not cover 11.99 USD/)]);
    expect(preview).not.toHaveProperty('confirmation_id');
    expect(h().simulator.requests.filter((r) => r.command === 'renew' && r.params.price_check === undefined)).toEqual([]);
  });

  it('renew preview sends exactly one renew request, a price_check, and shows its price', async () => {
    const result = await call('renew', { domain: 'acme-widgets.com', years: 2 });
    const renews = h().simulator.requests.filter((r) => r.command === 'renew');
    expect(renews).toHaveLength(1);
    expect(renews[0]?.params.price_check).toBe('1');
    expect(renews[0]?.params).toMatchObject({ domain: 'acme-widgets.com', duration: '2' });
    const expires = domain('acme-widgets.com').expiration;
    const later = new Date(expires);
    later.setUTCFullYear(later.getUTCFullYear() + 2);
    expect((result.structuredContent as Json).preview.details).toEqual({
      years: 2,
      price: { amount: 23.98, currency: 'USD' },
      balance_before: { amount: 300, currency: 'USD' },
      balance_after: { amount: 276.02, currency: 'USD' },
      expires_now: iso(expires),
      expires_after: iso(later.getTime()),
    });
  });

  it('renew: other invalid input is refused before anything is sent', async () => {
    const args = { domain: 'acme-widgets.com', years: 0, confirm: true };
    const result = await call('renew', args);
    expect(result.isError, JSON.stringify(args)).toBe(true);
    expect(h().simulator.requests).toEqual([]);
  });

  badInputSweep(renew, { domain: 'acme-widgets.com', years: 1, expected_expiry_year: 2030, currency: 'USD', coupon: 'SAVE10', skip_if_late_fee: true });
  smugglingCase(renew, { domain: 'acme-widgets.com', years: 1, coupon: 'c=1&command=delete', confirm: true }, 'coupon', 'c=1&command=delete');
});

describe('no price, no confirmation; the year bound (issue 15)', () => {
  const renewsSent = () => h().simulator.requests.filter((r) => r.command === 'renew' && r.params.price_check === undefined);

  it('renew: a quote worded "Renewal price: 11.99 USD" is read, and the balance is checked against it', async () => {
    h().simulator.setDialect('live');
    account().balance = 12.34;
    const { preview } = await ok('renew', { domain: 'acme-widgets.com', years: 3, confirm: true });
    expect(preview.details.price).toEqual({ amount: 35.97, currency: 'USD' });
    expect(preview.refused_because).toEqual([expect.stringMatching(/balance of 12.34 USD does not cover 35.97 USD/)]);
    expect(preview).not.toHaveProperty('confirmation_id');
    expect(renewsSent()).toEqual([]);
  });

  it('renew: a price in no wording we read gives no id, and nothing is renewed', async () => {
    h().simulator.injectAnswer({ command: 'renew', times: 5, body: { RenewResponse: { ResponseCode: '0', Status: 'price_check_success', PriceInfo: 'price on request' } } });
    const { preview } = await ok('renew', { domain: 'acme-widgets.com', years: 1, confirm: true });
    expect(preview.refused_because).toEqual([expect.stringMatching(/no price, no confirmation: the renewal price of acme-widgets.com could not be read/)]);
    expect(preview).not.toHaveProperty('confirmation_id');
    expect(renewsSent()).toEqual([]);
  });

  it('renew: without expected_expiry_year, the confirmed call sends the year the preview read, so a second renewal is refused by api3', async () => {
    const year = new Date(domain('acme-widgets.com').expiration).getUTCFullYear();
    const { preview } = await ok('renew', { domain: 'acme-widgets.com', years: 1 });
    expect(preview.details.expires_now).toMatch(new RegExp(`^${year}-`));
    const id = preview.confirmation_id;
    await ok('renew', { domain: 'acme-widgets.com', years: 1, confirm: true, confirmation_id: id });
    expect(renewsSent().map((r) => r.params.year)).toEqual([String(year)]);
  });

  it('renew: an expected_expiry_year that is no longer the expiry year is refused in the preview', async () => {
    const year = new Date(domain('acme-widgets.com').expiration).getUTCFullYear();
    const { preview } = await ok('renew', { domain: 'acme-widgets.com', years: 1, expected_expiry_year: year - 1 });
    expect(preview.refused_because).toEqual([expect.stringMatching(new RegExp(`expires in ${year}, not ${year - 1}`))]);
    expect(preview).not.toHaveProperty('confirmation_id');
  });

  it('renew: an expired domain shows it, with the late fee its quote includes', async () => {
    const { preview } = await ok('renew', { domain: 'old-project.org', years: 1 });
    // .org renews at 12.49; the simulator adds a late fee of 5 to an expired domain.
    expect(preview.details).toMatchObject({
      price: { amount: 17.49, currency: 'USD' },
      // Expired 10 days ago; the simulator's TLDs have a 30-day renewal grace period.
      expired: expect.stringMatching(/^in the renewal grace period until \d{4}-\d{2}-\d{2}$/),
      late_fee: { amount: 5, currency: 'USD' },
      renew_option: 'do_not_renew',
    });
  });

  it('renew: a domain past its renewal grace period is said to be in redemption', async () => {
    domain('old-project.org').expiration = Date.now() - 40 * 86_400_000;
    const { preview } = await ok('renew', { domain: 'old-project.org', years: 1 });
    expect(preview.details.expired).toMatch(/past the renewal grace period .*in redemption/);
  });

  it('renew: a domain still set to "do not renew" is flagged after the renewal', async () => {
    const result = await ok('renew', { domain: 'shopwidgets.co', years: 1, confirm: true });
    expect(result.renewed).toBe(true);
    expect(result.warning).toMatch(/still set to do_not_renew/);
    expect((await ok('renew', { domain: 'acme-widgets.com', years: 1, confirm: true })).warning).toBeUndefined();
  });
});
