import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { spendsMoney } from '../../src/server/define.js';
import { selectTools } from '../../src/server/server.js';
import { CATALOG } from '../../tools/index.js';
import { errorOf, type Harness, startHarness } from '../helpers/harness.js';

/**
 * Item 11 of issue 15: --no-purchases serves everything except what spends money, decided by the
 * spec (a declared cost or charge), and a purchase asked for by name says the profile is on.
 */
const PURCHASES = ['register', 'bulk_register', 'renew', 'transfer', 'place_auction_bid', 'place_backorder_auction_bid', 'buy_expired_closeout_domain', 'buy_it_now'];

describe('which tools spend money', () => {
  it('is what their specs declare: registrations, renewals, transfers, bids and aftermarket purchases today', () => {
    expect(CATALOG.filter(spendsMoney).map((spec) => spec.name)).toEqual(PURCHASES);
  });

  it('selectTools leaves them out whatever else is selected, even named one by one', () => {
    const served = selectTools(CATALOG, { toolsets: 'all', tools: PURCHASES, noPurchases: true }).map((spec) => spec.name);
    expect(served).toEqual(CATALOG.map((spec) => spec.name).filter((name) => !PURCHASES.includes(name)));
  });
});

describe('a server with --no-purchases', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ noPurchases: true });
  });
  afterAll(async () => h.close());
  beforeEach(() => {
    h.simulator.reset();
    h.simulator.requests.length = 0;
  });

  it('lists every tool but the purchases', async () => {
    const listed = (await h.client.listTools()).tools.map((tool) => tool.name);
    for (const name of PURCHASES) expect(listed).not.toContain(name);
    expect(listed.length).toBe(CATALOG.length - PURCHASES.length);
  });

  it('says so in its instructions', () => {
    expect(h.client.getInstructions()).toMatch(/No-purchases profile/);
  });

  it('a purchase asked for by name is refused, the hint naming the profile; nothing is sent', async () => {
    for (const name of PURCHASES) {
      const error = errorOf(await h.call(name, { domain: 'brand-new-name.com', years: 1 }));
      expect(error.error).toBe('invalid_input');
      expect(error.hint).toMatch(/no-purchases profile: --no-purchases \/ DYNADOT_NO_PURCHASES/);
      expect(error.hint).not.toMatch(/DYNADOT_TOOLSETS/);
    }
    expect(h.simulator.requests).toEqual([]);
  });

  it('DNS, settings and reads still work', async () => {
    const records = [{ subdomain: 'x', type: 'a', value: '192.0.2.7' }];
    expect((await h.call('set_dns2', { domains: ['acme-widgets.com'], records, append: true })).isError).toBeFalsy();
    expect((await h.call('set_note', { domain: 'acme-widgets.com', note: 'kept' })).isError).toBeFalsy();
    const info = await h.ok('domain_info', { domain: 'acme-widgets.com' });
    expect(JSON.stringify(info)).toMatch(/"note":"kept"/);
    expect((await h.call('search', { domains: ['brand-new-name.com'] })).isError).toBeFalsy();
  });
});
