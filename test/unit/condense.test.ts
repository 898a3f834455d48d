import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../tools/index.js';
import type { AnyToolSpec } from '../../src/server/define.js';
import {
  asList,
  epochToIso,
  flag,
  indexedList,
  isEmptyValue,
  money,
  paginate,
  prune,
  snakeCase,
  snakeKeys,
  text,
} from '../../src/server/condense.js';
import { advertisedOutput } from '../../src/server/server.js';
import { exampleQuery, exampleRoot } from '../helpers/examples.js';

const spec = (name: string): AnyToolSpec => {
  const found = CATALOG.find((s) => s.name === name);
  if (!found) throw new Error(`no tool named ${name}`);
  return found;
};

/**
 * Runs a tool's condense over the document's example response body (the object under the root
 * key), with the tool's input as the example request meant it; the result must pass both the
 * tool's own output schema and the schema clients are shown.
 */
function condenseExample(name: string, args: Record<string, unknown> = {}) {
  const s = spec(name);
  const result = s.condense(exampleRoot(name).body, s.input.parse(args));
  expect(s.output.parse(result)).toEqual(result);
  expect(advertisedOutput(s).safeParse(result).success).toBe(true);
  // Condensed output never carries the envelope.
  expect(JSON.stringify(result)).not.toMatch(/ResponseCode|SuccessCode|"Status"/);
  return result as Record<string, any>;
}

const READ_TOOLS_COVERED = [
  'search',
  'tld_price',
  'list_domain',
  'domain_info',
  'get_dns',
  'get_ns',
  'server_list',
  'contact_list',
  'get_contact',
  'account_info',
  'get_account_balance',
  'is_processing',
];

describe('condense over the api3 document examples', () => {
  it('covers every read tool in the catalog', () => {
    expect(CATALOG.filter((s) => s.effect === 'read').map((s) => s.name).sort()).toEqual([...READ_TOOLS_COVERED].sort());
  });

  it('search: availability and "77.00 in USD" as money', () => {
    expect(condenseExample('search', { domains: ['mydomain.com', 'mydomain.net'], currency: 'USD' })).toEqual({
      results: [
        { domain: 'mydomain.com', available: true, price: { amount: 77, currency: 'USD' } },
        { domain: 'mydomain.net', available: true, price: { amount: 44, currency: 'USD' } },
      ],
    });
  });

  it('tld_price: numbers per year, the noise (Unit, GracePeriod, "--") dropped, paged', () => {
    expect(condenseExample('tld_price', { currency: 'USD' })).toEqual({
      currency: 'USD',
      price_level: 'Regular Pricing',
      items: [{ tld: 'com', register: 15, renew: 15, transfer: 15, restore: 10, usage: 'General' }],
      page: 1,
      page_size: 50,
      total: 1,
      has_more: false,
    });
  });

  it('tld_price: the tlds filter keeps only the named TLDs and counts them', () => {
    const result = condenseExample('tld_price', { tlds: ['.NET'] });
    expect(result.items).toEqual([]);
    expect(result.total).toBe(0);
  });

  it('list_domain: summaries by default, epoch -> ISO, yes/no -> booleans', () => {
    const summary = { expires: '2013-02-21T07:09:49Z', locked: true, privacy: 'none', renew_option: 'no renew option' };
    expect(condenseExample('list_domain')).toEqual({
      items: [
        { name: 'domain-exp140.com', ...summary },
        { name: 'domain-exp141.com', ...summary },
      ],
      page: 1,
      page_size: 100,
      total: 2,
      has_more: false,
    });
  });

  it('list_domain verbose: contacts by role, name server setting, no folder for -1, no empty note', () => {
    const result = condenseExample('list_domain', { verbose: true, sort: 'name_desc' });
    expect(result.items.map((d: { name: string }) => d.name)).toEqual(['domain-exp141.com', 'domain-exp140.com']);
    expect(result.items[0]).toEqual({
      name: 'domain-exp141.com',
      expires: '2013-02-21T07:09:49Z',
      registered: '2009-02-13T23:31:30Z',
      locked: true,
      privacy: 'none',
      renew_option: 'no renew option',
      for_sale: false,
      name_servers: { type: 'dynadot_parking', with_ads: true },
      contacts: { registrant: '1', admin: '2', technical: '3', billing: '4' },
    });
  });

  it('list_domain: paging over the example list', () => {
    const first = condenseExample('list_domain', { page_size: 1 });
    expect(first).toMatchObject({ page: 1, page_size: 1, total: 2, has_more: true });
    expect(first.items).toHaveLength(1);
    const second = condenseExample('list_domain', { page: 2, page_size: 1 });
    expect(second).toMatchObject({ page: 2, total: 2, has_more: false });
    expect(second.items[0].name).toBe('domain-exp141.com');
    expect(condenseExample('list_domain', { name_contains: '141' }).total).toBe(1);
  });

  it('domain_info: expires 2013-02-21T07:09:49Z, locked, for sale, folder absent because -1', () => {
    const { domain } = condenseExample('domain_info', { domain: 'domain1.com' });
    expect(domain).toEqual({
      name: 'domain1.com',
      expires: '2013-02-21T07:09:49Z',
      registered: '2009-02-13T23:31:30Z',
      locked: true,
      privacy: 'none',
      renew_option: 'no renew option',
      for_sale: true,
      name_servers: { type: 'dynadot_parking', with_ads: true },
      contacts: { registrant: '0', admin: '0', technical: '0', billing: '0' },
    });
    expect(domain).not.toHaveProperty('folder');
    expect(domain).not.toHaveProperty('note');
    expect(domain).not.toHaveProperty('disabled');
    expect(domain).not.toHaveProperty('udrp_locked');
  });

  it('get_dns: parking with ads', () => {
    expect(condenseExample('get_dns', { domain: 'mydomain.com' })).toEqual({
      domain: 'mydomain.com',
      dns: { type: 'dynadot_parking', with_ads: true },
    });
  });

  it('get_dns: the Dynadot DNS shape of DESIGN.md (main and sub records, one TTL)', () => {
    const body = {
      ResponseCode: 0,
      Status: 'success',
      GetDns: {
        NameServerSettings: {
          Type: 'Dynadot DNS',
          MainDomains: [
            { RecordType: 'A', Value: '192.0.2.1', Value2: '' },
            { RecordType: 'MX', Value: 'mx.example.com', Value2: '10' },
          ],
          SubDomains: [{ Subhost: 'www', RecordType: 'CNAME', Value: 'example.com', Value2: '' }],
          TTL: '3600',
        },
      },
    };
    const s = spec('get_dns');
    const result = s.condense(body, s.input.parse({ domain: 'example.com' }));
    expect(s.output.parse(result)).toEqual(result);
    expect(result).toEqual({
      domain: 'example.com',
      dns: {
        type: 'dynadot_dns',
        ttl: 3600,
        records: [
          { type: 'a', value: '192.0.2.1' },
          { type: 'mx', value: 'mx.example.com', extra: '10' },
          { subdomain: 'www', type: 'cname', value: 'example.com' },
        ],
      },
    });
  });

  it('get_ns: Host0, Host1 -> a list', () => {
    expect(condenseExample('get_ns', { domain: 'mydomain.com' })).toEqual({
      domain: 'mydomain.com',
      name_servers: ['ns1.mydomain.com', 'ns2.mydomain.com'],
    });
  });

  it('server_list: ids, names and glue IPs', () => {
    expect(condenseExample('server_list')).toEqual({
      items: [
        { id: '0', name: 'ns1.com' },
        { id: '1', name: 'domain1.com', ips: ['192.168.1.1', '1.1.1.1'] },
      ],
    });
  });

  it('contact_list: phone as +cc number, address lines, empty fields dropped', () => {
    const { items } = condenseExample('contact_list');
    expect(items).toHaveLength(2);
    expect(items[0]).toEqual({
      id: '0',
      name: 'Jack tester',
      // The document's web page obfuscated the addresses; the example carries that text as is.
      email: '[email protected]',
      phone: '+1 555.555.5233',
      address: ['test street'],
      city: 'Los Angeles',
      state: 'CA',
      zip: '90068',
      country: 'US',
      gtld_verified: false,
    });
    expect(items[1]).toMatchObject({ id: '1', name: 'John tester', fax: '+1 123.456.7890', address: ['high Way first'], gtld_verified: true });
    expect(items[0]).not.toHaveProperty('organization');
    expect(items[0]).not.toHaveProperty('fax');
  });

  it('get_contact: one contact', () => {
    expect(condenseExample('get_contact', { contact_id: Number(exampleQuery('get_contact').contact_id) })).toEqual({
      contact: {
        id: '12345',
        organization: 'org',
        name: 'name',
        email: '[email protected]',
        phone: '+1 555.555.5233',
        address: ['address1', 'address2'],
        city: 'city',
        state: 'state',
        zip: 'zipcode',
        country: 'country',
        gtld_verified: false,
      },
    });
  });

  it('account_info: balance {amount: 70.02, currency: USD}, lock on -> true, default contacts by role', () => {
    expect(condenseExample('account_info')).toEqual({
      username: 'testname',
      contact: {
        name: 'testname test',
        email: '[email protected]',
        phone: '+1 555.555.5233',
        address: ['1 test road'],
        city: 'Los Angeles',
        state: 'CA',
        zip: '90000',
        country: 'US',
      },
      customer_since: '2013-04-02T07:45:35Z',
      account_locked: true,
      balance: { amount: 70.02, currency: 'USD' },
      total_spending: { amount: 0, currency: 'USD' },
      price_level: 'Regular Pricing',
      time_zone: 'PST',
      default_contacts: { registrant: '0', admin: '0', technical: '0', billing: '0' },
      default_name_servers: { type: 'dynadot_parking', with_ads: true },
    });
  });

  it('get_account_balance: "300.00" with its currency', () => {
    expect(condenseExample('get_account_balance')).toEqual({ balances: [{ amount: 300, currency: 'USD' }] });
  });

  it('is_processing: "no" -> not processing, safe to send', () => {
    expect(condenseExample('is_processing')).toEqual({ processing: false, safe_to_send: true });
    const s = spec('is_processing');
    expect(s.condense({ ResponseCode: '0', ResponseMsg: 'yes' }, {})).toEqual({ processing: true, safe_to_send: false });
  });
});

describe('write confirmations over the document examples', () => {
  it('register: the domain and its new expiry', () => {
    expect(condenseExample('register', { domain: 'domain1.net', years: 3, currency: 'USD' })).toEqual({
      domain: 'domain1.net',
      expires: '2016-03-19T09:19:05Z',
      registered: true,
    });
  });

  it('renew: the expiry as api3 gives it (a string of milliseconds)', () => {
    expect(condenseExample('renew', { domain: 'domain1.com', years: 1 })).toEqual({
      domain: 'domain1.com',
      expires: '1972-05-06T07:16:19Z',
      renewed: true,
    });
  });

  it('delete', () => {
    expect(condenseExample('delete', { domain: 'domain1.com' })).toEqual({ domain: 'domain1.com', deleted: true });
  });

  it('settings writes say what is now in place', () => {
    expect(condenseExample('lock_domain', { domain: 'domain4.com' })).toEqual({ done: true, domains: ['domain4.com'], changed: { locked: true } });
    expect(condenseExample('set_note', { domain: 'domain1.com', note: 'Do' })).toEqual({ done: true, domains: ['domain1.com'], changed: { note: 'Do' } });
    expect(condenseExample('set_renew_option', { domains: ['domain1.com'], renew_option: 'auto' })).toEqual({
      done: true,
      domains: ['domain1.com'],
      changed: { renew_option: 'auto' },
    });
    expect(condenseExample('set_privacy', { domains: ['domain1.com'], privacy: 'off' })).toEqual({
      done: true,
      domains: ['domain1.com'],
      changed: { privacy: 'off' },
    });
    expect(condenseExample('set_ns', { domains: ['domain1.com', 'domain2.com'], name_servers: ['ns1.hostns.com', 'ns2.hostns.com'] })).toEqual({
      done: true,
      domains: ['domain1.com', 'domain2.com'],
      name_servers: ['ns1.hostns.com', 'ns2.hostns.com'],
    });
  });
});

describe('condense helpers', () => {
  it('epochToIso: milliseconds (number or digit string) -> ISO 8601 UTC without milliseconds', () => {
    expect(epochToIso(1361430589062)).toBe('2013-02-21T07:09:49Z');
    expect(epochToIso('1361430589062')).toBe('2013-02-21T07:09:49Z');
    expect(epochToIso(' 1361430589062 ')).toBe('2013-02-21T07:09:49Z');
    expect(epochToIso(1361430589000)).toBe('2013-02-21T07:09:49Z');
    for (const bad of [0, -1, '0', '', '-', '2013-02-21', '12.5', 'abc', null, undefined, {}, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(epochToIso(bad), String(bad)).toBeUndefined();
    }
  });

  it('flag: every spelling api3 uses', () => {
    for (const yes of ['yes', 'Yes', 'YES', 'on', 'ON', '1', 'true', 'y', ' yes ', 1, true]) expect(flag(yes), String(yes)).toBe(true);
    for (const no of ['no', 'No', 'NO', 'off', '0', 'false', 'n', 0, false]) expect(flag(no), String(no)).toBe(false);
    for (const other of ['maybe', '', 2, null, undefined, {}, '-']) expect(flag(other), String(other)).toBeUndefined();
  });

  it('money: "77.00 in USD", "$70.02", plain numbers only with a known currency', () => {
    expect(money('77.00 in USD')).toEqual({ amount: 77, currency: 'USD' });
    expect(money('44.50 in eur')).toEqual({ amount: 44.5, currency: 'EUR' });
    expect(money('12.00 GBP')).toEqual({ amount: 12, currency: 'GBP' });
    expect(money('1,234.56 in USD')).toEqual({ amount: 1234.56, currency: 'USD' });
    expect(money('$70.02')).toEqual({ amount: 70.02, currency: 'USD' });
    expect(money('$0.00')).toEqual({ amount: 0, currency: 'USD' });
    expect(money('-$5.00')).toEqual({ amount: -5, currency: 'USD' });
    expect(money('€9.99')).toEqual({ amount: 9.99, currency: 'EUR' });
    expect(money('£3')).toEqual({ amount: 3, currency: 'GBP' });
    expect(money('300.00', 'usd')).toEqual({ amount: 300, currency: 'USD' });
    expect(money(12.5, 'USD')).toEqual({ amount: 12.5, currency: 'USD' });
    expect(money('300.00')).toBeUndefined();
    expect(money(12.5)).toBeUndefined();
    for (const bad of ['', '-', 'free', 'USD', '$', null, undefined, {}]) expect(money(bad, 'USD'), String(bad)).toBeUndefined();
  });

  it('indexedList: Host0..HostN in index order, empties skipped, other keys ignored', () => {
    expect(indexedList({ Host0: 'ns1', Host1: 'ns2' })).toEqual(['ns1', 'ns2']);
    expect(indexedList({ Host10: 'k', Host2: 'c', Host0: 'a', Host1: '', Other: 'x', host3: 'd' })).toEqual(['a', 'c', 'd', 'k']);
    expect(indexedList({ Ns0: 'a', Ns1: 'b', Host0: 'z' }, 'Ns')).toEqual(['a', 'b']);
    expect(indexedList({ Host0: 5, Host1: 'ok' })).toEqual(['ok']);
    expect(indexedList(undefined)).toEqual([]);
    expect(indexedList('Host0')).toEqual([]);
  });

  it('snakeCase: api3 spellings -> snake_case', () => {
    const cases: Record<string, string> = {
      DomainName: 'domain_name',
      isForSale: 'is_for_sale',
      IDN: 'idn',
      TTL: 'ttl',
      'ResponseCode: ': 'response_code',
      GtldVerified: 'gtld_verified',
      TLDPrice: 'tld_price',
      Host0: 'host0',
      already_snake: 'already_snake',
      'Name Server': 'name_server',
      current_bid_price: 'current_bid_price',
    };
    for (const [from, to] of Object.entries(cases)) expect(snakeCase(from), from).toBe(to);
  });

  it('snakeKeys: at every depth, arrays included, values untouched', () => {
    expect(snakeKeys({ DomainName: 'A.com', NsContent: { Host0: 'x' }, List: [{ ServerId: '0' }] })).toEqual({
      domain_name: 'A.com',
      ns_content: { host0: 'x' },
      list: [{ server_id: '0' }],
    });
  });

  it('prune: drops "", null, "-", "(no folder)" and what they leave empty; keeps 0 and false', () => {
    expect(
      prune({
        a: '',
        b: null,
        c: '-',
        d: '(no folder)',
        e: 0,
        f: false,
        g: { h: '', i: { j: undefined } },
        k: ['', 'x', null, { l: '' }],
        m: [],
        n: 'keep',
        o: ' - ',
      }),
    ).toEqual({ e: 0, f: false, k: ['x'], n: 'keep' });
  });

  it('isEmptyValue, asList and text', () => {
    expect(isEmptyValue('--')).toBe(true);
    expect(isEmptyValue('N/A')).toBe(true);
    expect(isEmptyValue(0)).toBe(false);
    expect(asList({ a: 1 })).toEqual([{ a: 1 }]);
    expect(asList([{ a: 1 }, null, 'x', { b: 2 }])).toEqual([{ a: 1 }, { b: 2 }]);
    expect(asList(undefined)).toEqual([]);
    expect(asList('')).toEqual([]);
    expect(text(' x ')).toBe('x');
    expect(text('-')).toBeUndefined();
    expect(text(5)).toBe('5');
    expect(text(null)).toBeUndefined();
  });

  it('paginate: pages from 1 with a true total and has_more', () => {
    const all = [1, 2, 3, 4, 5];
    expect(paginate(all, 1, 2)).toEqual({ items: [1, 2], page: 1, page_size: 2, total: 5, has_more: true });
    expect(paginate(all, 2, 2)).toEqual({ items: [3, 4], page: 2, page_size: 2, total: 5, has_more: true });
    expect(paginate(all, 3, 2)).toEqual({ items: [5], page: 3, page_size: 2, total: 5, has_more: false });
    expect(paginate(all, 4, 2)).toEqual({ items: [], page: 4, page_size: 2, total: 5, has_more: false });
    expect(paginate(all, 1, 5)).toEqual({ items: all, page: 1, page_size: 5, total: 5, has_more: false });
    expect(paginate([], 1, 10)).toEqual({ items: [], page: 1, page_size: 10, total: 0, has_more: false });
  });
});
