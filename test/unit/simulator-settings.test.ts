import { describe, expect, it } from 'vitest';
import { answer } from '../../src/simulator/server.js';
import { moveToFolder } from '../../src/simulator/setting-scopes.js';
import { type DomainSettings, seedAccount, type SimAccount, type SimDomain } from '../../src/simulator/state.js';
import { exampleFor, exampleQuery, exampleResponse } from '../helpers/examples.js';
import { shapeDifferences } from '../helpers/shape.js';

/**
 * The simulator's setting families (src/simulator/settings.ts, setting-scopes.ts): every scoped
 * setting command of the document, driven with its example query adapted to the seeded account,
 * answers in the example's shape and changes what it says: the domains named, the folder (and with
 * sync its domains), or the account default (and so the next registered domain). Refusals change
 * nothing at all.
 *
 * Seeded folder 0 "Clients" holds widgetlab.io (other name servers) and acme-widgets.de (parked,
 * contacts 1/1/0/0, an email forward); folder 1 "Parked" is empty.
 */
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const OPTIONS = { numberOrString: new Set(['ResponseCode', 'SuccessCode']) };
const NS = ['ns1.cloudhost.example', 'ns2.cloudhost.example'];
const FOLDER_DOMAINS = ['widgetlab.io', 'acme-widgets.de'];
const PARKED = { kind: 'parking', withAds: false } as const;

type Slot = keyof DomainSettings;
type Scope = 'domains' | 'folder' | 'default';
interface Case {
  scope: Scope;
  slot: Slot;
  /** The example query with the document's domains, hosts and lost parameters made the account's. */
  adapt?(q: Record<string, string>): Record<string, string>;
  /** What the domains, the folder or the default hold afterwards (undefined: the folder's setting is gone). */
  expected: unknown;
  /** Folder scope: what the folder's domains hold after a sync, when not `expected`. */
  onDomains?: unknown;
  /** State to start from, where the seeded one already has the expected value. */
  setup?(account: SimAccount): void;
}

const ns = { kind: 'nameservers', hosts: NS };
const hosts = (q: Record<string, string>) => ({ ...q, ns0: NS[0] as string, ns1: NS[1] as string });
// The examples file lost what followed a quote or an obfuscated address; the document's text has it.
const stealthUrl = (q: Record<string, string>) => ({ ...q, stealth_url: 'http://www.obamashop.com' });
const existEmail = (q: Record<string, string>) => ({ ...q, exist_email0: 'owner@example.org' });
const stealthAs = { kind: 'stealth', url: 'http://www.obamashop.com', title: "obama's" };
const forwardTo = (username: string) => ({ kind: 'forward', forwards: [{ username, to: 'owner@example.org' }] });
const aaaa = { kind: 'dns', ttl: 3600, main: [{ type: 'aaaa', value: '0:0:0:0:0:0:0:1' }], sub: [] };

const CASES: Record<string, Case> = {
  set_whois: { scope: 'domains', slot: 'contacts', adapt: (q) => ({ ...q, domain: 'acme-widgets.de' }), expected: { registrant: 0, admin: 0, technical: 0, billing: 0 } },
  set_ns: { scope: 'domains', slot: 'nameServers', adapt: (q) => ({ ...hosts(q), domain: 'acme-widgets.com,widget.dev' }), expected: ns },
  set_parking: { scope: 'domains', slot: 'nameServers', adapt: (q) => ({ ...q, domain: 'acme-widgets.com' }), expected: PARKED },
  set_forwarding: {
    scope: 'domains',
    slot: 'nameServers',
    adapt: (q) => ({ ...q, domain: 'acme-widgets.com,widget.dev' }),
    expected: { kind: 'forwarding', url: 'http://www.mydomain.com', permanent: false },
  },
  set_stealth: { scope: 'domains', slot: 'nameServers', adapt: (q) => ({ ...stealthUrl(q), domain: 'acme-widgets.com' }), expected: stealthAs },
  set_hosting: {
    scope: 'domains',
    slot: 'nameServers',
    adapt: (q) => ({ ...q, domain: 'widget.dev' }),
    expected: { kind: 'hosting', hostingType: 'advanced', mobileView: true },
  },
  set_dns2: {
    scope: 'domains',
    slot: 'nameServers',
    adapt: (q) => ({ ...q, domain: 'widget.dev' }),
    // widget.dev's TTL (300) stays when the request names none.
    expected: {
      kind: 'dns',
      ttl: 300,
      main: [
        { type: 'aaaa', value: '0:0:0:0:0:0:0:1' },
        { type: 'mx', value: 'mail1.myisp.com', extra: '0' },
      ],
      sub: [{ subhost: 'www', type: 'a', value: '192.168.1.1' }],
    },
  },
  set_email_forward: { scope: 'domains', slot: 'emailForward', adapt: (q) => ({ ...existEmail(q), domain: 'acme-widgets.com' }), expected: forwardTo('testusername') },
  set_clear_domain_setting: { scope: 'domains', slot: 'nameServers', adapt: (q) => ({ ...q, domain: 'widgetlab.io' }), expected: PARKED },
  set_renew_option: { scope: 'domains', slot: 'renewOption', adapt: (q) => ({ ...q, domain: 'acme-widgets.net' }), expected: 'auto renew' },

  set_folder_whois: { scope: 'folder', slot: 'contacts', expected: { registrant: 0, admin: 0, technical: 0, billing: 0 } },
  set_folder_ns: { scope: 'folder', slot: 'nameServers', adapt: hosts, expected: ns },
  set_folder_parking: { scope: 'folder', slot: 'nameServers', expected: PARKED },
  set_folder_forwarding: { scope: 'folder', slot: 'nameServers', expected: { kind: 'forwarding', url: 'http://mydomain.com', permanent: false } },
  set_folder_stealth: { scope: 'folder', slot: 'nameServers', adapt: (q) => ({ ...stealthUrl(q), sync: 'yes' }), expected: stealthAs },
  set_folder_hosting: { scope: 'folder', slot: 'nameServers', expected: { kind: 'hosting', hostingType: 'advanced', mobileView: false } },
  set_folder_dns2: { scope: 'folder', slot: 'nameServers', expected: aaaa },
  set_folder_email_forward: { scope: 'folder', slot: 'emailForward', adapt: existEmail, expected: forwardTo('test') },
  set_clear_folder_setting: {
    scope: 'folder',
    slot: 'nameServers',
    setup: (a) => void (a.folders.get(0)!.settings.nameServers = { value: { kind: 'nameservers', hosts: NS }, enabled: true }),
    expected: undefined,
    // widgetlab.io leaves its name servers for parking; acme-widgets.de was parked already.
    onDomains: PARKED,
  },
  set_folder_renew_option: { scope: 'folder', slot: 'renewOption', expected: 'auto renew' },

  set_default_whois: {
    scope: 'default',
    slot: 'contacts',
    setup: (a) => void (a.defaults.contacts = { registrant: 1, admin: 1, technical: 1, billing: 1 }),
    expected: { registrant: 0, admin: 0, technical: 0, billing: 0 },
  },
  set_default_ns: { scope: 'default', slot: 'nameServers', adapt: hosts, expected: ns },
  set_default_parking: { scope: 'default', slot: 'nameServers', setup: (a) => void (a.defaults.nameServers = structuredClone(aaaa) as never), expected: PARKED },
  set_default_forwarding: { scope: 'default', slot: 'nameServers', expected: { kind: 'forwarding', url: 'http://mydomain.com', permanent: false } },
  set_default_stealth: { scope: 'default', slot: 'nameServers', adapt: stealthUrl, expected: stealthAs },
  set_default_hosting: { scope: 'default', slot: 'nameServers', expected: { kind: 'hosting', hostingType: 'advanced', mobileView: false } },
  set_default_dns2: { scope: 'default', slot: 'nameServers', expected: aaaa },
  set_default_email_forward: { scope: 'default', slot: 'emailForward', adapt: existEmail, expected: forwardTo('test') },
  set_clear_default_setting: { scope: 'default', slot: 'nameServers', setup: (a) => void (a.defaults.nameServers = { kind: 'nameservers', hosts: NS }), expected: PARKED },
  set_default_renew_option: { scope: 'default', slot: 'renewOption', expected: 'auto renew' },
};

/** A deep copy of everything a setting command could change. */
function snapshot(account: SimAccount) {
  return structuredClone({ domains: [...account.domains.values()], folders: [...account.folders.values()], defaults: account.defaults });
}

const domainOf = (account: SimAccount, name: string): SimDomain => {
  const domain = account.domains.get(name);
  if (!domain) throw new Error(`${name} is not seeded`);
  return domain;
};

/** The answer's body under its root, which must be the example's. */
function run(command: string, params: Record<string, string>, account: SimAccount) {
  const actual = answer(command, params, account, NOW);
  const example = exampleResponse(exampleFor(command)) as Record<string, unknown>;
  const root = Object.keys(example)[0] as string;
  expect(Object.keys(actual)).toEqual([root]);
  return { actual, example, body: actual[root] as Record<string, unknown>, exampleBody: example[root] as Record<string, unknown> };
}

function prepared(c: Case): SimAccount {
  const account = seedAccount(NOW);
  c.setup?.(account);
  return account;
}

describe('every scoped setting command: the example answers in shape and changes the state', () => {
  it('covers the 30 commands of the three scopes', () => {
    expect(Object.keys(CASES)).toHaveLength(30);
    expect(Object.values(CASES).filter((c) => c.scope === 'folder')).toHaveLength(10);
    expect(Object.values(CASES).filter((c) => c.scope === 'default')).toHaveLength(10);
  });

  for (const [command, c] of Object.entries(CASES)) {
    it(command, () => {
      const account = prepared(c);
      const before = snapshot(account);
      const params = c.adapt ? c.adapt(exampleQuery(command)) : exampleQuery(command);
      const { actual, example, body, exampleBody } = run(command, params, account);
      expect(body.ResponseCode, JSON.stringify(body)).toBe(exampleBody.ResponseCode);
      expect(shapeDifferences(example, actual, OPTIONS)).toEqual([]);

      const touched =
        c.scope === 'domains' ? (params.domain as string).split(',') : c.scope === 'folder' && params.sync === 'yes' ? FOLDER_DOMAINS : [];
      for (const name of touched) expect(domainOf(account, name)[c.slot], name).toEqual(c.scope === 'domains' ? c.expected : (c.onDomains ?? c.expected));
      // Every other domain is as it was, and a domain named had something else before.
      const untouched = (d: SimDomain) => !touched.includes(d.name);
      expect(snapshot(account).domains.filter(untouched)).toEqual(before.domains.filter(untouched));
      if (c.scope === 'domains') {
        for (const name of touched) expect(before.domains.find((d) => d.name === name)?.[c.slot], name).not.toEqual(c.expected);
        expect(snapshot(account).folders).toEqual(before.folders);
        expect(account.defaults).toEqual(before.defaults);
      }

      if (c.scope === 'folder') {
        const stored = account.folders.get(0)?.settings[c.slot];
        if (c.expected === undefined) expect(stored).toBeUndefined();
        else expect(stored).toEqual({ value: c.expected, enabled: params.enable === 'yes' });
        expect(before.folders[0]?.settings[c.slot]).not.toEqual(stored);
        expect(account.folders.get(1)?.settings).toEqual(before.folders[1]?.settings);
        expect(account.defaults).toEqual(before.defaults);
      }

      if (c.scope === 'default') {
        expect(account.defaults[c.slot]).toEqual(c.expected);
        expect(before.defaults[c.slot]).not.toEqual(c.expected);
        expect(snapshot(account).folders).toEqual(before.folders);
        const registered = answer('register', { domain: 'brand-new-name.com', duration: '1' }, account, NOW);
        expect(registered.RegisterResponse).toMatchObject({ Status: 'success' });
        expect(domainOf(account, 'brand-new-name.com')[c.slot]).toEqual(c.expected);
      }
    });
  }

  it('set_folder_ns and set_default_ns list the hosts now set with their server ids', () => {
    for (const command of ['set_folder_ns', 'set_default_ns']) {
      const { body } = run(command, hosts(exampleQuery(command)), seedAccount(NOW));
      const content = command === 'set_folder_ns' ? body.SetFolderNsContent : body.SetDefaultNsContent;
      expect(content, command).toEqual({
        Servers: [
          { ServerName: NS[0], ServerId: '0' },
          { ServerName: NS[1], ServerId: '1' },
        ],
      });
    }
  });
});

describe('folder scope: sync applies now, enable applies to domains moved in later', () => {
  for (const [command, c] of Object.entries(CASES).filter(([, c]) => c.scope === 'folder')) {
    it(`${command} with sync=yes changes the folder's domains, without sync it does not`, () => {
      const query = c.adapt ? c.adapt(exampleQuery(command)) : exampleQuery(command);
      const { sync: _sync, ...withoutSync } = query;

      const synced = prepared(c);
      expect(run(command, { ...query, sync: 'yes' }, synced).body.Status).toBe('success');
      for (const name of FOLDER_DOMAINS) expect(domainOf(synced, name)[c.slot], name).toEqual(c.onDomains ?? c.expected);

      const notSynced = prepared(c);
      const before = snapshot(notSynced);
      expect(run(command, withoutSync, notSynced).body.Status).toBe('success');
      expect(snapshot(notSynced).domains).toEqual(before.domains);
      expect(snapshot(notSynced).folders).not.toEqual(before.folders);
    });
  }

  it('enable=yes: a domain moved into the folder later takes the setting; without enable it does not', () => {
    const account = seedAccount(NOW);
    run('set_folder_renew_option', { folder_id: '1', renew_option: 'donot', enable: 'yes' }, account);
    run('set_folder_whois', { folder_id: '0', registrant_contact: '1', admin_contact: '1', technical_contact: '1', billing_contact: '1' }, account);
    expect(account.folders.get(1)?.settings.renewOption).toEqual({ value: 'do not renew', enabled: true });
    expect(account.folders.get(0)?.settings.contacts?.enabled).toBe(false);

    const moved = domainOf(account, 'acme-widgets.com');
    moveToFolder(account, moved, 1);
    expect(moved.folderId).toBe(1);
    expect(moved.renewOption).toBe('do not renew');
    // Parked's seeded parking setting is enabled too.
    expect(moved.nameServers).toEqual({ kind: 'parking', withAds: true });

    const other = domainOf(account, 'widget.dev');
    moveToFolder(account, other, 0);
    expect(other.contacts).toEqual({ registrant: 0, admin: 0, technical: 0, billing: 0 });
    expect(() => moveToFolder(account, other, 7)).toThrow(/folder 7 not found/);
  });

  it('domain_info names the folder a domain is in', () => {
    const info = answer('domain_info', { domain: 'widgetlab.io' }, seedAccount(NOW), NOW).DomainInfoResponse as any;
    expect(info.DomainInfo.Folder).toEqual({ FolderId: '0', FolderName: 'Clients' });
    const none = answer('domain_info', { domain: 'acme-widgets.com' }, seedAccount(NOW), NOW).DomainInfoResponse as any;
    expect(none.DomainInfo.Folder).toEqual({ FolderId: '-1', FolderName: '(no folder)' });
  });
});

describe('values as api3 spells them', () => {
  it('get_dns renders forwarding, stealth and hosting with their type and target', () => {
    const account = seedAccount(NOW);
    const settings = (domain: string) => (answer('get_dns', { domain }, account, NOW).GetDnsResponse as any).GetDns.NameServerSettings;
    run('set_forwarding', { domain: 'acme-widgets.com', forward_url: 'https://target.example/', is_temp: 'no' }, account);
    expect(domainOf(account, 'acme-widgets.com').nameServers).toEqual({ kind: 'forwarding', url: 'https://target.example/', permanent: true });
    expect(settings('acme-widgets.com')).toEqual({ Type: 'Forwarding', ForwardTo: 'https://target.example/' });
    run('set_stealth', { domain: 'widget.dev', stealth_url: 'http://shop.example/' }, account);
    expect(domainOf(account, 'widget.dev').nameServers).toEqual({ kind: 'stealth', url: 'http://shop.example/', title: '' });
    expect(settings('widget.dev')).toEqual({ Type: 'Stealth Forwarding', ForwardTo: 'http://shop.example/' });
    run('set_hosting', { domain: 'acme-widgets.net', hosting_type: 'basic' }, account);
    expect(settings('acme-widgets.net')).toEqual({ Type: 'Dynadot Hosting' });
  });

  it('account_info shows the account defaults', () => {
    const account = seedAccount(NOW);
    const defaults = () => (answer('account_info', {}, account, NOW).AccountInfoResponse as any).AccountInfo.DefaultSettings;
    expect(defaults()).toEqual({
      DefaultWhois: {
        DefaultRegistrant: { ContactId: '0' },
        DefaultAdmin: { ContactId: '0' },
        DefaultTechnical: { ContactId: '0' },
        DefaultBilling: { ContactId: '0' },
      },
      DefaultNameServerSettings: { Type: 'Dynadot Parking', WithAds: 'No' },
    });
    run('set_default_whois', { registrant_contact: '1', admin_contact: '0', technical_contact: '1', billing_contact: '0' }, account);
    run('set_default_ns', { ns0: NS[0] as string }, account);
    expect(defaults().DefaultWhois.DefaultRegistrant).toEqual({ ContactId: '1' });
    expect(defaults().DefaultWhois.DefaultTechnical).toEqual({ ContactId: '1' });
    expect(defaults().DefaultNameServerSettings).toEqual({ Type: 'Name Servers', NameServers: [{ ServerId: '', ServerName: NS[0] }] });
  });

  it('register: contacts given win over the default ones; each domain gets its own copy of the defaults', () => {
    const account = seedAccount(NOW);
    run('set_default_whois', { registrant_contact: '1', admin_contact: '1', technical_contact: '1', billing_contact: '1' }, account);
    run('set_default_dns2', { main_record_type0: 'a', main_record0: '192.0.2.1' }, account);
    answer('register', { domain: 'brand-new-name.com', duration: '1', registrant_contact: '0' }, account, NOW);
    const domain = domainOf(account, 'brand-new-name.com');
    expect(domain.contacts).toEqual({ registrant: 0, admin: 1, technical: 1, billing: 1 });
    expect(domain.renewOption).toBe('no renew option');
    expect(domain.emailForward).toEqual({ kind: 'none' });
    run('set_dns2', { domain: 'brand-new-name.com', main_record_type0: 'txt', main_record0: 'x', add_dns_to_current_setting: '1' }, account);
    expect(domain.nameServers).toMatchObject({ kind: 'dns', main: [{ type: 'a' }, { type: 'txt' }] });
    expect(account.defaults.nameServers).toMatchObject({ kind: 'dns', main: [{ type: 'a', value: '192.0.2.1' }] });
    expect((account.defaults.nameServers as { main: unknown[] }).main).toHaveLength(1);
  });

  it('each domain, folder and default holds its own copy of a value set once for several', () => {
    const account = seedAccount(NOW);
    run('set_ns', { domain: 'acme-widgets.com,widget.dev', ns0: NS[0] as string }, account);
    run('set_folder_ns', { folder_id: '0', ns0: NS[0] as string, sync: 'yes' }, account);
    run('set_default_ns', { ns0: NS[0] as string }, account);
    answer('register', { domain: 'brand-new-name.com', duration: '1' }, account, NOW);
    const holders = [
      ...['acme-widgets.com', 'widget.dev', ...FOLDER_DOMAINS, 'brand-new-name.com'].map((name) => domainOf(account, name).nameServers),
      account.folders.get(0)?.settings.nameServers?.value,
      account.defaults.nameServers,
    ] as Array<{ hosts: string[] }>;
    // A later in-place change of one (a host deleted) must not reach the others.
    (holders[0] as { hosts: string[] }).hosts.push('ns1.acme-widgets.com');
    for (const holder of holders.slice(1)) expect(holder.hosts).toEqual([NS[0]]);
  });

  it('set_dns2 with add_dns_to_current_setting=1 keeps the records and TTL; the folder scope ignores it', () => {
    const account = seedAccount(NOW);
    run('set_dns2', { domain: 'acme-widgets.com', subdomain0: 'blog', sub_record_type0: 'a', sub_record0: '203.0.113.30', add_dns_to_current_setting: '1' }, account);
    const setting = domainOf(account, 'acme-widgets.com').nameServers as Extract<DomainSettings['nameServers'], { kind: 'dns' }>;
    expect(setting.main).toHaveLength(3);
    expect(setting.sub.map((r) => r.subhost)).toEqual(['www', 'api', 'blog']);
    expect(setting.ttl).toBe(3600);
    run('set_folder_dns2', { folder_id: '0', main_record_type0: 'a', main_record0: '192.0.2.1', sync: 'yes' }, account);
    run('set_folder_dns2', { folder_id: '0', main_record_type0: 'a', main_record0: '192.0.2.2', add_dns_to_current_setting: '1', sync: 'yes' }, account);
    expect(domainOf(account, 'widgetlab.io').nameServers).toMatchObject({ main: [{ value: '192.0.2.2' }] });
    expect((domainOf(account, 'widgetlab.io').nameServers as { main: unknown[] }).main).toHaveLength(1);
  });

  it('clearing a service that is not in place changes nothing; dnssec clears on domains only', () => {
    const account = seedAccount(NOW);
    const before = snapshot(account);
    for (const service of ['forward', 'stealth', 'nameservers', 'dnssec']) {
      expect(run('set_clear_domain_setting', { domain: 'acme-widgets.com,widget.dev', service }, account).body.Status, service).toBe('success');
    }
    expect(snapshot(account)).toEqual(before);
    run('set_clear_domain_setting', { domain: 'acme-widgets.com', service: 'dns' }, account);
    expect(domainOf(account, 'acme-widgets.com').nameServers).toEqual(PARKED);
    run('set_clear_domain_setting', { domain: 'acme-widgets.de', service: 'email_forwarding' }, account);
    expect(domainOf(account, 'acme-widgets.de').emailForward).toEqual({ kind: 'none' });
  });

  it('email forwarding to mail hosts, and donot', () => {
    const account = seedAccount(NOW);
    run('set_email_forward', { domain: 'widget.dev', forward_type: 'mx', mx_host0: 'MX1.Mail.example', mx_distance0: '10', mx_host2: 'mx2.mail.example', mx_distance2: '20' }, account);
    expect(domainOf(account, 'widget.dev').emailForward).toEqual({
      kind: 'mx',
      hosts: [
        { host: 'mx1.mail.example', distance: 10 },
        { host: 'mx2.mail.example', distance: 20 },
      ],
    });
    run('set_email_forward', { domain: 'widget.dev', forward_type: 'donot' }, account);
    expect(domainOf(account, 'widget.dev').emailForward).toEqual({ kind: 'none' });
  });
});

const many = (prefix: string, count: number, value: (i: number) => string) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}${i}`, value(i)]));
const contacts = { registrant_contact: '0', admin_contact: '0', technical_contact: '0', billing_contact: '0' };

/** Refused requests: [command, params, the error api3 gives]. */
const REFUSALS: Array<[string, Record<string, string>, RegExp]> = [
  ['set_forwarding', { domain: 'acme-widgets.com' }, /missing required parameter: forward_url/],
  ['set_forwarding', { domain: 'acme-widgets.com', forward_url: 'ftp://files.example' }, /forward_url.*http/],
  ['set_forwarding', { domain: 'acme-widgets.com', forward_url: 'http://a.example', is_temp: 'maybe' }, /invalid is_temp/],
  ['set_stealth', { domain: 'acme-widgets.com', stealth_title: 'x' }, /missing required parameter: stealth_url/],
  ['set_whois', { domain: 'acme-widgets.de', registrant_contact: '0', admin_contact: '0', technical_contact: '0' }, /missing required parameter: billing_contact/],
  ['set_whois', { domain: 'acme-widgets.de', ...contacts, admin_contact: '7' }, /contact 7 not found/],
  ['set_folder_whois', { folder_id: '0', ...contacts, registrant_contact: '7', sync: 'yes' }, /contact 7 not found/],
  ['set_default_whois', { ...contacts, billing_contact: 'x' }, /contact x not found/],
  ['set_ns', { domain: 'acme-widgets.com', ns0: 'ns9.nowhere.example' }, /name server not found in your account: ns9\.nowhere\.example/],
  ['set_folder_ns', { folder_id: '0', ns0: NS[0] as string, ns1: 'ns9.nowhere.example', sync: 'yes' }, /not found in your account/],
  ['set_default_ns', { ns0: 'ns9.nowhere.example' }, /not found in your account/],
  ['set_ns', { domain: 'acme-widgets.com' }, /missing required parameter: ns0/],
  ['set_ns', { domain: 'acme-widgets.com', ...many('ns', 14, (i) => NS[i % 2] as string) }, /at most 13/],
  ['set_hosting', { domain: 'widget.dev' }, /missing required parameter: hosting_type/],
  ['set_hosting', { domain: 'widget.dev', hosting_type: 'premium' }, /invalid hosting_type/],
  ['set_folder_hosting', { folder_id: '0', hosting_type: 'premium', sync: 'yes' }, /invalid hosting_type/],
  ['set_hosting', { domain: 'widget.dev', hosting_type: 'basic', mobile_view_on: 'yes' }, /advanced/],
  ['set_parking', { domain: 'acme-widgets.com', with_ads: 'maybe' }, /invalid with_ads/],
  ['set_email_forward', { domain: 'widget.dev' }, /missing required parameter: forward_type/],
  ['set_email_forward', { domain: 'widget.dev', forward_type: 'bounce' }, /invalid forward_type/],
  ['set_default_email_forward', { forward_type: 'bounce' }, /invalid forward_type/],
  ['set_email_forward', { domain: 'widget.dev', forward_type: 'forward', username0: 'info' }, /missing required parameter: exist_email0/],
  ['set_email_forward', { domain: 'widget.dev', forward_type: 'forward', username0: 'info', exist_email0: 'not-an-address' }, /invalid exist_email0/],
  ['set_email_forward', { domain: 'widget.dev', forward_type: 'forward' }, /missing required parameter: username0/],
  [
    'set_email_forward',
    { domain: 'widget.dev', forward_type: 'forward', ...many('username', 11, (i) => `box${i}`), ...many('exist_email', 11, () => 'a@example.org') },
    /at most 10/,
  ],
  ['set_email_forward', { domain: 'widget.dev', forward_type: 'mx', ...many('mx_host', 4, (i) => `mx${i}.example.org`), ...many('mx_distance', 4, String) }, /at most 3/],
  ['set_email_forward', { domain: 'widget.dev', forward_type: 'mx', mx_host0: 'mx.example.org' }, /missing required parameter: mx_distance0/],
  ['set_renew_option', { domain: 'acme-widgets.net', renew_option: 'sometimes' }, /invalid renew_option/],
  ['set_folder_renew_option', { folder_id: '0', renew_option: 'sometimes', sync: 'yes' }, /invalid renew_option/],
  ['set_default_renew_option', {}, /missing required parameter: renew_option/],
  ['set_dns2', { domain: 'widget.dev', main_record_type0: 'ptr', main_record0: 'x' }, /invalid main_record_type0/],
  ['set_dns2', { domain: 'widget.dev', main_record_type0: 'mx', main_record0: 'mx.example.org' }, /main_recordx0 is required/],
  ['set_dns2', { domain: 'widget.dev' }, /at least one record/],
  ['set_dns2', { domain: 'widget.dev', main_record_type0: 'a', main_record0: '192.0.2.1', ttl: '-5' }, /invalid ttl/],
  ['set_dns2', { domain: 'widget.dev', ...many('main_record_type', 21, () => 'a'), ...many('main_record', 21, () => '192.0.2.1') }, /at most 20/],
  ['set_default_dns2', { main_record_type0: 'srv', main_record0: '0 0 5060 sip.example.org' }, /invalid main_record_type0/],
  ['set_clear_domain_setting', { domain: 'widgetlab.io', service: 'everything' }, /invalid service/],
  ['set_clear_folder_setting', { folder_id: '0', service: 'dnssec' }, /invalid service/],
  ['set_clear_default_setting', { service: 'dnssec' }, /invalid service/],
  // All or nothing: one domain not in the account and none changes.
  ['set_ns', { domain: `acme-widgets.com,not-mine.com`, ns0: NS[0] as string }, /not-mine\.com not found/],
  ['set_forwarding', { domain: 'widget.dev,acme-widgets.net,not-mine.com', forward_url: 'http://a.example' }, /not-mine\.com not found/],
  ['set_parking', { domain: '' }, /missing required parameter: domain/],
  // Folders: an existing folder's id, and valid flags, before anything is stored.
  ['set_folder_parking', { folder_id: '9', with_ads: 'no', sync: 'yes' }, /folder 9 not found/],
  ['set_folder_parking', { folder_id: 'Clients', with_ads: 'no' }, /folder Clients not found/],
  ['set_folder_parking', { with_ads: 'no' }, /missing required parameter: folder_id/],
  ['set_folder_parking', { folder_id: '0', with_ads: 'no', sync: 'sure' }, /invalid sync/],
  ['set_folder_forwarding', { folder_id: '0', forward_url: 'http://a.example', enable: 'on' }, /invalid enable/],
];

describe('refusals answer ResponseCode -1 and change nothing', () => {
  for (const [command, params, error] of REFUSALS) {
    it(`${command} ${JSON.stringify(params).slice(0, 90)}`, () => {
      const account = seedAccount(NOW);
      const before = snapshot(account);
      const { body } = run(command, params, account);
      expect(body).toEqual({ ResponseCode: '-1', Status: 'error', Error: expect.stringMatching(error) });
      expect(snapshot(account)).toEqual(before);
    });
  }
});
