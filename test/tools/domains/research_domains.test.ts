import { describe, expect, it } from 'vitest';
import { createRdap } from '../../../src/rdap/client.js';
import type { RdapPort, RegistrationLookup } from '../../../src/rdap/types.js';
import research, { researchBudget } from '../../../tools/domains/research_domains.js';
import { type Harness, startHarness } from '../../helpers/harness.js';
import { startRdapDouble } from '../../helpers/rdap-double.js';
import { badInputSweep, type Json, pinEffect, useHarness } from '../../helpers/tool-test.js';

/**
 * Issue 20, item 1: research in bulk. Every request here goes to the simulator, whose search
 * takes 100 names on a bulk account (its default) and refuses a second name on a regular one.
 */
const { h, ok, fail, sent, account } = useHarness();

interface Research {
  currency?: string;
  columns: string[];
  rows: Array<[string, boolean, number | null, number | null, boolean]>;
  over_max_price?: number;
  why_not_purchasable?: Record<string, string>;
  taken?: Record<string, { aftermarket?: Json[]; registration?: Json; registration_unavailable?: string }>;
  names_per_search?: number;
  unchecked?: string[];
  notes?: string[];
}

/** `count` made-up labels no seeded account holds, each to pair with the TLDs given. */
const labels = (count: number, prefix = 'zqx') => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

describe('spec', () => {
  pinEffect(research, 'read');
  badInputSweep(research, { names: ['acme', 'acme-shop.io'], tlds: ['com', 'io'], max_price: 20, currency: 'USD', taken: ['aftermarket'] });

  it('a label needs TLDs: the error names the entry and says what to give; nothing is sent', async () => {
    h().simulator.requests.length = 0;
    const error = await fail('research_domains', { names: ['acme', 'acme.io'] });
    expect(error.error).toBe('invalid_input');
    expect(error.message).toMatch(/names\.0|names\[0\]/);
    expect(error.message).toMatch(/give tlds/);
    expect(h().simulator.requests).toEqual([]);
  });

  it('at most 500 pairs after pairing labels with TLDs, and the error says how many these make', async () => {
    h().simulator.requests.length = 0;
    const error = await fail('research_domains', { names: labels(101), tlds: ['com', 'net', 'org', 'io', 'xyz'] });
    expect(error.error).toBe('invalid_input');
    expect(error.message).toMatch(/at most 500 name\/TLD pairs per call \(these make 505\)/);
    expect(h().simulator.requests).toEqual([]);
  });

  it('a name that is not a domain is refused by name; an unknown argument is refused, not dropped', async () => {
    const bad = await fail('research_domains', { names: ['ok-name', 'bad_name!'], tlds: ['com'] });
    expect(bad.message).toMatch(/bad_name!\.com/);
    const unknown = await fail('research_domains', { names: ['a.com'], budget: 20 });
    expect(unknown.error).toBe('invalid_input');
    expect(unknown.message).toMatch(/budget/);
  });
});

describe('on a bulk account', () => {
  it('250 pairs: 3 searches of 100, 100 and 50 names, and a progress notification after each', async () => {
    const steps: Array<{ progress: number; total?: number }> = [];
    const result = await h().client.callTool(
      { name: 'research_domains', arguments: { names: labels(50, 'zqb'), tlds: ['com', 'io', 'xyz', 'dev', 'co'] } },
      { onprogress: (p) => steps.push(p) },
    );
    expect((result.structuredContent as unknown as Research).rows).toHaveLength(250);
    expect(sent('search').map((r) => Object.keys(r.params).filter((k) => k.startsWith('domain')).length)).toEqual([100, 100, 50]);
    expect(steps.map((s) => [s.progress, s.total])).toEqual([
      [100, 250],
      [200, 250],
      [250, 250],
    ]);
  });

  it('248 pairs in 3 searches and one price read, cheapest first, with renewal prices, premium flag and purchasable', async () => {
    const names = [...labels(49), 'best.ai', 'google.com', 'quillbyte.tech'];
    const result = await ok<Research>('research_domains', { names, tlds: ['com', 'io', 'xyz', 'dev', 'co'] });
    expect(sent('search')).toHaveLength(3);
    expect(sent('search').map((r) => Object.keys(r.params).filter((k) => k.startsWith('domain')).length)).toEqual([100, 100, 48]);
    expect(sent('tld_price')).toHaveLength(1);
    expect(result.names_per_search).toBe(100);
    expect(result.columns).toEqual(['domain', 'purchasable', 'price', 'renewal', 'premium']);
    expect(result.rows).toHaveLength(248);
    const prices = result.rows.filter((r) => r[1]).map((r) => r[2] ?? Number.POSITIVE_INFINITY);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    // The simulator's search gives first-year prices only: renewals come from its TLD table.
    const tld = (name: string) => account().tldPrices.find((p) => name.endsWith(`.${p.tld}`));
    for (const [domain, purchasable, price, renewal, premium] of result.rows.filter((r) => r[1] && !r[4])) {
      expect([domain, purchasable, price, renewal, premium]).toEqual([domain, true, tld(domain)?.register, tld(domain)?.renew, false]);
    }
    expect(result.rows.find((r) => r[0] === 'best.ai')).toEqual(['best.ai', true, 4999, null, true]);
    expect(result.rows.find((r) => r[0] === 'google.com')).toEqual(['google.com', false, null, null, false]);
    expect(result.rows.at(-1)?.[1]).toBe(false);
    expect(result.why_not_purchasable?.['quillbyte.tech']).toMatch(/may not sell \.tech/);
  });

  it('a name api3 spells back in capitals is the name asked for; one it leaves out is not purchasable, with why', async () => {
    h().simulator.injectAnswer({
      command: 'search',
      body: { SearchResponse: { ResponseCode: '0', SearchResults: [{ DomainName: 'ZQU1.COM', Available: 'yes', Price: '10.99 in USD' }] } },
    });
    const result = await ok<Research>('research_domains', { names: ['zqu1.com'] });
    expect(result.rows).toEqual([['zqu1.com', true, 10.99, 11.99, false]]);
    // One name needs no batch, so the account's tier is still unknown: the answer does not guess it.
    expect(result.names_per_search).toBeUndefined();
    h().simulator.injectAnswer({ command: 'search', body: { SearchResponse: { ResponseCode: '0', SearchResults: [] } } });
    const missing = await ok<Research>('research_domains', { names: ['zqu2.com'] });
    expect(missing.rows).toEqual([['zqu2.com', false, null, null, false]]);
    expect(missing.why_not_purchasable).toEqual({ 'zqu2.com': 'api3 answered the search without this name' });
  });

  it('where search gives the renewal price itself (live answers), no price table is read', async () => {
    h().simulator.setDialect('live');
    const result = await ok<Research>('research_domains', { names: ['zqx1', 'zqx2'], tlds: ['com', 'io'] });
    expect(sent('tld_price')).toEqual([]);
    expect(result.rows.find((r) => r[0] === 'zqx1.io')).toEqual(['zqx1.io', true, 39.99, 49.99, false]);
  });

  it('max_price leaves out dearer purchasable names and says how many, keeping taken ones', async () => {
    const result = await ok<Research>('research_domains', { names: ['zqx7', 'google.com'], tlds: ['com', 'io', 'xyz'], max_price: 20 });
    expect(result.rows.map((r) => r[0])).toEqual(['zqx7.xyz', 'zqx7.com', 'google.com']);
    expect(result.over_max_price).toBe(1);
  });

  it('aftermarket offers for taken names: the three lists are read once whatever the number of names', async () => {
    account().takenElsewhere.add('premium-shoes.com');
    account().takenElsewhere.add('bargain-name.com');
    const result = await ok<Research>('research_domains', {
      names: ['widgets.com', 'startup.io', 'premium-shoes.com', 'bargain-name.com', 'google.com', 'zqx9.com'],
      taken: ['aftermarket'],
    });
    for (const command of ['get_open_auctions', 'get_expired_closeout_domains', 'get_listings']) expect(sent(command)).toHaveLength(1);
    expect(result.taken?.['widgets.com']?.aftermarket).toEqual([expect.objectContaining({ kind: 'auction', price: 120, bids: 3, ends: expect.any(String) })]);
    expect(result.taken?.['startup.io']?.aftermarket).toEqual([expect.objectContaining({ kind: 'backorder_auction', price: 89.99 })]);
    expect(result.taken?.['premium-shoes.com']?.aftermarket).toEqual([{ kind: 'listing', price: 2500, currency: 'USD' }]);
    expect(result.taken?.['bargain-name.com']?.aftermarket).toEqual([expect.objectContaining({ kind: 'closeout', price: 9.91 })]);
    expect(result.taken?.['google.com']).toBeUndefined();
    expect(result.taken?.['zqx9.com']).toBeUndefined();
  });

  it('progress: one notification per search and per look-up, rising to the total, when the client asks', async () => {
    const steps: Array<{ progress: number; total?: number }> = [];
    await h().client.callTool(
      { name: 'research_domains', arguments: { names: [...labels(60), 'acme', 'widgets'], tlds: ['com', 'io', 'xyz', 'dev'], taken: ['aftermarket'] } },
      { onprogress: (p) => steps.push(p) },
    );
    expect(steps.length).toBeGreaterThanOrEqual(3 + 2);
    expect(steps.map((s) => s.progress)).toEqual([...steps.map((s) => s.progress)].sort((a, b) => a - b));
    expect(steps.slice(0, 3).map((s) => [s.progress, s.total])).toEqual([
      [100, 248],
      [200, 248],
      [248, 248],
    ]);
    const last = steps.at(-1);
    expect(last?.progress).toBe(last?.total);
  });
});

describe('registration data (RDAP)', () => {
  it('is asked only about names api3 says are taken; an unavailable answer is a note on that name, not a failure', async () => {
    const asked: string[][] = [];
    const rdap: RdapPort = {
      async lookup(domains) {
        asked.push([...domains]);
        return new Map(
          domains.map((domain): [string, RegistrationLookup] =>
            domain === 'google.com'
              ? [domain, { found: { registrar: 'MarkMonitor Inc.', expires: '2028-09-14T04:00:00Z', statuses: ['client delete prohibited'] } }]
              : [domain, { unavailable: 'timed out after 5 s' }],
          ),
        );
      },
    };
    const own = await startHarness({ rdap });
    try {
      const result = await own.ok<Research>('research_domains', { names: ['google', 'acme', 'zqx3'], tlds: ['com', 'io'], taken: ['registration'] });
      expect(asked).toEqual([['google.com', 'acme.com']]);
      expect(result.taken?.['google.com']?.registration).toEqual({ registrar: 'MarkMonitor Inc.', expires: '2028-09-14T04:00:00Z', statuses: ['client delete prohibited'] });
      expect(result.taken?.['acme.com']?.registration_unavailable).toBe('timed out after 5 s');
      expect(result.rows.filter((r) => r[1])).toHaveLength(4);
    } finally {
      await own.close();
    }
  });

  it('with RDAP off the answer says so and still has every row', async () => {
    const result = await ok<Research>('research_domains', { names: ['google.com', 'zqx4.com'], taken: ['registration'] });
    expect(result.notes).toEqual([expect.stringMatching(/DYNADOT_RDAP=off/)]);
    expect(result.rows).toHaveLength(2);
  });
});

describe('on a regular account', () => {
  async function regular(): Promise<Harness> {
    const own = await startHarness({});
    own.simulator.account.tier = 'regular';
    return own;
  }

  it('one refused search tells the tier; then one name per request, and the next call starts at one', async () => {
    const own = await regular();
    try {
      const first = await own.ok<Research>('research_domains', { names: labels(5), tlds: ['com', 'io'] });
      const searches = () => own.simulator.requests.filter((r) => r.command === 'search');
      expect(first.names_per_search).toBe(1);
      expect(first.rows).toHaveLength(10);
      // The refused batch of 10, then the 10 names one at a time.
      expect(searches()).toHaveLength(11);
      own.simulator.requests.length = 0;
      own.simulator.account.tier = 'regular';
      const second = await own.ok<Research>('research_domains', { names: labels(3, 'zqy'), tlds: ['com'] });
      expect(second.rows).toHaveLength(3);
      expect(searches()).toHaveLength(3);
    } finally {
      await own.close();
    }
  });

  it('250 pairs: the refused batch, then 250 searches of one name and one price read, with a progress notification per name', async () => {
    const own = await regular();
    try {
      const steps: Array<{ progress: number; total?: number }> = [];
      const result = await own.client.callTool(
        { name: 'research_domains', arguments: { names: labels(50, 'zqr'), tlds: ['com', 'io', 'xyz', 'dev', 'co'] } },
        { onprogress: (p) => steps.push(p) },
      );
      const answer = result.structuredContent as unknown as Research;
      expect(answer.rows).toHaveLength(250);
      expect(answer.names_per_search).toBe(1);
      const searches = own.simulator.requests.filter((r) => r.command === 'search');
      expect(searches).toHaveLength(251);
      expect(searches.slice(1).every((r) => r.params.domain1 === undefined)).toBe(true);
      expect(own.simulator.requests.filter((r) => r.command === 'tld_price')).toHaveLength(1);
      expect(steps).toHaveLength(250);
      expect(steps.at(-1)).toEqual(expect.objectContaining({ progress: 250, total: 250 }));
    } finally {
      await own.close();
    }
  });

  it('a refusal of one name in a batch is that name\'s answer; the account is not taken for regular', async () => {
    const own = await startHarness({});
    try {
      own.simulator.injectAnswer({ command: 'search', body: { SearchResponse: { ResponseCode: '-1', Error: 'invalid domain name: zqz0.com' } } });
      const result = await own.ok<Research>('research_domains', { names: ['zqz0', 'zqz1'], tlds: ['com'] });
      expect(result.rows.map((r) => r[0])).toEqual(['zqz0.com', 'zqz1.com']);
      const next = await own.ok<Research>('research_domains', { names: ['zqz2', 'zqz3'], tlds: ['com'] });
      expect(next.names_per_search).toBe(100);
    } finally {
      await own.close();
    }
  });

  it('a rate limit mid-way gives a clear partial answer: the rows checked, the names unchecked, and why', async () => {
    const own = await regular();
    try {
      own.simulator.injectAnswer({ command: 'search', body: { SearchResponse: { ResponseCode: '-1', Error: 'regular account can specify 1 domain per command' } } });
      own.simulator.injectAnswer({ command: 'search', body: { SearchResponse: { ResponseCode: '0', SearchResults: [{ DomainName: 'zqw0.com', Available: 'yes', Price: '10.99 in USD' }] } } });
      own.simulator.injectAnswer({ command: 'search', body: { Response: { ResponseCode: '-1', Error: 'Too many requests. Please try again in 1 minute after.' } }, times: 5 });
      const result = await own.ok<Research>('research_domains', { names: labels(4, 'zqw'), tlds: ['com'] });
      expect(result.rows.map((r) => r[0])).toEqual(['zqw0.com']);
      expect(result.unchecked).toEqual(['zqw1.com', 'zqw2.com', 'zqw3.com']);
      expect(result.notes?.[0]).toMatch(/stopped after 1 of 4 names/);
    } finally {
      await own.close();
    }
  });

  it('past its time budget a call answers what it checked and names the rest; asked again for those, it finishes', async () => {
    const own = await regular();
    const budget = researchBudget.ms;
    try {
      researchBudget.ms = 400;
      own.simulator.setLatency(40);
      const names = labels(30, 'zqt').map((label) => `${label}.com`);
      const first = await own.ok<Research>('research_domains', { names });
      expect(first.rows.length).toBeGreaterThan(0);
      expect(first.rows.length).toBeLessThan(30);
      expect(first.unchecked).toEqual(names.filter((name) => !first.rows.some((r) => r[0] === name)));
      expect(first.notes?.[0]).toMatch(/s were up \(this account searches one name per request, 60 a minute\); call again with the unchecked names/);
      own.simulator.setLatency(0);
      researchBudget.ms = budget;
      const rest = await own.ok<Research>('research_domains', { names: first.unchecked });
      expect(rest.rows).toHaveLength(first.unchecked?.length ?? -1);
      expect(rest.unchecked).toBeUndefined();
    } finally {
      researchBudget.ms = budget;
      await own.close();
    }
  });

  it('a research the client cancels sends no further search', async () => {
    const own = await regular();
    try {
      own.simulator.setLatency(100);
      const controller = new AbortController();
      const call = own.client
        .callTool({ name: 'research_domains', arguments: { names: labels(30), tlds: ['com'] } }, { signal: controller.signal })
        .catch((error: unknown) => error);
      await own.simulator.nextRequest('search');
      await own.simulator.nextRequest('search');
      controller.abort();
      await call;
      const atCancel = own.simulator.requestCount;
      await new Promise((resolve) => setTimeout(resolve, 600));
      // At most the one search already on the wire finishes; none starts after the cancel.
      expect(own.simulator.requestCount - atCancel).toBeLessThanOrEqual(1);
      expect(own.simulator.requests.filter((r) => r.command === 'search').length).toBeLessThan(6);
    } finally {
      await own.close();
    }
  });
});

describe('registration data from a local RDAP double, through the real RDAP client', () => {
  const registered = (name: string, status: string[], expiration: string) => ({
    objectClassName: 'domain',
    ldhName: name.toUpperCase(),
    status,
    events: [
      { eventAction: 'registration', eventDate: '2011-04-02T10:00:00Z' },
      { eventAction: 'expiration', eventDate: expiration },
    ],
    entities: [{ objectClassName: 'entity', roles: ['registrar'], vcardArray: ['vcard', [['version', {}, 'text', '4.0'], ['fn', {}, 'text', 'Example Registrar, Inc.']]] }],
  });

  it('found, redemption, a registry with no record and one that never answers: a clear partial result, no failure', async () => {
    const double = await startRdapDouble({
      records: {
        'google.com': registered('google.com', ['client transfer prohibited'], '2028-09-14T04:00:00Z'),
        'acme.com': registered('acme.com', ['redemption period'], '2026-11-01T00:00:00Z'),
      },
      hang: ['widgets.com'],
    });
    const rdap = createRdap({ bootstrap: double.bootstrapFile(['com']), timeoutMs: 400 });
    const own = await startHarness({ rdap });
    try {
      const result = await own.ok<Research>('research_domains', {
        names: ['google.com', 'acme.com', 'example.com', 'widgets.com', 'zqv1.com', 'startup.io'],
        taken: ['registration'],
      });
      // Only taken names reach the registry's server; the free one never does.
      expect([...double.requests].sort()).toEqual(['acme.com', 'example.com', 'google.com', 'widgets.com']);
      expect(result.taken?.['google.com']?.registration).toEqual({
        registrar: 'Example Registrar, Inc.',
        created: '2011-04-02T10:00:00Z',
        expires: '2028-09-14T04:00:00Z',
        statuses: ['client transfer prohibited'],
      });
      expect(result.taken?.['acme.com']?.registration).toEqual(expect.objectContaining({ statuses: ['redemption period'], may_free: expect.stringMatching(/30 days/) }));
      expect(result.taken?.['example.com']?.registration_unavailable).toMatch(/not found/);
      expect(result.taken?.['widgets.com']?.registration_unavailable).toMatch(/timed out/);
      expect(result.taken?.['startup.io']?.registration_unavailable).toMatch(/no RDAP service for \.io/);
      expect(result.rows.find((r) => r[0] === 'zqv1.com')?.[1]).toBe(true);
    } finally {
      await own.close();
      await rdap.close();
      await double.close();
    }
  });
});
