import { z } from 'zod';
import { text } from '../../src/server/condense.js';
import { defineTool, invokeRead } from '../../src/server/define.js';
import { domainName } from '../../src/server/schemas.js';
import domainInfo from './domain_info.js';

export default defineTool({
  name: 'delete',
  toolset: 'domains',
  title: 'Delete a domain',
  description:
    'Delete a newly registered domain still in its grace period; the registration fee is credited back. Irreversible: needs confirm. Renewed or moved domains cannot be deleted.',
  effect: 'destructive',
  input: z.object({ domain: domainName }),
  output: z.object({ domain: z.string(), deleted: z.literal(true) }),
  toApi: (args) => ({ domain: args.domain }),
  condense: (body, args) => ({ domain: text(body.DomainName) ?? args.domain, deleted: true as const }),
  async preview(args, ctx) {
    const { domain } = await invokeRead(domainInfo, { domain: args.domain }, ctx);
    return { registered: domain.registered, expires: domain.expires, note: 'The domain is released and may be registered by anyone.' };
  },
});
