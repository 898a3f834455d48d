import type { Contacts, DnsRecord, DomainSettings, EmailForward, NameServerSetting, RenewOption, SimAccount, SubRecord } from './state.js';
import { required, SimFailure, type SimParams } from './types.js';

/**
 * Setting kinds: how api3's parameters for one setting (`ns0..ns12`, `forward_url` + `is_temp`,
 * `main_record0..`) read into a state value, the same in every scope (a domain list, a folder, the
 * account default; the scopes are in setting-scopes.ts). A kind refuses what api3 refuses
 * (SimFailure) and changes nothing itself: it answers an `Update`, which the scope applies.
 */
export type Slot = keyof DomainSettings;
export type Scope = 'domains' | 'folder' | 'default';

/**
 * What a request asks for: which of a domain's settings it writes, and its new value given the
 * current one (DNS append keeps the current records). `undefined` means cleared: a domain and the
 * default go back to `cleared()`, a folder forgets its setting.
 */
export interface Update<S extends Slot = Slot> {
  slot: S;
  next(current: DomainSettings[S] | undefined): DomainSettings[S] | undefined;
}

export interface SettingKind {
  read(params: SimParams, account: SimAccount, scope: Scope): Update;
}

/** A fresh account's settings: where clearing a service leaves a domain (the parking page). */
export function cleared(): DomainSettings {
  return {
    contacts: { registrant: 0, admin: 0, technical: 0, billing: 0 },
    nameServers: { kind: 'parking', withAds: false },
    renewOption: 'no renew option',
    emailForward: { kind: 'none' },
  };
}

const put = <S extends Slot>(slot: S, value: DomainSettings[S]): Update<S> => ({ slot, next: () => value });

/** The filled `prefix0, prefix1, ...` parameters below `max` as [index, value], in index order; one at or past `max` is refused. */
function filled(params: SimParams, prefix: string, max: number, tooMany: string): Array<[index: number, value: string]> {
  const pattern = new RegExp(`^${prefix}(\\d+)$`);
  const found: Array<[number, string]> = [];
  for (const [name, value] of Object.entries(params)) {
    const index = pattern.exec(name)?.[1];
    if (index === undefined || value === '') continue;
    if (Number(index) >= max) throw new SimFailure(tooMany);
    found.push([Number(index), value]);
  }
  return found.sort(([a], [b]) => a - b);
}

/** A slot of DomainSettings (`nameServers`), as a folder's settings are keyed. */
export function isSlot(name: string): name is Slot {
  return Object.hasOwn(cleared(), name);
}

/** api3's yes/no flags (`with_ads`, `mobile_view_on`, `is_temp`, `enable`, `sync`). */
export function yesNo(params: SimParams, name: string, fallback: boolean): boolean {
  const value = params[name]?.toLowerCase();
  if (value === undefined || value === '') return fallback;
  if (value === 'yes' || value === 'no') return value === 'yes';
  throw new SimFailure(`invalid ${name}: yes or no`);
}

function httpUrl(params: SimParams, name: string): string {
  const value = required(params, name);
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) throw new SimFailure(`invalid ${name}: ${value} is not an http(s) URL`);
  return value;
}

const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}\.?$/i;
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/;

export const whois: SettingKind = {
  read(params, account) {
    const contact = (role: keyof Contacts) => {
      const value = required(params, `${role}_contact`);
      if (!/^\d+$/.test(value) || !account.contacts.has(Number(value))) throw new SimFailure(`contact ${value} not found`);
      return Number(value);
    };
    return put('contacts', { registrant: contact('registrant'), admin: contact('admin'), technical: contact('technical'), billing: contact('billing') });
  },
};

export const nameServers: SettingKind = {
  read(params, account) {
    const hosts = filled(params, 'ns', 13, 'too many name servers: at most 13 (ns0 to ns12)').map(([, host]) => host.toLowerCase());
    if (hosts.length === 0) throw new SimFailure('missing required parameter: ns0');
    const known = new Set([...account.servers.values()].map((s) => s.name));
    const unknown = hosts.filter((h) => !known.has(h));
    if (unknown.length > 0) throw new SimFailure(`name server not found in your account: ${unknown.join(', ')} (add it with add_ns first)`);
    return put('nameServers', { kind: 'nameservers', hosts });
  },
};

export const parking: SettingKind = {
  read: (params) => put('nameServers', { kind: 'parking', withAds: yesNo(params, 'with_ads', true) }),
};

export const forwarding: SettingKind = {
  // is_temp defaults to a temporary (302) forward; "no" makes it permanent.
  read: (params) => put('nameServers', { kind: 'forwarding', url: httpUrl(params, 'forward_url'), permanent: !yesNo(params, 'is_temp', true) }),
};

export const stealth: SettingKind = {
  read: (params) => put('nameServers', { kind: 'stealth', url: httpUrl(params, 'stealth_url'), title: params.stealth_title ?? '' }),
};

export const hosting: SettingKind = {
  read(params) {
    const type = required(params, 'hosting_type').toLowerCase();
    if (type !== 'basic' && type !== 'advanced') throw new SimFailure(`invalid hosting_type: ${type} (advanced or basic)`);
    const mobileView = yesNo(params, 'mobile_view_on', false);
    if (mobileView && type !== 'advanced') throw new SimFailure('mobile_view_on=yes needs hosting_type advanced');
    return put('nameServers', { kind: 'hosting', hostingType: type, mobileView });
  },
};

const MAIN_TYPES = new Set(['a', 'aaaa', 'cname', 'forward', 'txt', 'mx', 'stealth', 'email']);
const SUB_TYPES = new Set([...MAIN_TYPES, 'srv']);
const NEEDS_EXTRA = new Set(['forward', 'mx', 'stealth', 'email']);
const MAX_RECORDS = { main: 20, sub: 100 };

/** `main_record_type0` / `main_record0` / `main_recordx0` (or `sub_`, with `subdomain0`) as records. */
function records(params: SimParams, prefix: 'main' | 'sub'): Array<DnsRecord & { index: number }> {
  const max = MAX_RECORDS[prefix];
  return filled(params, `${prefix}_record`, max, `too many ${prefix} records: at most ${max}`).map(([i, value]) => {
    const type = (params[`${prefix}_record_type${i}`] ?? '').toLowerCase();
    if (!(prefix === 'main' ? MAIN_TYPES : SUB_TYPES).has(type)) throw new SimFailure(`invalid ${prefix}_record_type${i}: ${type}`);
    const extra = params[`${prefix}_recordx${i}`];
    if (NEEDS_EXTRA.has(type) && (extra === undefined || extra === '')) throw new SimFailure(`${prefix}_recordx${i} is required for ${type} records`);
    return extra === undefined ? { index: i, type, value } : { index: i, type, value, extra };
  });
}

/** set_dns2 and its folder and default forms; `add_dns_to_current_setting=1` exists for domains only. */
export const dns: SettingKind = {
  read(params, _account, scope) {
    const main: DnsRecord[] = records(params, 'main').map(({ index: _, ...r }) => r);
    const sub: SubRecord[] = records(params, 'sub').map(({ index, ...r }) => ({ ...r, subhost: params[`subdomain${index}`] ?? '' }));
    if (main.length + sub.length === 0) throw new SimFailure('at least one record is required');
    const ttl = params.ttl === undefined ? undefined : Number(params.ttl);
    if (ttl !== undefined && !(Number.isInteger(ttl) && ttl >= 0)) throw new SimFailure('invalid ttl');
    const append = scope === 'domains' && params.add_dns_to_current_setting === '1';
    return {
      slot: 'nameServers',
      next(current): NameServerSetting {
        const now = current?.kind === 'dns' ? current : undefined;
        return {
          kind: 'dns',
          ttl: ttl ?? now?.ttl ?? 3600,
          main: append && now ? [...now.main, ...main] : main,
          sub: append && now ? [...now.sub, ...sub] : sub,
        };
      },
    } satisfies Update<'nameServers'>;
  },
};

/**
 * set_default_dns and set_folder_dns, the legacy forms: one main record (an AAAA with an IPv4
 * beside it in main_record2), one main TXT, up to 3 mail hosts, subdomain records without the
 * extra field. They set the same Dynadot DNS as the DNS2 forms.
 */
export const legacyDns: SettingKind = {
  read(params) {
    const type = required(params, 'main_record_type').toLowerCase();
    if (!['a', 'aaaa', 'cname'].includes(type)) throw new SimFailure(`invalid main_record_type: ${type}`);
    const main: DnsRecord[] = [{ type, value: required(params, 'main_record') }];
    if (params.main_record2) {
      if (type !== 'aaaa') throw new SimFailure('main_record2 is only used with main_record_type aaaa');
      main.push({ type: 'a', value: params.main_record2 });
    }
    if (params.main_txt) main.push({ type: 'txt', value: params.main_txt });
    for (const [i, host] of filled(params, 'mx_host', 3, 'too many mail hosts: at most 3 (mx_host0 to mx_host2)')) {
      main.push({ type: 'mx', value: host, extra: params[`mx_distance${i}`] ?? '0' });
    }
    const sub: SubRecord[] = filled(params, 'sub_record', 100, 'too many sub records: at most 100').map(([i, value]) => {
      const subType = (params[`sub_record_type${i}`] ?? '').toLowerCase();
      if (!['a', 'aaaa', 'cname', 'txt'].includes(subType)) throw new SimFailure(`invalid sub_record_type${i}: ${subType}`);
      return { type: subType, value, subhost: params[`subdomain${i}`] ?? '' };
    });
    const ttl = params.ttl === undefined ? 3600 : Number(params.ttl);
    if (!(Number.isInteger(ttl) && ttl >= 0)) throw new SimFailure('invalid ttl');
    return put('nameServers', { kind: 'dns', ttl, main, sub });
  },
};

export const emailForward: SettingKind = {
  read(params) {
    const type = required(params, 'forward_type');
    let value: EmailForward;
    if (type === 'donot') value = { kind: 'none' };
    else if (type === 'forward') {
      const forwards = filled(params, 'username', 10, 'too many forwards: at most 10 (username0 to username9)').map(([i, username]) => {
        const to = required(params, `exist_email${i}`);
        if (/[\s@]/.test(username)) throw new SimFailure(`invalid username${i}: ${username}`);
        if (!EMAIL.test(to)) throw new SimFailure(`invalid exist_email${i}: ${to}`);
        return { username, to };
      });
      if (forwards.length === 0) throw new SimFailure('missing required parameter: username0');
      value = { kind: 'forward', forwards };
    } else if (type === 'mx') {
      const hosts = filled(params, 'mx_host', 3, 'too many mail hosts: at most 3 (mx_host0 to mx_host2)').map(([i, host]) => {
        const distance = Number(required(params, `mx_distance${i}`));
        if (!HOST.test(host)) throw new SimFailure(`invalid mx_host${i}: ${host}`);
        if (!Number.isInteger(distance) || distance < 0 || distance > 65535) throw new SimFailure(`invalid mx_distance${i}`);
        return { host: host.toLowerCase(), distance };
      });
      if (hosts.length === 0) throw new SimFailure('missing required parameter: mx_host0');
      value = { kind: 'mx', hosts };
    } else throw new SimFailure(`invalid forward_type: ${type} (donot, mx or forward)`);
    return put('emailForward', value);
  },
};

const RENEW_OPTIONS: Record<string, RenewOption> = { donot: 'do not renew', auto: 'auto renew', reset: 'no renew option' };

export const renewOption: SettingKind = {
  read(params) {
    const option = RENEW_OPTIONS[required(params, 'renew_option')];
    if (!option) throw new SimFailure('invalid renew_option: donot, auto or reset');
    return put('renewOption', option);
  },
};

/** Whether a setting is name servers of that kind (the nameServers slot holds nothing else). */
function nameServersOfKind(kind: NameServerSetting['kind']): (current: DomainSettings[Slot]) => boolean {
  return (current) => typeof current === 'object' && 'kind' in current && current.kind === kind;
}

/**
 * Clearing a service: the setting goes (a domain back to parking, email to none) where it is the
 * one in place, and stays otherwise. dnssec exists on domains only and touches none of these
 * slots: handlers/dnssec.ts clears the domains' DNSSEC key.
 */
const CLEARS: Record<string, { slot: Slot; clears(current: DomainSettings[Slot]): boolean }> = {
  forward: { slot: 'nameServers', clears: nameServersOfKind('forwarding') },
  stealth: { slot: 'nameServers', clears: nameServersOfKind('stealth') },
  dns: { slot: 'nameServers', clears: nameServersOfKind('dns') },
  nameservers: { slot: 'nameServers', clears: nameServersOfKind('nameservers') },
  email_forwarding: { slot: 'emailForward', clears: () => true },
  dnssec: { slot: 'nameServers', clears: () => false },
};

export const clearService: SettingKind = {
  read(params, _account, scope) {
    const service = required(params, 'service');
    const services = Object.keys(CLEARS).filter((s) => s !== 'dnssec' || scope === 'domains');
    const clear = services.includes(service) ? CLEARS[service] : undefined;
    if (!clear) throw new SimFailure(`invalid service: ${service} (${services.join(', ')})`);
    return { slot: clear.slot, next: (current) => (current === undefined || clear.clears(current) ? undefined : current) };
  },
};
