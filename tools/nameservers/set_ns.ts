import { invokeRead } from '../../src/server/define.js';
import getDns from '../dns/get_dns.js';
import { asWritten } from '../shared/dns-records.js';
import { forDomains, nameServers } from '../shared/settings.js';
import { SHOWN_DOMAINS } from '../shared/write.js';
import getNs from './get_ns.js';
import serverList from './server_list.js';

export default forDomains(nameServers, {
  name: 'set_ns',
  toolset: 'nameservers',
  title: 'Set name servers',
  description:
    'Point up to 100 domains at 1 to 13 name servers, replacing their current name servers and DNS service. Needs confirm. Name servers must already be in the account (server_list).',
  /**
   * Per domain (the first few): its name servers now, and on Dynadot DNS the records that stop
   * answering, as a person writes them. A host not registered in the account is refused by
   * api3, so the preview refuses it too.
   */
  async preview(args, ctx) {
    const registered = new Set((await invokeRead(serverList, {}, ctx)).items.map((s) => s.name.toLowerCase()));
    const unregistered = args.name_servers.filter((host) => !registered.has(host));
    const shown = args.domains.slice(0, SHOWN_DOMAINS);
    const current: Record<string, Record<string, unknown>> = {};
    for (const domain of shown) {
      // get_ns answers not_found for a domain outside the account: that error is the answer.
      const { name_servers } = await invokeRead(getNs, { domain }, ctx);
      const { dns } = await invokeRead(getDns, { domain }, ctx);
      const dropped = dns.type === 'dynadot_dns' ? (dns.records ?? []).map(asWritten) : [];
      current[domain] = { name_servers, ...(dropped.length > 0 ? { dns_records_dropped: dropped } : {}) };
    }
    const dropsRecords = Object.values(current).some((c) => c.dns_records_dropped);
    return {
      facts: {
        current,
        ...(args.domains.length > shown.length ? { and_more_domains: args.domains.length - shown.length } : {}),
        ...(dropsRecords
          ? { warning: 'The DNS records listed stop answering (website, email, verification) unless the new name servers serve them.' }
          : {}),
      },
      ...(unregistered.length > 0
        ? {
            refusals: [
              `name servers not registered in this account: ${unregistered.join(', ')}. Add each first: add_ns for a host outside the account's domains, register_ns (with its IP) for one under them; then call set_ns again.`,
            ],
          }
        : {}),
    };
  },
});
