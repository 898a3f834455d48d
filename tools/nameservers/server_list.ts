import { z } from 'zod';
import { asList, idNumber, prune, text } from '../../src/server/condense.js';
import { idOut } from '../../src/server/schemas.js';
import { defineTool } from '../../src/server/define.js';

export default defineTool({
  name: 'server_list',
  toolset: 'nameservers',
  everyday: true,
  title: 'List name servers',
  description: 'The name servers registered in the account (usable with set_ns), with their glue IPs.',
  effect: 'read',
  input: z.object({}),
  output: z.object({ items: z.array(z.object({ id: idOut.optional(), name: z.string(), ips: z.array(z.string()).optional() })) }),
  toApi: () => ({}),
  condense: (body) => ({
    items: asList(body.ServerList).map((s) =>
      prune({
        id: idNumber(s.ServerId),
        name: text(s.ServerName) ?? '',
        ips: asList(s.ServerIps)
          .map((ip) => text(ip.Ip))
          .filter((ip): ip is string => ip !== undefined),
      }),
    ),
  }),
});
