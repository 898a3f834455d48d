import { z } from 'zod';
import { defineTool } from '../../src/server/define.js';
import { domainList } from '../../src/server/schemas.js';
import { changed, changedSchema } from '../shared/write.js';

export default defineTool({
  name: 'set_privacy',
  toolset: 'domains',
  title: 'Set WHOIS privacy',
  description: 'Set WHOIS privacy for up to 100 domains: full hides the contact details, partial shows some, off publishes them.',
  effect: 'write',
  idempotent: true,
  input: z.object({ domains: domainList(100), privacy: z.enum(['full', 'partial', 'off']) }),
  output: changedSchema,
  toApi: (args) => ({ domain: args.domains.join(','), option: args.privacy }),
  condense: (_body, args) => changed(args.domains, { privacy: args.privacy }),
});
