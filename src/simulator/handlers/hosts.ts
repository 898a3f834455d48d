import { isIP } from 'node:net';
import type { SimAccount, SimDomain, SimServer } from '../state.js';
import { ok, required, SimFailure, type SimHandlers, type SimParams } from '../types.js';

/**
 * Name server hosts of the account (`account.servers`, what server_list lists and set_ns may
 * use): an outside host added by name (add_ns), a host under one of the account's own domains
 * registered with its glue IP (register_ns), its glue IPs replaced (set_ns_ip), and deleted by id
 * or by name, never while a domain of the account uses it. Answers in the document's shapes: the
 * root keys, and ServerId a number for add_ns but a string for register_ns, as its examples have.
 */

const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
/** set_ns_ip: "ip0 - ip9 ... 9 IPs can be set per request". */
const MAX_IPS = 9;
const IP_PARAMS = 10;

function hostParam(params: SimParams, name: string): string {
  const host = required(params, name).trim().toLowerCase().replace(/\.$/, '');
  if (!HOST.test(host)) throw new SimFailure(`invalid ${name}: ${host} is not a host name`);
  return host;
}

function ipValue(value: string, name: string): string {
  if (isIP(value) === 0) throw new SimFailure(`invalid ${name}: ${value} is not an IP address`);
  return value;
}

/** The account's domain a host is under (ns1.example.com, or example.com itself), if any. */
function parentDomain(account: SimAccount, host: string): SimDomain | undefined {
  for (let at = host; at.includes('.'); at = at.slice(at.indexOf('.') + 1)) {
    const domain = account.domains.get(at);
    if (domain) return domain;
  }
  return undefined;
}

const byName = (account: SimAccount, host: string) => [...account.servers.values()].find((s) => s.name === host);

function byId(account: SimAccount, raw: string): SimServer {
  const server = /^\d+$/.test(raw.trim()) ? account.servers.get(Number(raw.trim())) : undefined;
  if (!server) throw new SimFailure(`name server ${raw} not found in your account`);
  return server;
}

/** Domains of the account whose name servers include the host. */
function usedBy(account: SimAccount, host: string): string[] {
  return [...account.domains.values()].filter((d) => d.nameServers.kind === 'nameservers' && d.nameServers.hosts.includes(host)).map((d) => d.name);
}

function refuseInUse(account: SimAccount, server: SimServer): void {
  const domains = usedBy(account, server.name);
  if (domains.length > 0) throw new SimFailure(`name server ${server.name} is in use by ${domains.join(', ')}; change their name servers first`);
}

function addServer(account: SimAccount, host: string, ips: string[]): SimServer {
  const existing = byName(account, host);
  if (existing) throw new SimFailure(`name server ${host} already exists in your account (server id ${existing.id})`);
  const server: SimServer = { id: account.nextServerId++, name: host, ips };
  account.servers.set(server.id, server);
  return server;
}

function removeServer(account: SimAccount, server: SimServer): void {
  account.servers.delete(server.id);
}

export const hostHandlers: SimHandlers = {
  add_ns: {
    root: 'AddNsResponse',
    handle(params, { account }) {
      const server = addServer(account, hostParam(params, 'host'), []);
      return { ...ok, AddNsContent: { Server: { Host: server.name, ServerId: server.id } } };
    },
  },

  register_ns: {
    root: 'RegisterNsResponse',
    handle(params, { account }) {
      const host = hostParam(params, 'host');
      const ip = ipValue(required(params, 'ip'), 'ip');
      if (!parentDomain(account, host)) throw new SimFailure(`${host} is not under a domain in your account; add an outside name server with add_ns`);
      const server = addServer(account, host, [ip]);
      return { ResponseCode: '0', Status: 'success', RegisterNsContent: { Server: { Host: server.name, ServerId: String(server.id) } } };
    },
  },

  set_ns_ip: {
    root: 'SetNsIpResponse',
    handle(params, { account }) {
      const server = byId(account, required(params, 'server_id'));
      const ips: string[] = [];
      for (const [name, value] of Object.entries(params)) {
        const index = /^ip(\d+)$/.exec(name)?.[1];
        if (index === undefined || value === '') continue;
        if (Number(index) >= IP_PARAMS) throw new SimFailure(`too many IP addresses: ip0 to ip${IP_PARAMS - 1} only`);
        const ip = ipValue(value, name);
        if (!ips.includes(ip)) ips.push(ip);
      }
      if (ips.length === 0) throw new SimFailure('missing required parameter: ip0');
      if (ips.length > MAX_IPS) throw new SimFailure(`too many IP addresses: at most ${MAX_IPS} per request`);
      if (!parentDomain(account, server.name)) throw new SimFailure(`${server.name} is not under a domain in your account: its IP addresses are set by its own registrar`);
      server.ips = ips;
      return { ResponseCode: '0', Status: 'success' };
    },
  },

  delete_ns: {
    root: 'DeleteNsResponse',
    handle(params, { account }) {
      const servers = required(params, 'server_id')
        .split(',')
        .filter((id) => id.trim() !== '')
        .map((id) => byId(account, id));
      if (servers.length === 0) throw new SimFailure('missing required parameter: server_id');
      // All or nothing: one host in use refuses the request.
      for (const server of servers) refuseInUse(account, server);
      for (const server of servers) removeServer(account, server);
      return { ...ok };
    },
  },

  delete_ns_by_domain: {
    root: 'DeleteNsResponse',
    handle(params, { account }) {
      const host = hostParam(params, 'server_domain');
      const server = byName(account, host);
      if (!server) throw new SimFailure(`name server ${host} not found in your account`);
      refuseInUse(account, server);
      removeServer(account, server);
      return { ResponseCode: '0', Status: 'success' };
    },
  },
};
