import { describe, expect, it } from 'vitest';
import { toolContext } from '../helpers/context.js';
import { type Api3ToolSpec, invoke } from '../../src/server/define.js';
import { Api3Error } from '../../src/api3/errors.js';
import {
  clearService,
  dnsRecords,
  emailForwarding,
  forDefault,
  forDomains,
  forFolder,
  forwarding,
  hostingWithMobileView,
  hosting,
  nameServers,
  parking,
  renewOption,
  stealth,
  whois,
} from '../../tools/shared/settings.js';
import { exampleQuery } from '../helpers/examples.js';
import { FakeApi } from '../helpers/fake-api.js';

/**
 * The setting families (tools/shared/settings.ts) against the api3 document: every scoped setting
 * command the document has, built from its payload and scope wrapper, must send exactly the
 * document's example query for arguments that mean the same. This holds the families to the
 * document before each scoped command gets its own tool file; a served one also has its own test.
 */
const meta = { title: 't', description: 'd', toolset: 'defaults' as const };
const contacts = { registrant: 0, admin: 0, technical: 0, billing: 0 };
const aaaaRecord = { records: [{ type: 'aaaa', value: '0:0:0:0:0:0:0:1' }] };

interface Case {
  spec: Api3ToolSpec;
  args: Record<string, unknown>;
  /**
   * Where the examples file lost part of the document's example request (a value with a quote or
   * an address the page obfuscated), the parameters the document's text shows are added here.
   */
  lost?: Record<string, string>;
  /** Parameters of the example the document lists nowhere for that command. */
  undocumented?: string[];
}

const CASES: Record<string, Case> = {
  set_whois: { spec: forDomains(whois, { ...meta, name: 'set_whois' }), args: { domains: ['domain4.com'], contacts } },
  set_ns: {
    spec: forDomains(nameServers, { ...meta, name: 'set_ns' }),
    args: { domains: ['domain1.com', 'domain2.com'], name_servers: ['ns1.hostns.com', 'ns2.hostns.com'] },
  },
  set_parking: { spec: forDomains(parking, { ...meta, name: 'set_parking' }), args: { domains: ['domain1.com'], with_ads: false } },
  set_forwarding: {
    spec: forDomains(forwarding, { ...meta, name: 'set_forwarding' }),
    args: { domains: ['domain1.com', 'domain2.com'], url: 'http://www.mydomain.com' },
  },
  set_stealth: {
    spec: forDomains(stealth, { ...meta, name: 'set_stealth' }),
    args: { domains: ['domain1.com'], url: 'http://www.obamashop.com', title: "obama's" },
    lost: { stealth_url: 'http://www.obamashop.com' },
  },
  set_hosting: {
    spec: forDomains(hostingWithMobileView, { ...meta, name: 'set_hosting' }),
    args: { domains: ['domain8.com'], hosting_type: 'advanced', mobile_view: true },
  },
  set_email_forward: {
    spec: forDomains(emailForwarding, { ...meta, name: 'set_email_forward' }),
    args: { domains: ['testdomain.com'], email: { type: 'forward', forwards: [{ mailbox: 'testusername', to: 'owner@example.org' }] } },
    lost: { exist_email0: 'owner@example.org' },
  },
  set_clear_domain_setting: {
    spec: forDomains(clearService(['forward', 'stealth', 'email_forwarding', 'dns', 'dnssec', 'nameservers']), { ...meta, name: 'set_clear_domain_setting' }),
    args: { domains: ['domain1.com'], service: 'nameservers' },
  },
  set_renew_option: { spec: forDomains(renewOption, { ...meta, name: 'set_renew_option' }), args: { domains: ['domain1.com'], renew_option: 'auto' } },

  set_folder_whois: { spec: forFolder(whois, { ...meta, name: 'set_folder_whois' }), args: { folder_id: 0, contacts } },
  set_folder_ns: {
    spec: forFolder(nameServers, { ...meta, name: 'set_folder_ns' }),
    args: { folder_id: 0, name_servers: ['ns1.hosts.com', 'ns2.host.com'], apply_to_new: true, sync: true },
  },
  set_folder_parking: { spec: forFolder(parking, { ...meta, name: 'set_folder_parking' }), args: { folder_id: 0, with_ads: false } },
  set_folder_forwarding: {
    spec: forFolder(forwarding, { ...meta, name: 'set_folder_forwarding' }),
    args: { folder_id: 0, url: 'http://mydomain.com', sync: true },
  },
  set_folder_stealth: {
    spec: forFolder(stealth, { ...meta, name: 'set_folder_stealth' }),
    args: { folder_id: 0, url: 'http://www.obamashop.com', title: "obama's" },
    lost: { stealth_url: 'http://www.obamashop.com' },
  },
  set_folder_hosting: { spec: forFolder(hosting, { ...meta, name: 'set_folder_hosting' }), args: { folder_id: 0, hosting_type: 'advanced', sync: true } },
  set_folder_dns2: { spec: forFolder(dnsRecords, { ...meta, name: 'set_folder_dns2' }), args: { folder_id: 0, ...aaaaRecord } },
  set_folder_email_forward: {
    spec: forFolder(emailForwarding, { ...meta, name: 'set_folder_email_forward' }),
    args: { folder_id: 0, email: { type: 'forward', forwards: [{ mailbox: 'test', to: 'owner@example.org' }] } },
    lost: { exist_email0: 'owner@example.org' },
  },
  set_clear_folder_setting: {
    spec: forFolder(clearService(['forward', 'stealth', 'email_forwarding', 'dns', 'nameservers']), { ...meta, name: 'set_clear_folder_setting' }),
    args: { folder_id: 0, service: 'nameservers' },
  },
  set_folder_renew_option: { spec: forFolder(renewOption, { ...meta, name: 'set_folder_renew_option' }), args: { folder_id: 0, renew_option: 'auto' } },

  set_default_whois: { spec: forDefault(whois, { ...meta, name: 'set_default_whois' }), args: { contacts } },
  set_default_ns: { spec: forDefault(nameServers, { ...meta, name: 'set_default_ns' }), args: { name_servers: ['ns1.hosts.com', 'ns2.host.com'] } },
  // The example sends folder_id=0, which the command's parameter list does not have.
  set_default_parking: { spec: forDefault(parking, { ...meta, name: 'set_default_parking' }), args: { with_ads: false }, undocumented: ['folder_id'] },
  set_default_forwarding: { spec: forDefault(forwarding, { ...meta, name: 'set_default_forwarding' }), args: { url: 'http://mydomain.com' } },
  set_default_stealth: {
    spec: forDefault(stealth, { ...meta, name: 'set_default_stealth' }),
    args: { url: 'http://www.obamashop.com', title: "obama's" },
    lost: { stealth_url: 'http://www.obamashop.com' },
  },
  set_default_hosting: { spec: forDefault(hosting, { ...meta, name: 'set_default_hosting' }), args: { hosting_type: 'advanced' } },
  set_default_dns2: { spec: forDefault(dnsRecords, { ...meta, name: 'set_default_dns2' }), args: aaaaRecord },
  set_default_email_forward: {
    spec: forDefault(emailForwarding, { ...meta, name: 'set_default_email_forward' }),
    args: { email: { type: 'forward', forwards: [{ mailbox: 'test', to: 'owner@example.org' }] } },
    lost: { exist_email0: 'owner@example.org' },
  },
  set_clear_default_setting: {
    spec: forDefault(clearService(['forward', 'stealth', 'email_forwarding', 'dns', 'nameservers']), { ...meta, name: 'set_clear_default_setting' }),
    args: { service: 'nameservers' },
  },
  set_default_renew_option: { spec: forDefault(renewOption, { ...meta, name: 'set_default_renew_option' }), args: { renew_option: 'auto' } },
};

describe('every scoped setting command of the document, built from its family', () => {
  for (const [command, c] of Object.entries(CASES)) {
    it(`${command} sends the document's example query`, () => {
      const expected: Record<string, string> = { ...exampleQuery(command), ...c.lost };
      for (const name of c.undocumented ?? []) delete expected[name];
      expect(c.spec.toApi(c.spec.input.parse(c.args))).toEqual(expected);
    });
  }
});

describe('the scopes decide the effect', () => {
  it('domains: destructive where the payload replaces what a domain has, write for a flag', () => {
    expect(CASES.set_ns?.spec.effect).toBe('destructive');
    expect(CASES.set_renew_option?.spec.effect).toBe('write');
  });

  it('folder: destructive only with sync; without it nothing live changes and no confirm is needed', async () => {
    const spec = CASES.set_folder_ns?.spec as Api3ToolSpec;
    expect(spec.effect).toBe('destructive');
    const args = { folder_id: 2, name_servers: ['ns1.example.com'] };
    // The folder scope decides on the input alone: no api3 is needed to tell.
    const noApi = toolContext({ call: () => Promise.reject(new Error('no api3 here')) });
    expect(await spec.needsConfirm?.(spec.input.parse({ ...args, sync: true }), noApi)).toBe(true);
    expect(await spec.needsConfirm?.(spec.input.parse(args), noApi)).toBe(false);
    expect(spec.toApi(spec.input.parse({ ...args, sync: false, apply_to_new: false }))).toEqual({ folder_id: '2', ns0: 'ns1.example.com', enable: 'no', sync: 'no' });
    expect(CASES.set_folder_renew_option?.spec.effect).toBe('write');
  });

  it('default: always a write (it changes no live domain)', () => {
    for (const [command, c] of Object.entries(CASES)) if (command.includes('default')) expect(c.spec.effect, command).toBe('write');
  });

  it('each result says what is now in place, and where', () => {
    const ns = CASES.set_ns?.spec as Api3ToolSpec;
    expect(ns.condense({}, ns.input.parse(CASES.set_ns?.args))).toEqual({
      done: true,
      domains: ['domain1.com', 'domain2.com'],
      changed: { name_servers: ['ns1.hostns.com', 'ns2.hostns.com'] },
    });
    const folder = CASES.set_folder_ns?.spec as Api3ToolSpec;
    expect(folder.condense({}, folder.input.parse(CASES.set_folder_ns?.args))).toEqual({
      done: true,
      folder_id: 0,
      changed: { name_servers: ['ns1.hosts.com', 'ns2.host.com'] },
    });
    const byDefault = CASES.set_default_renew_option?.spec as Api3ToolSpec;
    expect(byDefault.condense({}, byDefault.input.parse({ renew_option: 'do_not_renew' }))).toEqual({
      done: true,
      account_default: true,
      changed: { renew_option: 'do_not_renew' },
    });
  });

  it('payload rules hold in every scope: 13 name servers at most, forwarding needs an http(s) URL, 10 forwards, 3 mail hosts', () => {
    const hosts = Array.from({ length: 14 }, (_, i) => `ns${i}.example.com`);
    expect(CASES.set_default_ns?.spec.input.safeParse({ name_servers: hosts }).success).toBe(false);
    expect(CASES.set_folder_forwarding?.spec.input.safeParse({ folder_id: 0, url: 'ftp://x.example.com' }).success).toBe(false);
    // The URL parser would silently drop a newline; the value is refused instead of cleaned.
    expect(CASES.set_default_forwarding?.spec.input.safeParse({ url: 'https://a.example/\nx' }).success).toBe(false);
    const forwards = Array.from({ length: 11 }, (_, i) => ({ mailbox: `m${i}`, to: 'a@example.org' }));
    expect(CASES.set_default_email_forward?.spec.input.safeParse({ email: { type: 'forward', forwards } }).success).toBe(false);
    const mx = Array.from({ length: 4 }, (_, i) => ({ host: `mx${i}.example.com`, distance: i }));
    expect(CASES.set_default_email_forward?.spec.input.safeParse({ email: { type: 'mx', hosts: mx } }).success).toBe(false);
    expect(CASES.set_clear_default_setting?.spec.input.safeParse({ service: 'dnssec' }).success).toBe(false);
    expect(CASES.set_clear_domain_setting?.spec.input.safeParse({ domains: ['a.com'], service: 'dnssec' }).success).toBe(true);
  });

  it('email by MX host: hosts and distances as mx_host0.. and mx_distance0..; none is forward_type donot', () => {
    const spec = CASES.set_default_email_forward?.spec as Api3ToolSpec;
    const mx = { email: { type: 'mx', hosts: [{ host: 'mx1.example.com', distance: 0 }, { host: 'mx2.example.com', distance: 10 }] } };
    expect(spec.toApi(spec.input.parse(mx))).toEqual({
      forward_type: 'mx',
      mx_host0: 'mx1.example.com',
      mx_distance0: '0',
      mx_host1: 'mx2.example.com',
      mx_distance1: '10',
    });
    expect(spec.toApi(spec.input.parse({ email: { type: 'none' } }))).toEqual({ forward_type: 'donot' });
  });

  it('forwarding: permanent is api3 is_temp=no, temporary is_temp=yes', () => {
    const spec = CASES.set_default_forwarding?.spec as Api3ToolSpec;
    expect(spec.toApi(spec.input.parse({ url: 'https://a.example', permanent: true })).is_temp).toBe('no');
    expect(spec.toApi(spec.input.parse({ url: 'https://a.example', permanent: false })).is_temp).toBe('yes');
  });
});

describe('a write on domains answers what it replaced', () => {
  /** list_domain as api3 answers it, for domains given as [name, name server setting, renew option]. */
  const listed = (domains: Array<[string, Record<string, unknown>, string]>) => ({
    root: 'ListDomainInfoResponse',
    body: {
      ResponseCode: 0,
      Status: 'success',
      MainDomains: domains.map(([Name, NameServerSettings, RenewOption]) => ({ Name, Expiration: '1361430589062', NameServerSettings, RenewOption, Privacy: 'full' })),
    },
  });
  const dns = {
    Type: 'Dynadot DNS',
    MainDomains: [{ RecordType: 'MX', Value: 'mx.example.com', Value2: '10' }],
    SubDomains: [{ Subhost: 'go', RecordType: 'FORWARD', Value: 'https://example.org/', Value2: '2' }],
    TTL: '300',
  };
  const outside = { Type: 'Name Servers', NameServers: [{ ServerId: '', ServerName: 'ns1.other.example' }] };

  it('set_ns: one list_domain read, then the one write; previous in the terms of the fields, records as written', async () => {
    const api = new FakeApi({
      list_domain: () => listed([['a.com', dns, 'auto renew'], ['b.com', outside, 'do not renew'], ['c.com', { Type: 'Dynadot Parking', WithAds: 'No' }, 'auto renew']]),
      set_ns: () => ({ root: 'SetNsResponse', body: { ResponseCode: 0, Status: 'success' } }),
    });
    const spec = CASES.set_ns?.spec as Api3ToolSpec;
    const result = await invoke(spec, spec.input.parse({ domains: ['a.com', 'b.com'], name_servers: ['ns1.hostns.com'] }), toolContext(api));
    expect(result).toEqual({
      done: true,
      domains: ['a.com', 'b.com'],
      changed: { name_servers: ['ns1.hostns.com'] },
      previous: {
        'a.com': {
          service: 'dynadot_dns',
          records: [
            { type: 'mx', value: 'mx.example.com', priority: 10 },
            { subdomain: 'go', type: 'forward', value: 'https://example.org/', permanent: false },
          ],
          ttl: 300,
        },
        'b.com': { name_servers: ['ns1.other.example'] },
      },
    });
    expect(api.requests.map((r) => [r.command, r.mutates])).toEqual([
      ['list_domain', false],
      ['set_ns', true],
    ]);
    expect(spec.output.safeParse(result).success).toBe(true);
  });

  it('set_renew_option: api3\'s words become the values the tool takes, so previous can be sent back as is', async () => {
    const api = new FakeApi({
      list_domain: () => listed([['a.com', outside, 'auto renew'], ['b.com', outside, 'do not renew'], ['c.com', outside, 'no renew option']]),
      set_renew_option: () => ({ root: 'SetRenewOptionResponse', body: { ResponseCode: 0, Status: 'success' } }),
    });
    const spec = CASES.set_renew_option?.spec as Api3ToolSpec;
    const result = await invoke(spec, spec.input.parse({ domains: ['a.com', 'b.com', 'c.com'], renew_option: 'auto' }), toolContext(api));
    expect(result.previous).toEqual({ 'a.com': { renew_option: 'auto' }, 'b.com': { renew_option: 'do_not_renew' }, 'c.com': { renew_option: 'reset' } });
  });

  it('a failed read of the previous values never blocks the write: the answer leaves previous out', async () => {
    const api = new FakeApi({
      list_domain: () => {
        throw new Api3Error('busy', 'api3: system_busy');
      },
      set_renew_option: () => ({ root: 'SetRenewOptionResponse', body: { ResponseCode: 0, Status: 'success' } }),
    });
    const spec = CASES.set_renew_option?.spec as Api3ToolSpec;
    const result = await invoke(spec, spec.input.parse({ domains: ['a.com'], renew_option: 'auto' }), toolContext(api));
    expect(result).toEqual({ done: true, domains: ['a.com'], changed: { renew_option: 'auto' } });
    expect(api.requests.map((r) => r.command)).toEqual(['list_domain', 'set_renew_option']);
  });

  it('a write api3 refuses is an error, whatever the read before it found', async () => {
    const api = new FakeApi({
      list_domain: () => listed([]),
      set_ns: () => {
        throw new Api3Error('not_found', 'api3: a.com not found');
      },
    });
    const spec = CASES.set_ns?.spec as Api3ToolSpec;
    await expect(invoke(spec, spec.input.parse({ domains: ['a.com'], name_servers: ['ns1.hostns.com'] }), toolContext(api))).rejects.toMatchObject({ code: 'not_found' });
  });
});
