import { describe, expect, it } from 'vitest';
import { API3_TOOLS as CATALOG } from '../../tools/index.js';
import type { AnyToolSpec } from '../../src/server/define.js';
import { exampleQuery } from '../helpers/examples.js';

/**
 * Each tool's `toApi` against the api3 document's own example request: agent-terms arguments
 * that mean what the example means must produce exactly the example's query (minus `command`).
 */
const spec = (name: string): AnyToolSpec => {
  const found = CATALOG.find((s) => s.name === name);
  if (!found) throw new Error(`no tool named ${name}`);
  return found;
};

const toApi = (name: string, args: Record<string, unknown>) => {
  const s = spec(name);
  return s.toApi(s.input.parse(args));
};

/** Agent-terms arguments equivalent to the document's example query, per tool. */
const EXAMPLE_ARGS: Record<string, Record<string, unknown>> = {
  search: { domains: ['mydomain.com', 'mydomain.net'], with_prices: true, currency: 'USD' },
  tld_price: { currency: 'USD' },
  list_domain: {},
  domain_info: { domain: 'domain1.com' },
  register: { domain: 'domain1.net', years: 3, currency: 'USD' },
  // The document's renew example asks for "domian1.com" (a typo for domain1.com, its response
  // says domain1.com); the typo is still a valid domain name, so the example is reproduced as is.
  renew: { domain: 'domian1.com', years: 1, currency: 'USD', coupon: 'testcoupon' },
  delete: { domain: 'domain1.com' },
  lock_domain: { domain: 'domain4.com' },
  set_note: { domain: 'domain1.com', note: 'Do' },
  set_renew_option: { domains: ['domain1.com'], renew_option: 'auto' },
  set_privacy: { domains: ['domain1.com'], privacy: 'off' },
  get_dns: { domain: 'mydomain.com' },
  // The example replaces the records (no add_dns_to_current_setting), so append stays false.
  set_dns2: {
    domains: ['domain1.com'],
    records: [
      { type: 'aaaa', value: '0:0:0:0:0:0:0:1' },
      { type: 'mx', value: 'mail1.myisp.com', priority: 0 },
      { type: 'a', subdomain: 'www', value: '192.168.1.1' },
    ],
  },
  get_ns: { domain: 'mydomain.com' },
  server_list: {},
  set_ns: { domains: ['domain1.com', 'domain2.com'], name_servers: ['ns1.hostns.com', 'ns2.hostns.com'] },
  contact_list: {},
  get_contact: { contact_id: 10000 },
  account_info: {},
  get_account_balance: {},
  is_processing: {},
};

describe('toApi reproduces the api3 document example query', () => {
  for (const [name, args] of Object.entries(EXAMPLE_ARGS)) {
    it(name, () => {
      const params = toApi(name, args);
      expect(params).toEqual(exampleQuery(name));
      for (const value of Object.values(params)) expect(typeof value).toBe('string');
      expect(params).not.toHaveProperty('command');
      expect(params).not.toHaveProperty('key');
    });
  }

  it('every tool in the catalog has an example case here, and no case names a missing tool', () => {
    const names = CATALOG.map((s) => s.name).sort();
    expect(Object.keys(EXAMPLE_ARGS).sort()).toEqual(names);
  });
});

/** The parts of each tool's api3 spelling the document's examples do not exercise. */
describe('toApi beyond the examples (parameter names from the document)', () => {
  it('search: without prices there is no show_price, and currency is upper-cased', () => {
    expect(toApi('search', { domains: ['a.com'], with_prices: false, currency: 'eur' })).toEqual({ domain0: 'a.com', currency: 'EUR' });
    // with_prices defaults to true
    expect(toApi('search', { domains: ['a.com'] })).toEqual({ domain0: 'a.com', show_price: '1' });
  });

  it('search: domains become domain0..domainN in order; IDNs are sent in their xn-- form', () => {
    const params = toApi('search', { domains: ['b.com', 'A.COM', 'bücher.de'], with_prices: false });
    expect(params).toEqual({ domain0: 'b.com', domain1: 'a.com', domain2: 'xn--bcher-kva.de' });
  });

  it('search: at most 100 domains, no duplicates', () => {
    const many = Array.from({ length: 101 }, (_, i) => `d${i}.com`);
    expect(() => spec('search').input.parse({ domains: many })).toThrow();
    expect(() => spec('search').input.parse({ domains: ['a.com', 'a.com'] })).toThrow();
  });

  it('register: contacts by role, premium, coupon and the .at/.be options', () => {
    expect(
      toApi('register', {
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
    expect(toApi('register', { domain: 'a.com', years: 1, contacts: { registrant: 0 } })).toEqual({
      domain: 'a.com',
      duration: '1',
      registrant_contact: '0',
    });
  });

  it('register and renew: years must be 1 to 10', () => {
    for (const name of ['register', 'renew']) {
      expect(() => spec(name).input.parse({ domain: 'a.com', years: 0 })).toThrow();
      expect(() => spec(name).input.parse({ domain: 'a.com', years: 11 })).toThrow();
      expect(() => spec(name).input.parse({ domain: 'a.com', years: 1.5 })).toThrow();
    }
  });

  it('renew: expected expiry year and the late-fee guard', () => {
    expect(toApi('renew', { domain: 'a.com', years: 2, expected_expiry_year: 2027, skip_if_late_fee: true })).toEqual({
      domain: 'a.com',
      duration: '2',
      year: '2027',
      no_renew_if_late_renew_fee_needed: '1',
    });
  });

  it('set_renew_option: agent terms map to donot, auto, reset; several domains are comma separated', () => {
    expect(toApi('set_renew_option', { domains: ['a.com', 'b.net'], renew_option: 'do_not_renew' })).toEqual({
      domain: 'a.com,b.net',
      renew_option: 'donot',
    });
    expect(toApi('set_renew_option', { domains: ['a.com'], renew_option: 'reset' }).renew_option).toBe('reset');
  });

  it('set_privacy: full, partial, off', () => {
    for (const privacy of ['full', 'partial', 'off']) {
      expect(toApi('set_privacy', { domains: ['a.com', 'b.com'], privacy })).toEqual({ domain: 'a.com,b.com', option: privacy });
    }
    expect(() => spec('set_privacy').input.parse({ domains: ['a.com'], privacy: 'none' })).toThrow();
  });

  it('set_ns: up to 13 name servers as ns0..ns12', () => {
    const hosts = Array.from({ length: 13 }, (_, i) => `ns${i}.host.example`);
    const params = toApi('set_ns', { domains: ['a.com'], name_servers: hosts });
    expect(params.ns12).toBe('ns12.host.example');
    expect(Object.keys(params)).toHaveLength(14);
    expect(() => spec('set_ns').input.parse({ domains: ['a.com'], name_servers: [...hosts, 'ns13.host.example'] })).toThrow();
  });

  it('set_dns2: append, ttl, forward (301 = 1, 302 = 2), stealth title, email alias, srv on a subdomain', () => {
    expect(
      toApi('set_dns2', {
        domains: ['a.com', 'b.com'],
        append: true,
        ttl: 300,
        records: [
          { type: 'forward', value: 'https://example.org/', permanent: false },
          { type: 'stealth', subdomain: '@', value: 'https://example.org/x', title: 'Welcome' },
          { type: 'email', subdomain: 'mail', value: 'me@example.org', alias: 'info' },
          { type: 'srv', subdomain: '_sip._tcp', value: '10 60 5060 sip.example.org' },
          { type: 'forward', subdomain: 'go', value: 'https://example.org/go' },
          { type: 'txt', subdomain: '', value: 'v=spf1 -all' },
        ],
      }),
    ).toEqual({
      domain: 'a.com,b.com',
      main_record_type0: 'forward',
      main_record0: 'https://example.org/',
      main_recordx0: '2',
      main_record_type1: 'stealth',
      main_record1: 'https://example.org/x',
      main_recordx1: 'Welcome',
      main_record_type2: 'txt',
      main_record2: 'v=spf1 -all',
      subdomain0: 'mail',
      sub_record_type0: 'email',
      sub_record0: 'me@example.org',
      sub_recordx0: 'info',
      subdomain1: '_sip._tcp',
      sub_record_type1: 'srv',
      sub_record1: '10 60 5060 sip.example.org',
      subdomain2: 'go',
      sub_record_type2: 'forward',
      sub_record2: 'https://example.org/go',
      sub_recordx2: '1',
      ttl: '300',
      add_dns_to_current_setting: '1',
    });
  });

  it('set_dns2: the document limits (20 main records) and record validation hold', () => {
    const input = spec('set_dns2').input;
    const main = Array.from({ length: 21 }, (_, i) => ({ type: 'a', value: `192.0.2.${i + 1}` }));
    expect(() => input.parse({ domains: ['a.com'], records: main })).toThrow();
    expect(() => input.parse({ domains: ['a.com'], records: main.slice(0, 20) })).not.toThrow();
    expect(() => input.parse({ domains: ['a.com'], records: [{ type: 'a', value: '::1' }] })).toThrow();
    expect(() => input.parse({ domains: ['a.com'], records: [{ type: 'srv', value: '10 60 5060 sip.example.org' }] })).toThrow();
    expect(() => input.parse({ domains: ['a.com'], records: [{ type: 'mx', value: 'mx.example.org' }] })).toThrow();
    expect(() => input.parse({ domains: ['a.com'], records: [{ type: 'txt', value: 'line\nbreak' }] })).toThrow();
  });

  it('tld_price: sort names map to api3 spelling; paging and filtering stay local', () => {
    expect(toApi('tld_price', { sort: 'name', tlds: ['com'], page: 2, page_size: 10 })).toEqual({ sort: 'NameAsc' });
    expect(toApi('tld_price', { sort: 'launch_date_desc' })).toEqual({ sort: 'LaunchDateDesc' });
  });

  it('values that would smuggle extra query parameters are refused', () => {
    expect(() => spec('domain_info').input.parse({ domain: 'a.com&command=delete' })).toThrow();
    expect(() => spec('set_note').input.parse({ domain: 'a.com', note: 'x\u0000y' })).toThrow();
    // A note with & and = is fine: it is one parameter's value, URL-encoded by the client.
    expect(toApi('set_note', { domain: 'a.com', note: 'a&b=c' })).toEqual({ domain: 'a.com', note: 'a&b=c' });
  });
});
