import { z } from 'zod';
import { defineTool } from '../../src/server/define.js';
import { domainName } from '../../src/server/schemas.js';
import { changed, changedSchema } from '../shared/write.js';

export default defineTool({
  name: 'lock_domain',
  toolset: 'domains',
  title: 'Lock a domain',
  description: 'Turn on the transfer lock of one domain, so it cannot be transferred away. Harmless to repeat.',
  effect: 'write',
  idempotent: true,
  input: z.object({ domain: domainName }),
  output: changedSchema,
  toApi: (args) => ({ domain: args.domain }),
  condense: (_body, args) => changed([args.domain], { locked: true }),
});
