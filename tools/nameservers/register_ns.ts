import { isIP } from 'node:net';
import { z } from 'zod';
import { apiParams } from '../../src/api3/params.js';
import { defineTool } from '../../src/server/define.js';
import { hostName } from '../../src/server/schemas.js';
import { condenseCreatedServer, createdServerSchema } from './add_ns.js';

/** A name server's glue address: IPv4 or IPv6. */
export const ipAddress = z
  .string()
  .max(45)
  .refine((v) => isIP(v) !== 0, { message: 'must be an IPv4 or IPv6 address such as 192.0.2.1 or 2001:db8::1' });

export default defineTool({
  name: 'register_ns',
  toolset: 'nameservers',
  title: 'Register a name server',
  description: 'Register a name server host under an account domain (ns1.yourdomain.com) with its glue IP, for set_ns.',
  effect: 'write',
  input: z.object({ host: hostName, ip: ipAddress }),
  output: createdServerSchema,
  toApi: (args) => apiParams({ host: args.host, ip: args.ip }),
  condense: (body, args) => condenseCreatedServer(body.RegisterNsContent, args.host),
});
