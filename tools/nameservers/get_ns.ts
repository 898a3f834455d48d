import { z } from 'zod';
import { hostNames } from '../../src/server/condense.js';
import { defineTool } from '../../src/server/define.js';
import { domainName } from '../../src/server/schemas.js';

export default defineTool({
  name: 'get_ns',
  toolset: 'nameservers',
  everyday: true,
  title: 'Get name servers',
  description: 'The name servers one domain uses.',
  effect: 'read',
  input: z.object({ domain: domainName }),
  output: z.object({ domain: z.string(), name_servers: z.array(z.string()) }),
  toApi: (args) => ({ domain: args.domain }),
  condense: (body, args) => ({ domain: args.domain, name_servers: hostNames(body.NsContent) }),
});
