import { ownedDomain, ownedDomainList } from '../domains-util.js';
import { renderNameServerSettings } from '../render.js';
import type { DnsRecord, SubRecord } from '../state.js';
import { ok, required, SimFailure, type SimHandlers, type SimParams } from '../types.js';

const MAIN_TYPES = new Set(['a', 'aaaa', 'cname', 'forward', 'txt', 'mx', 'stealth', 'email']);
const SUB_TYPES = new Set([...MAIN_TYPES, 'srv']);
const NEEDS_EXTRA = new Set(['forward', 'mx', 'stealth', 'email']);

function record(params: SimParams, prefix: 'main' | 'sub', i: number): DnsRecord | undefined {
  const value = params[`${prefix}_record${i}`];
  if (value === undefined || value === '') return undefined;
  const type = (params[`${prefix}_record_type${i}`] ?? '').toLowerCase();
  if (!(prefix === 'main' ? MAIN_TYPES : SUB_TYPES).has(type)) throw new SimFailure(`invalid ${prefix}_record_type${i}: ${type}`);
  const extra = params[`${prefix}_recordx${i}`];
  if (NEEDS_EXTRA.has(type) && (extra === undefined || extra === '')) throw new SimFailure(`${prefix}_recordx${i} is required for ${type} records`);
  return extra === undefined ? { type, value } : { type, value, extra };
}

export const dnsHandlers: SimHandlers = {
  get_dns: {
    root: 'GetDnsResponse',
    handle(params, { account }) {
      const domain = ownedDomain(account, required(params, 'domain'));
      return { ...ok, GetDns: { NameServerSettings: renderNameServerSettings(domain.nameServers) } };
    },
  },

  set_dns2: {
    root: 'SetDnsResponse',
    handle(params, { account }) {
      const domains = ownedDomainList(account, required(params, 'domain'));
      const main: DnsRecord[] = [];
      for (let i = 0; i < 20; i++) {
        const r = record(params, 'main', i);
        if (r) main.push(r);
      }
      const sub: SubRecord[] = [];
      for (let i = 0; i < 100; i++) {
        const r = record(params, 'sub', i);
        if (r) sub.push({ ...r, subhost: params[`subdomain${i}`] ?? '' });
      }
      if (main.length + sub.length === 0) throw new SimFailure('at least one record is required');
      const ttl = params.ttl === undefined ? undefined : Number(params.ttl);
      if (ttl !== undefined && !(Number.isInteger(ttl) && ttl >= 0)) throw new SimFailure('invalid ttl');
      const append = params.add_dns_to_current_setting === '1';
      for (const domain of domains) {
        const current = domain.nameServers.kind === 'dns' ? domain.nameServers : undefined;
        domain.nameServers = {
          kind: 'dns',
          ttl: ttl ?? current?.ttl ?? 3600,
          main: append && current ? [...current.main, ...main] : main,
          sub: append && current ? [...current.sub, ...sub] : sub,
        };
      }
      return { ...ok };
    },
  },
};

const DYNADOT_NS = ['ns1.dyna-ns.net', 'ns2.dyna-ns.net'];

export const nameServerHandlers: SimHandlers = {
  get_ns: {
    root: 'GetNsResponse',
    handle(params, { account }) {
      const domain = ownedDomain(account, required(params, 'domain'));
      const hosts = domain.nameServers.kind === 'nameservers' ? domain.nameServers.hosts : DYNADOT_NS;
      return { ...ok, NsContent: Object.fromEntries(hosts.map((host, i) => [`Host${i}`, host])) };
    },
  },

  set_ns: {
    root: 'SetNsResponse',
    handle(params, { account }) {
      const domains = ownedDomainList(account, required(params, 'domain'));
      const hosts: string[] = [];
      for (let i = 0; i < 13; i++) {
        const host = params[`ns${i}`];
        if (host) hosts.push(host.toLowerCase());
      }
      if (hosts.length === 0) throw new SimFailure('missing required parameter: ns0');
      const known = new Set([...account.servers.values()].map((s) => s.name));
      const unknown = hosts.filter((h) => !known.has(h));
      if (unknown.length > 0) throw new SimFailure(`name server not found in your account: ${unknown.join(', ')} (add it with add_ns first)`);
      for (const domain of domains) domain.nameServers = { kind: 'nameservers', hosts: [...hosts] };
      return { ...ok };
    },
  },

  server_list: {
    root: 'ServerListResponse',
    handle(_params, { account }) {
      return {
        ...ok,
        ServerList: [...account.servers.values()].map((s) =>
          s.ips.length > 0
            ? { ServerId: String(s.id), ServerName: s.name, ServerIps: s.ips.map((ip) => ({ Ip: ip })) }
            : { ServerId: String(s.id), ServerName: s.name },
        ),
      };
    },
  },
};
