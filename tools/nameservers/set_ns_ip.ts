import { z } from 'zod';
import { apiParams, indexed } from '../../src/api3/params.js';
import { defineTool, invokeRead } from '../../src/server/define.js';
import { id, idOut } from '../../src/server/schemas.js';
import { accountDomains, domainsUsing, partialNote, SHOWN, shortList, underOwnDomain } from './delete_ns.js';
import { ipAddress } from './register_ns.js';
import serverList from './server_list.js';

/** The document: "ip0 - ip9 ... 9 IPs can be set per request". */
const MAX_IPS = 9;

export default defineTool({
  name: 'set_ns_ip',
  toolset: 'nameservers',
  title: 'Set name server IPs',
  description: 'Replace the glue IPs of a name server host under an account domain; domains using it follow.',
  effect: 'destructive',
  input: z.object({
    server_id: id().describe('id from server_list'),
    ips: z
      .array(ipAddress)
      .min(1)
      .max(MAX_IPS, `at most ${MAX_IPS} IPs`)
      .refine((ips) => new Set(ips).size === ips.length, { message: 'each IP may appear only once' }),
  }),
  output: z.object({ done: z.literal(true), server_id: idOut, ips: z.array(z.string()) }),
  toApi: (args) => apiParams({ server_id: args.server_id }, indexed('ip', args.ips)),
  condense: (_body, args) => ({ done: true as const, server_id: args.server_id, ips: args.ips }),
  /**
   * The host's IPs now, and the domains that resolve through it. An unknown id, or a host not
   * under one of the account's domains (its glue is kept where its own domain is registered), is
   * refused.
   */
  async preview(args, ctx) {
    const server = (await invokeRead(serverList, {}, ctx)).items.find((s) => s.id === args.server_id);
    if (!server) return { facts: {}, refusals: [`no name server with id ${args.server_id} in this account (server_list lists them)`] };
    const account = await accountDomains(ctx);
    const usedBy = domainsUsing(server.name, account);
    const outside = account.complete && !underOwnDomain(server.name, account);
    return {
      facts: {
        host: server.name,
        ips_now: server.ips ?? [],
        used_by: usedBy.slice(0, SHOWN),
        ...(usedBy.length > 0 ? { warning: `${shortList(usedBy)} resolve through this host: wrong IPs take them offline.` } : {}),
        ...partialNote(account),
      },
      ...(outside
        ? { refusals: [`${server.name} is not under a domain of this account: its IPs are set where its own domain is registered, not here`] }
        : {}),
    };
  },
});
