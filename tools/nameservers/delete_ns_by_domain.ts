import { z } from 'zod';
import { apiParams } from '../../src/api3/params.js';
import { defineTool, invokeRead } from '../../src/server/define.js';
import { hostName } from '../../src/server/schemas.js';
import { previewDeletion } from './delete_ns.js';
import serverList from './server_list.js';

export default defineTool({
  name: 'delete_ns_by_domain',
  toolset: 'nameservers',
  title: 'Delete a name server by name',
  description: 'Delete one name server host from the account by its host name. Refused while a domain uses it.',
  effect: 'destructive',
  input: z.object({ host: hostName }),
  output: z.object({ deleted: z.literal(true), host: z.string() }),
  toApi: (args) => apiParams({ server_domain: args.host }),
  condense: (_body, args) => ({ deleted: true as const, host: args.host }),
  async preview(args, ctx) {
    const { items } = await invokeRead(serverList, {}, ctx);
    const server = items.find((s) => s.name.toLowerCase() === args.host);
    return previewDeletion(server ? [server] : [], server ? [] : [args.host], ctx);
  },
});
