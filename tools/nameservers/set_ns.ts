import { z } from 'zod';
import { defineTool, invokeRead } from '../../src/server/define.js';
import { domainList, hostName } from '../../src/server/schemas.js';
import getNs from './get_ns.js';

export default defineTool({
  name: 'set_ns',
  toolset: 'nameservers',
  title: 'Set name servers',
  description:
    'Point up to 100 domains at 1 to 13 name servers, replacing their current name servers and DNS service. Needs confirm. Name servers must already be in the account (server_list).',
  effect: 'destructive',
  idempotent: true,
  input: z.object({
    domains: domainList(100),
    name_servers: z
      .array(hostName)
      .min(1)
      .max(13, 'at most 13 name servers')
      .refine((hosts) => new Set(hosts).size === hosts.length, { message: 'each name server may appear only once' }),
  }),
  output: z.object({ done: z.literal(true), domains: z.array(z.string()), name_servers: z.array(z.string()) }),
  toApi: (args) => ({
    domain: args.domains.join(','),
    ...Object.fromEntries(args.name_servers.map((host, i) => [`ns${i}`, host])),
  }),
  condense: (_body, args) => ({ done: true as const, domains: args.domains, name_servers: args.name_servers }),
  async preview(args, ctx) {
    const shown = args.domains.slice(0, 5);
    const current: Record<string, unknown> = {};
    for (const domain of shown) current[domain] = ((await invokeRead(getNs, { domain }, ctx)) as { name_servers: string[] }).name_servers;
    return {
      current_name_servers: current,
      ...(args.domains.length > shown.length ? { and_more_domains: args.domains.length - shown.length } : {}),
      note: 'DNS records hosted by Dynadot stop answering for these domains once the new name servers take over.',
    };
  },
});
