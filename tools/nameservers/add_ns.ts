import { z } from 'zod';
import { apiParams } from '../../src/api3/params.js';
import { asJson, idNumber, text } from '../../src/server/condense.js';
import { defineTool } from '../../src/server/define.js';
import { hostName, idOut } from '../../src/server/schemas.js';

/** What add_ns and register_ns answer: the new host and its server id. */
export const createdServerSchema = z.object({
  server_id: idOut.optional().describe('the new host\'s id (set_ns_ip, delete_ns)'),
  host: z.string(),
});

/** `{Server: {Host, ServerId}}` (ServerId a number or a digit string) -> `{server_id, host}`. */
export function condenseCreatedServer(content: unknown, host: string): z.infer<typeof createdServerSchema> {
  const server = asJson(asJson(content).Server);
  const id = idNumber(server.ServerId);
  return { ...(id === undefined ? {} : { server_id: id }), host: text(server.Host) ?? host };
}

export default defineTool({
  name: 'add_ns',
  toolset: 'nameservers',
  title: 'Add a name server',
  description: 'Add an outside name server host to the account for set_ns (hosts under your own domains: register_ns).',
  effect: 'write',
  input: z.object({ host: hostName }),
  output: createdServerSchema,
  toApi: (args) => apiParams({ host: args.host }),
  condense: (body, args) => condenseCreatedServer(body.AddNsContent, args.host),
});
