import { describe, expect, it } from 'vitest';
import getDns from '../../../tools/dns/get_dns.js';
import { shapeDifferences } from '../../helpers/shape.js';
import {
  badInputSweep,
  condenseExample,
  exampleQueryCase,
  pinEffect,
  SHAPE_OPTIONS,
  simulate,
  simulatorShapeCase,
  useHarness,
} from '../../helpers/tool-test.js';

const { ok } = useHarness();

describe('toApi', () => {
  exampleQueryCase(getDns, { domain: 'mydomain.com' });
});

describe('condense', () => {
  it('get_dns: parking with ads', () => {
    expect(condenseExample(getDns, { domain: 'mydomain.com' })).toEqual({
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
    const result = getDns.condense(body, getDns.input.parse({ domain: 'example.com' }));
    expect(getDns.output.parse(result)).toEqual(result);
    expect(result).toEqual({
      domain: 'example.com',
      dns: {
        type: 'dynadot_dns',
        ttl: 3600,
        records: [
          { type: 'a', value: '192.0.2.1' },
          { type: 'mx', value: 'mx.example.com', priority: 10 },
          { subdomain: 'www', type: 'cname', value: 'example.com' },
        ],
      },
    });
  });
});

describe('simulator', () => {
  simulatorShapeCase(getDns, (q) => ({ ...q, domain: 'acme-widgets.net' }));

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
    expect(shapeDifferences(DNS_SHAPE, actual, SHAPE_OPTIONS)).toEqual([]);
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
});

describe('through the client', () => {
  it('get_dns: records and TTL of a domain on Dynadot DNS', async () => {
    const result = await ok('get_dns', { domain: 'acme-widgets.com' });
    expect(result).toEqual({
      domain: 'acme-widgets.com',
      dns: {
        type: 'dynadot_dns',
        ttl: 3600,
        records: [
          { type: 'a', value: '203.0.113.10' },
          { type: 'mx', value: 'mx1.mailhost.example', priority: 10 },
          { type: 'txt', value: 'v=spf1 include:mailhost.example ~all' },
          { subdomain: 'www', type: 'cname', value: 'acme-widgets.com' },
          { subdomain: 'api', type: 'a', value: '203.0.113.20' },
        ],
      },
    });
  });

  it('get_dns: a parked domain and one on other name servers', async () => {
    expect((await ok('get_dns', { domain: 'acme-widgets.net' })).dns).toEqual({ type: 'dynadot_parking', with_ads: false });
    expect((await ok('get_dns', { domain: 'widgetlab.io' })).dns).toEqual({
      type: 'name_servers',
      name_servers: ['ns1.cloudhost.example', 'ns2.cloudhost.example'],
    });
  });
});

describe('safety', () => {
  pinEffect(getDns, 'read');
  badInputSweep(getDns, { domain: 'acme-widgets.com' });
});

describe('one vocabulary for reads and writes', () => {
  it('get_dns answers records as set_dns2 takes them: written back, nothing changes', async () => {
    const records = [
      { type: 'a', value: '203.0.113.10' },
      { type: 'mx', value: 'mx1.mailhost.example', priority: 10 },
      { type: 'forward', subdomain: 'go', value: 'https://example.org/', permanent: false },
      { type: 'stealth', subdomain: 'shop', value: 'https://example.org/shop', title: 'Shop' },
      { type: 'email', subdomain: 'mail', value: 'me@example.org', alias: 'info' },
      { type: 'txt', subdomain: '_dmarc', value: 'v=DMARC1; p=none' },
    ];
    await ok('set_dns2', { domains: ['acme-widgets.com'], records, ttl: 600, confirm: true });
    const read = (await ok('get_dns', { domain: 'acme-widgets.com' })).dns;
    expect(read.records).toEqual(records);
    await ok('set_dns2', { domains: ['acme-widgets.com'], records: read.records, ttl: read.ttl, confirm: true });
    expect((await ok('get_dns', { domain: 'acme-widgets.com' })).dns).toEqual(read);
  });
});
