import { invokeRead } from '../../src/server/define.js';
import { forDomains, nameServers } from '../shared/settings.js';
import getNs from './get_ns.js';

export default forDomains(nameServers, {
  name: 'set_ns',
  toolset: 'nameservers',
  title: 'Set name servers',
  description:
    'Point up to 100 domains at 1 to 13 name servers, replacing their current name servers and DNS service. Needs confirm. Name servers must already be in the account (server_list).',
  async preview(args, ctx) {
    const shown = args.domains.slice(0, 5);
    const current: Record<string, unknown> = {};
    for (const domain of shown) current[domain] = (await invokeRead(getNs, { domain }, ctx)).name_servers;
    return {
      current_name_servers: current,
      ...(args.domains.length > shown.length ? { and_more_domains: args.domains.length - shown.length } : {}),
      note: 'DNS records hosted by Dynadot stop answering for these domains once the new name servers take over.',
    };
  },
});
