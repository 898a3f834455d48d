import { describe, expect, it } from 'vitest';
import type { AnyToolSpec, Effect } from '../../src/server/define.js';
import type { SimAccount } from '../../src/simulator/state.js';
import { CATALOG } from '../../tools/index.js';
import {
  clearService,
  dnsRecords,
  emailForwarding,
  forDefault,
  forDomains,
  forwarding,
  hosting,
  hostingWithMobileView,
  legacyDnsRecords,
  nameServers,
  parking,
  renewOption,
  type SettingPayload,
  stealth,
  whois,
} from '../../tools/shared/settings.js';
import { forFolder } from '../../tools/shared/folder-settings.js';
import { contactChanged, type FactChange, laterExpiry, mxRecordAdded, otherNameServers, recordRemoved } from './fact-changes.js';
import { withValue } from './invalid-input.js';
import {
  badInputSweep,
  condenseExample,
  confirmGateCases,
  exampleQueryCase,
  type Json,
  pinEffect,
  type SweepOptions,
  simulatorShapeCase,
  type ToolHarness,
} from './tool-test.js';

/**
 * The setting families (tools/shared/settings.ts) in their three scopes, as one table: a row a
 * family, with the arguments every scope shares and, per scope, the api3 command, the document's
 * example and what is particular to it. `familyCases` turns a row into the cases every scoped
 * setting command needs (test/tools/setting-families.test.ts runs them all): the tool files of
 * these commands keep only what is their own (previews, refusals, api3 quirks).
 *
 * A scope the catalog serves is tested as served; one it does not serve yet (the folder scope) is
 * tested as the spec its family builds, served beside the catalog by the runner's harness, so
 * set_folder_* are covered before and on the day they get their files.
 */
export type Scope = 'domains' | 'folder' | 'default';
export const SCOPES: readonly Scope[] = ['domains', 'folder', 'default'];

/** The confirm gate of a destructive scope: its own arguments, the preview's reads, a change of the facts it shows. */
export interface Gate {
  args: Record<string, unknown>;
  reads: readonly string[];
  otherArgs: Record<string, unknown>;
  changeFacts: FactChange;
}

export interface ScopeRow {
  command: string;
  /** The payload this scope takes where it differs from the family's (set_hosting's mobile view, clear's services). */
  payload?: SettingPayload;
  /** The document's example request in the agent's terms (scope fields included). */
  example: Record<string, unknown>;
  /** Parameters the document's request text has and the examples file lost (see ExampleGaps). */
  lost?: Record<string, string>;
  /** Example parameters the command's own parameter list does not have. */
  undocumented?: readonly string[];
  /** The example query adapted to the seeded account (its hosts), for the simulator's shape check. */
  adapt?: (query: Record<string, string>) => Record<string, string>;
  /** Payload values of this scope's sweep beside the family's. */
  valid?: Record<string, unknown>;
  /** Variants this scope's sweep must generate beside the family's ("path: label"). */
  mustTry?: readonly string[];
  /** Pinned effect. */
  effect: Effect;
  /** For a scope that waives confirm for some values: inputs and whether each needs it. */
  confirmNeeded?: ReadonlyArray<{ args: Record<string, unknown>; needed: boolean }>;
  /** The confirm gate, for a served destructive scope. */
  gate?: Gate;
}

/** How a written value shows in reads through the client. */
export interface Shows {
  /** Where a domain's value is read (domains scope, a synced folder's domain, a domain registered after a default). */
  read(t: ToolHarness, domain: string): Promise<unknown>;
  value: unknown;
  /** account_info's field for the account default, where account_info shows it. */
  accountInfo?: { pick(info: Json): unknown; value: unknown };
}

export interface FamilyRow {
  family: string;
  payload: SettingPayload;
  /** Payload values with every optional field present: the bad-input sweep's start. */
  valid: Record<string, unknown>;
  /** The sweep's family-wide options; `mustTry` as "path: label", the command's name put before. */
  sweep?: Omit<SweepOptions, 'mustTry'> & { mustTry?: readonly string[] };
  /** Payload values written in every scope; they differ from what the seeded domain and defaults have. */
  write: Record<string, unknown>;
  /** Prepares the seeded account so the write shows (a default to clear). */
  prepare?(account: SimAccount): void;
  shows: Shows;
  /** The scopes api3 has it in; the DNS family's domain scope is set_dns2, a tool of its own. */
  scopes: Partial<Record<Scope, ScopeRow>>;
}

/** The domain each scope's write reaches: seeded in folder 0 ("Clients"), so a folder sync reaches it too. */
const TARGET = 'widgetlab.io';
const FOLDER = 0;
/** A domain registered after the account default was set. */
const NEW_DOMAIN = 'brand-new-name.com';

const ZEROS = { registrant: 0, admin: 0, technical: 0, billing: 0 };
const dnsOf = async ({ ok }: ToolHarness, domain: string) => (await ok('get_dns', { domain })).dns;
const domainInfo = async ({ ok }: ToolHarness, domain: string) => (await ok('domain_info', { domain })).domain;
const defaultNameServers = (info: Json) => info.default_name_servers;
/** The seeded hosts stand in for the document's, which the simulator's account does not have. */
const seededHosts = (q: Record<string, string>) => ({ ...q, ns0: 'ns1.cloudhost.example', ns1: 'ns2.cloudhost.example' });
const emailExample = (mailbox: string) => ({ type: 'forward', forwards: [{ mailbox, to: 'owner@example.org' }] });
/** The page obfuscated the example's address; the examples file lost exist_email0 with it. */
const LOST_EMAIL = { exist_email0: 'owner@example.org' };
/** The examples file lost the URL (and the domain example its title past the quote); the document's request has them. */
const LOST_STEALTH = { stealth_url: 'http://www.obamashop.com' };
const url = (path: readonly (string | number)[]) => (path[0] === 'url' ? 'url' : undefined);

export const FAMILIES: readonly FamilyRow[] = [
  {
    family: 'WHOIS contacts',
    payload: whois,
    valid: { contacts: { registrant: 1, admin: 1, technical: 0, billing: 0 } },
    sweep: { mustTry: ['contacts.registrant: below minimum 0'] },
    write: { contacts: { registrant: 1, admin: 1, technical: 0, billing: 1 } },
    shows: {
      read: async (t, domain) => (await domainInfo(t, domain)).contacts,
      value: { registrant: 1, admin: 1, technical: 0, billing: 1 },
      accountInfo: { pick: (info) => info.default_contacts, value: { registrant: 1, admin: 1, technical: 0, billing: 1 } },
    },
    scopes: {
      domains: {
        command: 'set_whois',
        example: { domains: ['domain4.com'], contacts: ZEROS },
        adapt: (q) => ({ ...q, domain: 'acme-widgets.com' }),
        effect: 'destructive',
        gate: {
          args: { domains: ['acme-widgets.de'], contacts: ZEROS },
          reads: ['list_domain', 'contact_list'],
          otherArgs: { domains: ['acme-widgets.de'], contacts: { ...ZEROS, billing: 1 } },
          changeFacts: contactChanged('acme-widgets.de', 'admin', 0),
        },
      },
      // On domains a role left out keeps its current contact; a folder and the default need all four.
      folder: {
        command: 'set_folder_whois',
        example: { folder_id: 0, contacts: ZEROS },
        effect: 'destructive',
        mustTry: ['contacts.billing: missing required property'],
        gate: {
          args: { folder_id: FOLDER, sync: true, contacts: ZEROS },
          reads: ['folder_list', 'list_domain'],
          otherArgs: { folder_id: FOLDER, sync: true, contacts: { ...ZEROS, billing: 1 } },
          changeFacts: contactChanged('acme-widgets.de', 'admin', 0),
        },
      },
      default: { command: 'set_default_whois', example: { contacts: ZEROS }, effect: 'write', mustTry: ['contacts.billing: missing required property'] },
    },
  },
  {
    family: 'name servers',
    payload: nameServers,
    valid: { name_servers: ['ns1.cloudhost.example', 'ns2.cloudhost.example'] },
    sweep: {
      extra: [
        {
          path: ['name_servers'],
          label: '14 distinct name servers',
          args: withValue(
            { name_servers: [] },
            ['name_servers'],
            Array.from({ length: 14 }, (_, i) => `ns${i}.example.com`),
          ),
        },
      ],
      mustTry: ['name_servers: oversized array (14 items)'],
    },
    write: { name_servers: ['ns1.acme-widgets.com'] },
    shows: {
      read: async ({ ok }, domain) => (await ok('get_ns', { domain })).name_servers,
      value: ['ns1.acme-widgets.com'],
      accountInfo: { pick: defaultNameServers, value: { type: 'name_servers', name_servers: ['ns1.acme-widgets.com'] } },
    },
    scopes: {
      domains: {
        command: 'set_ns',
        mustTry: ['domains: oversized array (101 items)'],
        example: { domains: ['domain1.com', 'domain2.com'], name_servers: ['ns1.hostns.com', 'ns2.hostns.com'] },
        adapt: (q) => ({ ...seededHosts(q), domain: 'acme-widgets.com,widget.dev' }),
        effect: 'destructive',
        gate: {
          args: { domains: ['acme-widgets.com'], name_servers: ['ns1.cloudhost.example'] },
          reads: ['server_list', 'list_domain', 'get_dns'],
          otherArgs: { domains: ['acme-widgets.com'], name_servers: ['ns2.cloudhost.example'] },
          changeFacts: mxRecordAdded('acme-widgets.com'),
        },
      },
      folder: {
        command: 'set_folder_ns',
        example: { folder_id: 0, name_servers: ['ns1.hosts.com', 'ns2.host.com'], apply_to_new: true, sync: true },
        adapt: seededHosts,
        effect: 'destructive',
        gate: {
          args: { folder_id: FOLDER, sync: true, name_servers: ['ns1.cloudhost.example'] },
          reads: ['folder_list', 'list_domain', 'get_dns'],
          otherArgs: { folder_id: FOLDER, sync: true, name_servers: ['ns2.cloudhost.example'] },
          changeFacts: otherNameServers('widgetlab.io', ['ns1.acme-widgets.com']),
        },
      },
      default: { command: 'set_default_ns', example: { name_servers: ['ns1.hosts.com', 'ns2.host.com'] }, adapt: seededHosts, effect: 'write' },
    },
  },
  {
    family: 'parking',
    payload: parking,
    valid: { with_ads: true },
    write: { with_ads: true },
    shows: {
      read: dnsOf,
      value: { type: 'dynadot_parking', with_ads: true },
      accountInfo: { pick: defaultNameServers, value: { type: 'dynadot_parking', with_ads: true } },
    },
    scopes: {
      domains: {
        command: 'set_parking',
        example: { domains: ['domain1.com'], with_ads: false },
        adapt: (q) => ({ ...q, domain: 'acme-widgets.com' }),
        effect: 'destructive',
        gate: {
          args: { domains: ['acme-widgets.com'], with_ads: false },
          reads: ['list_domain', 'get_dns'],
          otherArgs: { domains: ['acme-widgets.com'], with_ads: true },
          changeFacts: mxRecordAdded('acme-widgets.com'),
        },
      },
      folder: {
        command: 'set_folder_parking',
        example: { folder_id: 0, with_ads: false },
        effect: 'destructive',
        gate: { args: { folder_id: FOLDER, sync: true, with_ads: false }, reads: ['folder_list', 'list_domain', 'get_dns'], otherArgs: { folder_id: FOLDER, sync: true, with_ads: true }, changeFacts: otherNameServers('widgetlab.io', ['ns1.acme-widgets.com']) },
      },
      // The example sends folder_id=0, which the command's parameter list does not have.
      default: { command: 'set_default_parking', example: { with_ads: false }, undocumented: ['folder_id'], effect: 'write' },
    },
  },
  {
    family: 'URL forwarding',
    payload: forwarding,
    valid: { url: 'https://shop.example/', permanent: true },
    sweep: { kindOf: url },
    write: { url: 'https://shop.example/', permanent: true },
    shows: {
      read: dnsOf,
      value: { type: 'forwarding', forward_to: 'https://shop.example/' },
      accountInfo: { pick: defaultNameServers, value: { type: 'forwarding', forward_to: 'https://shop.example/' } },
    },
    scopes: {
      domains: {
        command: 'set_forwarding',
        example: { domains: ['domain1.com', 'domain2.com'], url: 'http://www.mydomain.com' },
        adapt: (q) => ({ ...q, domain: 'acme-widgets.com,widget.dev' }),
        effect: 'destructive',
        gate: {
          args: { domains: ['acme-widgets.com'], url: 'https://shop.example/' },
          reads: ['list_domain', 'get_dns'],
          otherArgs: { domains: ['acme-widgets.com'], url: 'https://other.example/' },
          changeFacts: mxRecordAdded('acme-widgets.com'),
        },
      },
      folder: {
        command: 'set_folder_forwarding',
        example: { folder_id: 0, url: 'http://mydomain.com', sync: true },
        effect: 'destructive',
        gate: { args: { folder_id: FOLDER, sync: true, url: 'https://shop.example/' }, reads: ['folder_list', 'list_domain', 'get_dns'], otherArgs: { folder_id: FOLDER, sync: true, url: 'https://other.example/' }, changeFacts: otherNameServers('widgetlab.io', ['ns1.acme-widgets.com']) },
      },
      default: { command: 'set_default_forwarding', example: { url: 'http://mydomain.com' }, effect: 'write' },
    },
  },
  {
    family: 'stealth forwarding',
    payload: stealth,
    valid: { url: 'https://shop.example/', title: 'Shop' },
    sweep: { kindOf: url },
    write: { url: 'https://shop.example/', title: 'Acme shop' },
    shows: {
      read: dnsOf,
      value: { type: 'stealth_forwarding', forward_to: 'https://shop.example/' },
      accountInfo: { pick: defaultNameServers, value: { type: 'stealth_forwarding', forward_to: 'https://shop.example/' } },
    },
    scopes: {
      domains: {
        command: 'set_stealth',
        example: { domains: ['domain1.com'], url: 'http://www.obamashop.com', title: "obama's shop" },
        // The examples file cut the title at its quote and lost the URL; the document's request has both.
        lost: { ...LOST_STEALTH, stealth_title: "obama's shop" },
        adapt: (q) => ({ ...q, domain: 'acme-widgets.net' }),
        effect: 'destructive',
        gate: {
          args: { domains: ['widget.dev'], url: 'https://shop.example/' },
          reads: ['list_domain', 'get_dns'],
          otherArgs: { domains: ['widget.dev'], url: 'https://shop.example/', title: 'Shop' },
          changeFacts: otherNameServers('widget.dev', ['ns1.cloudhost.example']),
        },
      },
      folder: {
        command: 'set_folder_stealth',
        example: { folder_id: 0, url: 'http://www.obamashop.com', title: "obama's" },
        lost: LOST_STEALTH,
        effect: 'destructive',
        gate: { args: { folder_id: FOLDER, sync: true, url: 'https://shop.example/' }, reads: ['folder_list', 'list_domain', 'get_dns'], otherArgs: { folder_id: FOLDER, sync: true, url: 'https://shop.example/', title: 'Shop' }, changeFacts: otherNameServers('widgetlab.io', ['ns1.acme-widgets.com']) },
      },
      default: { command: 'set_default_stealth', example: { url: 'http://www.obamashop.com', title: "obama's" }, lost: LOST_STEALTH, effect: 'write' },
    },
  },
  {
    family: 'hosting',
    payload: hosting,
    valid: { hosting_type: 'advanced' },
    write: { hosting_type: 'basic' },
    shows: { read: dnsOf, value: { type: 'dynadot_hosting' }, accountInfo: { pick: defaultNameServers, value: { type: 'dynadot_hosting' } } },
    scopes: {
      domains: {
        command: 'set_hosting',
        payload: hostingWithMobileView,
        example: { domains: ['domain8.com'], hosting_type: 'advanced', mobile_view: true },
        adapt: (q) => ({ ...q, domain: 'fresh-idea.xyz' }),
        valid: { mobile_view: true },
        effect: 'destructive',
        gate: {
          args: { domains: ['acme-widgets.com', 'widgetlab.io'], hosting_type: 'basic' },
          reads: ['list_domain', 'get_dns'],
          otherArgs: { domains: ['acme-widgets.com', 'widgetlab.io'], hosting_type: 'advanced' },
          changeFacts: otherNameServers('widgetlab.io', ['ns1.acme-widgets.com']),
        },
      },
      folder: {
        command: 'set_folder_hosting',
        example: { folder_id: 0, hosting_type: 'advanced', sync: true },
        effect: 'destructive',
        gate: { args: { folder_id: FOLDER, sync: true, hosting_type: 'basic' }, reads: ['folder_list', 'list_domain', 'get_dns'], otherArgs: { folder_id: FOLDER, sync: true, hosting_type: 'advanced' }, changeFacts: otherNameServers('widgetlab.io', ['ns1.acme-widgets.com']) },
      },
      default: { command: 'set_default_hosting', example: { hosting_type: 'advanced' }, effect: 'write' },
    },
  },
  {
    family: 'DNS records',
    payload: dnsRecords,
    valid: {
      records: [
        { type: 'a', subdomain: 'www', value: '192.0.2.1' },
        { type: 'mx', value: 'mail.example.net', priority: 10 },
      ],
      ttl: 3600,
    },
    write: { records: [{ type: 'a', value: '198.51.100.7' }], ttl: 600 },
    shows: {
      read: dnsOf,
      value: { type: 'dynadot_dns', ttl: 600, records: [{ type: 'a', value: '198.51.100.7' }] },
      accountInfo: { pick: defaultNameServers, value: { type: 'dynadot_dns', ttl: 600, records: [{ type: 'a', value: '198.51.100.7' }] } },
    },
    // On domains: set_dns2, a tool of its own (append, read-back), tested in its own file.
    scopes: {
      folder: {
        command: 'set_folder_dns2',
        example: { folder_id: 0, records: [{ type: 'aaaa', value: '0:0:0:0:0:0:0:1' }] },
        effect: 'destructive',
        gate: {
          args: { folder_id: FOLDER, sync: true, records: [{ type: 'a', value: '198.51.100.7' }] },
          reads: ['folder_list', 'list_domain', 'get_dns'],
          otherArgs: { folder_id: FOLDER, sync: true, records: [{ type: 'a', value: '198.51.100.8' }] },
          changeFacts: otherNameServers('widgetlab.io', ['ns1.acme-widgets.com']),
        },
      },
      default: { command: 'set_default_dns2', example: { records: [{ type: 'aaaa', value: '0:0:0:0:0:0:0:1' }] }, effect: 'write' },
    },
  },
  {
    // The deprecated forms (legacy toolset): the same records, fitted to the older parameters.
    family: 'DNS records, legacy commands',
    payload: legacyDnsRecords,
    valid: {
      records: [
        { type: 'aaaa', value: '2001:db8::7' },
        { type: 'a', value: '192.0.2.1' },
        { type: 'txt', value: 'v=spf1 -all' },
        { type: 'mx', value: 'mail.example.net', priority: 10 },
        { type: 'cname', subdomain: 'www', value: 'shop.example.net' },
      ],
      ttl: 3600,
    },
    write: { records: [{ type: 'a', value: '198.51.100.7' }], ttl: 600 },
    shows: {
      read: dnsOf,
      value: { type: 'dynadot_dns', ttl: 600, records: [{ type: 'a', value: '198.51.100.7' }] },
      accountInfo: { pick: defaultNameServers, value: { type: 'dynadot_dns', ttl: 600, records: [{ type: 'a', value: '198.51.100.7' }] } },
    },
    scopes: {
      folder: {
        command: 'set_folder_dns',
        example: { folder_id: 0, records: [{ type: 'aaaa', value: '0:0:0:0:0:0:0:1' }] },
        effect: 'destructive',
        gate: {
          args: { folder_id: FOLDER, sync: true, records: [{ type: 'a', value: '198.51.100.7' }] },
          reads: ['folder_list', 'list_domain', 'get_dns'],
          otherArgs: { folder_id: FOLDER, sync: true, records: [{ type: 'a', value: '198.51.100.8' }] },
          changeFacts: otherNameServers('widgetlab.io', ['ns1.acme-widgets.com']),
        },
      },
      default: { command: 'set_default_dns', example: { records: [{ type: 'aaaa', value: '0:0:0:0:0:0:0:1' }] }, effect: 'write' },
    },
  },
  {
    family: 'email forwarding',
    payload: emailForwarding,
    valid: { email: emailExample('info') },
    sweep: {
      kindOf: (path) => (path[path.length - 1] === 'to' ? 'email' : undefined),
      mustTry: ['email.forwards: oversized array (11 items)', 'email.type: unknown discriminator'],
    },
    write: { email: emailExample('sales') },
    shows: {
      // No read of api3 tells a domain's email forwarding: the simulator's state is the witness.
      read: async (t, domain) => t.domain(domain).emailForward,
      value: { kind: 'forward', forwards: [{ username: 'sales', to: 'owner@example.org' }] },
    },
    scopes: {
      domains: {
        command: 'set_email_forward',
        example: { domains: ['testdomain.com'], email: emailExample('testusername') },
        lost: LOST_EMAIL,
        adapt: (q) => ({ ...q, domain: 'acme-widgets.com' }),
        effect: 'destructive',
        gate: {
          args: { domains: ['acme-widgets.com'], email: { type: 'mx', hosts: [{ host: 'mx.mailhost.example', distance: 5 }] } },
          reads: ['list_domain', 'get_dns'],
          otherArgs: { domains: ['acme-widgets.com'], email: { type: 'none' } },
          changeFacts: mxRecordAdded('acme-widgets.com'),
        },
      },
      folder: {
        command: 'set_folder_email_forward',
        example: { folder_id: 0, email: emailExample('test') },
        lost: LOST_EMAIL,
        effect: 'destructive',
        gate: { args: { folder_id: FOLDER, sync: true, email: { type: 'none' } }, reads: ['folder_list', 'list_domain', 'get_dns'], otherArgs: { folder_id: FOLDER, sync: true, email: emailExample('sales') }, changeFacts: otherNameServers('widgetlab.io', ['ns1.acme-widgets.com']) },
      },
      default: { command: 'set_default_email_forward', example: { email: emailExample('test') }, lost: LOST_EMAIL, effect: 'write' },
    },
  },
  {
    family: 'renew option',
    payload: renewOption,
    valid: { renew_option: 'auto' },
    write: { renew_option: 'do_not_renew' },
    shows: { read: async (t, domain) => (await domainInfo(t, domain)).renew_option, value: 'do_not_renew' },
    scopes: {
      domains: {
        command: 'set_renew_option',
        example: { domains: ['domain1.com'], renew_option: 'auto' },
        adapt: (q) => ({ ...q, domain: 'acme-widgets.net' }),
        // do_not_renew lets a domain lapse: that value alone needs confirm.
        effect: 'destructive',
        confirmNeeded: [
          { args: { domains: ['acme-widgets.com'], renew_option: 'do_not_renew' }, needed: true },
          { args: { domains: ['acme-widgets.com'], renew_option: 'auto' }, needed: false },
          { args: { domains: ['acme-widgets.com'], renew_option: 'reset' }, needed: false },
        ],
        gate: {
          args: { domains: ['acme-widgets.com'], renew_option: 'do_not_renew' },
          reads: ['list_domain'],
          otherArgs: { domains: ['acme-widgets.com', 'widget.dev'], renew_option: 'do_not_renew' },
          changeFacts: laterExpiry('acme-widgets.com'),
        },
      },
      folder: {
        command: 'set_folder_renew_option',
        example: { folder_id: 0, renew_option: 'auto' },
        // As on domains: letting the folder's domains lapse is the one value that needs approval.
        effect: 'destructive',
        confirmNeeded: [
          { args: { folder_id: FOLDER, sync: true, renew_option: 'do_not_renew' }, needed: true },
          { args: { folder_id: FOLDER, sync: false, renew_option: 'do_not_renew' }, needed: false },
          { args: { folder_id: FOLDER, sync: true, renew_option: 'auto' }, needed: false },
        ],
        gate: {
          args: { folder_id: FOLDER, sync: true, renew_option: 'do_not_renew' },
          reads: ['folder_list', 'list_domain'],
          otherArgs: { folder_id: 1, sync: true, renew_option: 'do_not_renew' },
          changeFacts: laterExpiry('widgetlab.io'),
        },
      },
      default: { command: 'set_default_renew_option', example: { renew_option: 'auto' }, effect: 'write' },
    },
  },
  {
    family: 'clearing a service',
    payload: clearService(['forward', 'stealth', 'email_forwarding', 'dns', 'nameservers']),
    valid: { service: 'forward' },
    write: { service: 'nameservers' },
    // Name servers as the default, so clearing it shows.
    prepare(account) {
      account.defaults.nameServers = { kind: 'nameservers', hosts: ['ns1.cloudhost.example'] };
    },
    shows: {
      read: dnsOf,
      value: { type: 'dynadot_parking', with_ads: false },
      accountInfo: { pick: defaultNameServers, value: { type: 'dynadot_parking', with_ads: false } },
    },
    scopes: {
      domains: {
        command: 'set_clear_domain_setting',
        // dnssec exists on domains only.
        payload: clearService(['forward', 'stealth', 'email_forwarding', 'dns', 'dnssec', 'nameservers']),
        example: { domains: ['domain1.com'], service: 'nameservers' },
        adapt: (q) => ({ ...q, domain: 'widgetlab.io' }),
        effect: 'destructive',
        gate: {
          args: { domains: ['acme-widgets.com'], service: 'dns' },
          reads: ['list_domain', 'get_dns'],
          otherArgs: { domains: ['acme-widgets.com'], service: 'forward' },
          changeFacts: recordRemoved('acme-widgets.com'),
        },
      },
      folder: {
        command: 'set_clear_folder_setting',
        example: { folder_id: 0, service: 'nameservers' },
        effect: 'destructive',
        gate: { args: { folder_id: FOLDER, sync: true, service: 'nameservers' }, reads: ['folder_list', 'list_domain', 'get_dns'], otherArgs: { folder_id: FOLDER, sync: true, service: 'forward' }, changeFacts: otherNameServers('widgetlab.io', ['ns1.acme-widgets.com']) },
      },
      default: { command: 'set_clear_default_setting', example: { service: 'nameservers' }, effect: 'write' },
    },
  },
];

/** Every scoped setting command the table holds, whether served or not. */
export const FAMILY_COMMANDS: ReadonlySet<string> = new Set(FAMILIES.flatMap((row) => Object.values(row.scopes).map((s) => s.command)));

const WRAPPERS = { domains: forDomains, folder: forFolder, default: forDefault } as const;
const TOOLSET = { domains: 'domains', folder: 'folders', default: 'defaults' } as const;
// (Every scope of the table is served now; the toolset above is for a family added before its tools.)

/** The catalog's spec of a scope, or, while the catalog does not serve it, the one its family builds. */
export function scopedSpec(row: FamilyRow, scope: Scope): { spec: AnyToolSpec; served: boolean } | undefined {
  const s = row.scopes[scope];
  if (!s) return undefined;
  const served = CATALOG.find((spec) => spec.name === s.command);
  if (served) return { spec: served, served: true };
  const payload = s.payload ?? row.payload;
  const wrap = WRAPPERS[scope] as (payload: SettingPayload, options: { name: string; toolset: string; title: string; description: string }) => AnyToolSpec;
  const spec = wrap(payload, {
    name: s.command,
    toolset: TOOLSET[scope],
    title: `Set ${payload.noun} (${scope})`,
    description: `Set the ${payload.noun} of a ${scope}; replacing what live domains have needs confirm.`,
  });
  return { spec, served: false };
}

/** The spec of a scoped setting command by its name (served, or as its family builds it). */
export function familySpec(command: string): AnyToolSpec {
  for (const row of FAMILIES) {
    for (const scope of SCOPES) if (row.scopes[scope]?.command === command) return scopedSpec(row, scope)?.spec as AnyToolSpec;
  }
  throw new Error(`${command} is not in the family table`);
}

/** The specs the catalog does not serve yet: the runner's harness serves them beside it. */
export function unservedSpecs(): AnyToolSpec[] {
  return FAMILIES.flatMap((row) => SCOPES.map((scope) => scopedSpec(row, scope)).filter((s) => s !== undefined && !s.served)).map(
    (s) => s?.spec as AnyToolSpec,
  );
}

/** The scope's own fields around payload values: its domain, its folder (given to its domains now and later), or nothing. */
function scoped(scope: Scope, values: Record<string, unknown>): Record<string, unknown> {
  if (scope === 'domains') return { domains: [TARGET], ...values };
  if (scope === 'folder') return { folder_id: FOLDER, apply_to_new: true, sync: true, ...values };
  return values;
}

/** The payload values of scoped arguments, and where the answer says they went. */
function whereAndWhat(scope: Scope, args: Record<string, unknown>): Json {
  const { domains, folder_id, apply_to_new: _new, sync: _sync, ...values } = args;
  if (scope === 'domains') return { done: true, domains, changed: values };
  if (scope === 'folder') return { done: true, folder_id, changed: values };
  return { done: true, account_default: true, changed: values };
}

/**
 * The cases every scoped setting command needs, for one scope of one family: the document's
 * example query and its condensing, the simulator's shape, the pinned effect, the bad-input sweep
 * with its dry run, the confirm gate (a served destructive scope), and the write's effect in a
 * read through the client. Registers them under a describe; call it at the top of a test file
 * whose harness serves `unservedSpecs()`.
 */
export function familyCases(row: FamilyRow, scope: Scope, t: ToolHarness): void {
  const s = row.scopes[scope];
  const built = scopedSpec(row, scope);
  if (!s || !built) return;
  const { spec, served } = built;
  describe(`${row.family}, ${scope} scope: ${s.command}${served ? '' : ' (not served yet: as its family builds it)'}`, () => {
    exampleQueryCase(spec, s.example, { ...(s.lost ? { lost: s.lost } : {}), ...(s.undocumented ? { undocumented: s.undocumented } : {}) });

    it(`${s.command}: condensing the example says what is now in place, and where`, () => {
      expect(condenseExample(spec, s.example)).toEqual(whereAndWhat(scope, s.example));
    });

    simulatorShapeCase(spec, (q) => (s.adapt ?? ((x) => x))({ ...q, ...s.lost }));

    const valid = scoped(scope, { ...row.valid, ...s.valid });
    const folderWaiver =
      scope === 'folder' && s.effect === 'destructive'
        ? [
            { args: valid, needed: true },
            { args: { ...valid, sync: false }, needed: false },
          ]
        : undefined;
    const confirmNeeded = s.confirmNeeded ?? folderWaiver;
    pinEffect(spec, s.effect, confirmNeeded ? { confirmNeeded } : {});

    const mustTry = [...(row.sweep?.mustTry ?? []), ...(s.mustTry ?? [])].map((m) => new RegExp(`^${s.command} ${m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    const extra = (row.sweep?.extra ?? []).map((v) => ({ ...v, args: { ...valid, ...v.args } }));
    badInputSweep(spec, valid, { ...(row.sweep?.kindOf ? { kindOf: row.sweep.kindOf } : {}), extra, mustTry });

    if (s.gate) {
      const { args, reads, ...gate } = s.gate;
      confirmGateCases(spec, args, reads, gate);
    } else if (served && s.effect === 'destructive') {
      it(`${s.command}: a served destructive scope has its confirm gate in the table`, () => {
        expect.fail(`give ${row.family} a gate for its ${scope} scope in test/helpers/setting-scopes.ts`);
      });
    }

    it(`${s.command}: what it writes shows in ${scope === 'default' ? 'account_info and on a domain registered afterwards' : `a read of ${TARGET}`}`, async () => {
      row.prepare?.(t.account());
      const live = await row.shows.read(t, TARGET);
      const confirm = spec.effect === 'destructive' ? { confirm: true } : {};
      const args = scoped(scope, row.write);
      // What it replaced (`previous`) is each tool's own case.
      const { previous: _previous, ...answer } = await t.ok(s.command, { ...args, ...confirm });
      expect(answer).toEqual(whereAndWhat(scope, args));
      if (scope !== 'default') {
        expect(live, 'the write must change what the domain had').not.toEqual(row.shows.value);
        expect(await row.shows.read(t, TARGET)).toEqual(row.shows.value);
        return;
      }
      // A default changes no live domain.
      expect(await row.shows.read(t, TARGET)).toEqual(live);
      if (row.shows.accountInfo) expect(row.shows.accountInfo.pick(await t.ok('account_info'))).toEqual(row.shows.accountInfo.value);
      await t.ok('register', { domain: NEW_DOMAIN, years: 1, confirm: true });
      expect(await row.shows.read(t, NEW_DOMAIN)).toEqual(row.shows.value);
    });
  });
}
