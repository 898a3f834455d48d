import { ownedDomain } from '../domains-util.js';
import { renderNameServerSettings } from '../render.js';
import { ok, required, type SimHandlers } from '../types.js';

// set_dns2 and set_ns are setting kinds in all three scopes: src/simulator/settings.ts.

export const dnsHandlers: SimHandlers = {
  get_dns: {
    root: 'GetDnsResponse',
    handle(params, { account }) {
      const domain = ownedDomain(account, required(params, 'domain'));
      return { ...ok, GetDns: { NameServerSettings: renderNameServerSettings(domain.nameServers) } };
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
