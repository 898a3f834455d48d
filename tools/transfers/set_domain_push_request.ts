import { z } from 'zod';
import { defineTool, invokeRead } from '../../src/server/define.js';
import { domainList } from '../../src/server/schemas.js';
import getDomainPushRequest from './get_domain_push_request.js';

export default defineTool({
  name: 'set_domain_push_request',
  toolset: 'transfers',
  title: 'Accept or decline pushes',
  description: 'Accept or decline domains pushed to this account.',
  effect: 'write',
  input: z.object({ domains: domainList(100), action: z.enum(['accept', 'decline']) }),
  output: z.object({ action: z.string(), domains: z.array(z.string()) }),
  toApi: (args) => ({ domains: args.domains.join(','), action: args.action }),
  condense: (_body, args) => ({ action: args.action === 'accept' ? 'accepted' : 'declined', domains: args.domains }),
  // Shown in dry run: the domains an accept adds, and any that no push offers.
  async preview(args, ctx) {
    const waiting = new Set((await invokeRead(getDomainPushRequest, {}, ctx)).domains);
    const missing = args.domains.filter((d) => !waiting.has(d));
    return {
      facts: { [args.action === 'accept' ? 'domains_added' : 'domains_declined']: args.domains },
      refusals: missing.map((d) => `no push of ${d} waits for this account (get_domain_push_request lists them)`),
    };
  },
});
