import { describe, expect, it } from 'vitest';
import { API3_TOOLS as CATALOG } from '../../tools/index.js';
import { parseApi3Response } from '../../src/api3/envelope.js';
import { answer } from '../../src/simulator/server.js';
import { HANDLERS } from '../../src/simulator/handlers/index.js';
import { seedAccount, type SimAccount } from '../../src/simulator/state.js';
import { exampleQuery, exampleResponse, exampleFor } from '../helpers/examples.js';
import { shapeDifferences } from '../helpers/shape.js';

/**
 * The simulator must answer in the document's example shapes: for each command, the example
 * request adapted to the seeded account (its domains, contacts and name servers) must give an
 * answer with the example's root key and every key of the example at the same path, with the
 * same JSON type (the document itself writes ResponseCode both as 0 and "0").
 */
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const OPTIONS = { numberOrString: new Set(['ResponseCode', 'SuccessCode']) };

/** The example query with the document's domains, contacts and hosts replaced by the seeded account's. */
const ADAPT: Record<string, (example: Record<string, string>) => Record<string, string>> = {
  // mydomain.com / .net are not in the account, so both are available, as in the example.
  search: (q) => ({ ...q, domain0: 'brand-new-name.com', domain1: 'brand-new-name.net' }),
  tld_price: (q) => q,
  list_domain: (q) => q,
  // acme-widgets.net is on Dynadot Parking, like the example's domain1.com.
  domain_info: (q) => ({ ...q, domain: 'acme-widgets.net' }),
  register: (q) => ({ ...q, domain: 'brand-new-name.net' }),
  renew: (q) => {
    // The seeded account has no coupon "testcoupon"; SAVE1 is its coupon.
    return { ...q, domain: 'acme-widgets.com', coupon: 'SAVE1' };
  },
  // fresh-idea.xyz is the domain still in its delete grace period.
  delete: (q) => ({ ...q, domain: 'fresh-idea.xyz' }),
  lock_domain: (q) => ({ ...q, domain: 'old-project.org' }),
  set_note: (q) => ({ ...q, domain: 'acme-widgets.com' }),
  set_renew_option: (q) => ({ ...q, domain: 'acme-widgets.net' }),
  set_privacy: (q) => ({ ...q, domain: 'acme-widgets.net' }),
  get_dns: (q) => ({ ...q, domain: 'acme-widgets.net' }),
  set_dns2: (q) => ({ ...q, domain: 'widget.dev' }),
  get_ns: (q) => ({ ...q, domain: 'widgetlab.io' }),
  server_list: (q) => q,
  set_ns: (q) => ({ ...q, domain: 'acme-widgets.com,widget.dev', ns0: 'ns1.cloudhost.example', ns1: 'ns2.cloudhost.example' }),
  contact_list: (q) => q,
  get_contact: (q) => ({ ...q, contact_id: '1' }),
  account_info: (q) => q,
  get_account_balance: (q) => q,
  is_processing: (q) => q,
};

function simulate(command: string, params: Record<string, string>, account: SimAccount = seedAccount(NOW)) {
  return answer(command, params, account, NOW);
}

describe('simulator answers have the document example shapes', () => {
  it('every catalog tool has a simulator handler and an adaptation here', () => {
    const names = CATALOG.map((s) => s.name).sort();
    expect(Object.keys(ADAPT).sort()).toEqual(names);
    for (const name of names) expect(HANDLERS[name], name).toBeDefined();
  });

  for (const [command, adapt] of Object.entries(ADAPT)) {
    it(command, () => {
      const example = exampleResponse(exampleFor(command)) as Record<string, unknown>;
      const params = adapt(exampleQuery(command));
      const actual = simulate(command, params);
      // Same root key, and an answer the client reads as a success.
      expect(Object.keys(actual)).toEqual(Object.keys(example));
      const root = Object.keys(example)[0] as string;
      const body = actual[root] as Record<string, unknown>;
      expect(String(body.ResponseCode), JSON.stringify(body)).toBe('0');
      expect(parseApi3Response(JSON.stringify(actual)).root).toBe(root);
      expect(shapeDifferences(example, actual, OPTIONS)).toEqual([]);
    });
  }
});

describe('shapes the document examples do not show', () => {
  /** DESIGN.md: GetDns.NameServerSettings { Type: "Dynadot DNS", MainDomains: [{RecordType, Value, Value2}], SubDomains: [{Subhost, RecordType, Value, Value2}], TTL }. */
  const DNS_SHAPE = {
    GetDnsResponse: {
      ResponseCode: 0,
      Status: 'success',
      GetDns: {
        NameServerSettings: {
          Type: 'Dynadot DNS',
          MainDomains: [{ RecordType: 'A', Value: '192.0.2.1', Value2: '' }],
          SubDomains: [{ Subhost: 'www', RecordType: 'CNAME', Value: 'example.com', Value2: '' }],
          TTL: '3600',
        },
      },
    },
  };

  it('get_dns for a domain on Dynadot DNS follows DESIGN.md', () => {
    const actual = simulate('get_dns', { domain: 'acme-widgets.com' });
    expect(shapeDifferences(DNS_SHAPE, actual, OPTIONS)).toEqual([]);
    const settings = (actual.GetDnsResponse as any).GetDns.NameServerSettings;
    expect(settings.Type).toBe('Dynadot DNS');
    expect(settings.TTL).toBe('3600');
    expect(settings.MainDomains).toContainEqual({ RecordType: 'MX', Value: 'mx1.mailhost.example', Value2: '10' });
    expect(settings.SubDomains).toContainEqual({ Subhost: 'www', RecordType: 'CNAME', Value: 'acme-widgets.com', Value2: '' });
  });

  it('get_dns for a domain on other name servers names them', () => {
    const settings = (simulate('get_dns', { domain: 'widgetlab.io' }).GetDnsResponse as any).GetDns.NameServerSettings;
    expect(settings.Type).toBe('Name Servers');
    expect(settings.NameServers.map((ns: { ServerName: string }) => ns.ServerName)).toEqual(['ns1.cloudhost.example', 'ns2.cloudhost.example']);
  });

  it('renew with price_check quotes the price without renewing', () => {
    const account = seedAccount(NOW);
    const before = account.domains.get('acme-widgets.com')?.expiration;
    const actual = simulate('renew', { domain: 'acme-widgets.com', duration: '1', price_check: '1' }, account);
    expect(actual).toEqual({ RenewResponse: { ResponseCode: '0', Status: 'price_check_success', PriceInfo: '11.99 in USD' } });
    expect(account.domains.get('acme-widgets.com')?.expiration).toBe(before);
    expect(account.balance).toBe(300);
  });

  it('failures answer under the command root with ResponseCode -1, Status error and Error', () => {
    const actual = simulate('domain_info', { domain: 'not-mine.com' });
    expect(actual).toEqual({ DomainInfoResponse: { ResponseCode: '-1', Status: 'error', Error: expect.stringMatching(/not-mine\.com/) } });
    expect(simulate('no_such_command', {})).toEqual({ Response: { ResponseCode: '-1', Error: expect.any(String) } });
  });
});

describe('shapeDifferences itself', () => {
  it('names missing keys, type changes and empty arrays; accepts extra keys', () => {
    const example = { R: { ResponseCode: 0, A: 'x', B: { C: 1 }, L: [{ D: 'y' }] } };
    expect(shapeDifferences(example, { R: { ResponseCode: '0', A: 'x', B: { C: 2 }, L: [{ D: 'z', E: 1 }], Extra: true } }, OPTIONS)).toEqual([]);
    expect(shapeDifferences(example, { R: { ResponseCode: 0, A: 1, B: {}, L: [] } }, OPTIONS)).toEqual([
      '$.R.A: number, example has string',
      '$.R.B.C: missing (example has number)',
      '$.R.L: empty array, example has 1 element(s)',
    ]);
    // ResponseCode may be either; other keys may not.
    expect(shapeDifferences({ X: 0 }, { X: '0' }, OPTIONS)).toEqual(['$.X: string, example has number']);
    expect(shapeDifferences({ L: [{ A: 1 }, { A: 1, B: [{ C: 'x' }] }] }, { L: [{ A: 1 }] })).toEqual(['$.L[1].B: missing (example has array)']);
  });
});
