import { z } from 'zod';
import { text } from '../../src/server/condense.js';
import { defineTool, invokeRead } from '../../src/server/define.js';
import { domainName } from '../../src/server/schemas.js';
import domainInfo from './domain_info.js';

/** The registries' add grace period: a new domain can be deleted for a refund within it. */
const GRACE_DAYS = 5;
const DAY_MS = 86_400_000;

export default defineTool({
  name: 'delete',
  toolset: 'domains',
  title: 'Delete a domain',
  description:
    'Delete a domain still in its registration grace period; the fee is credited back. Irreversible.',
  effect: 'destructive',
  input: z.object({ domain: domainName }),
  output: z.object({ domain: z.string(), deleted: z.literal(true) }),
  toApi: (args) => ({ domain: args.domain }),
  condense: (body, args) => ({ domain: text(body.DomainName) ?? args.domain, deleted: true as const }),
  async preview(args, ctx) {
    const { domain } = await invokeRead(domainInfo, { domain: args.domain }, ctx);
    const age = domain.registered ? Date.now() - Date.parse(domain.registered) : Number.POSITIVE_INFINITY;
    const refusals =
      age > GRACE_DAYS * DAY_MS
        ? [`${args.domain} was registered ${domain.registered ?? 'more than five days ago'}: past the ${GRACE_DAYS}-day delete grace period, it can no longer be deleted for a refund`]
        : [];
    return {
      facts: { registered: domain.registered, expires: domain.expires, note: 'The domain is released and may be registered by anyone; the registration fee is credited back.' },
      refusals,
    };
  },
});
