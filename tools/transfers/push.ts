import { z } from 'zod';
import { apiParams, flagParam } from '../../src/api3/params.js';
import { defineTool } from '../../src/server/define.js';
import { currency, domainList, emailAddress, plainText } from '../../src/server/schemas.js';

export default defineTool({
  name: 'push',
  toolset: 'transfers',
  title: 'Push domains to another account',
  description: 'Push domains to another Dynadot account; each leaves once accepted.',
  effect: 'destructive',
  input: z.object({
    domains: domainList(100),
    receiver: plainText(64).min(1).describe('push username'),
    receiver_email: emailAddress.optional(),
    unlock: z.boolean().optional(),
    currency,
  }),
  output: z.object({ domains: z.array(z.string()), receiver: z.string(), sent: z.literal(true) }),
  toApi: (args) =>
    apiParams({
      domain: args.domains.join(';'),
      receiver_push_username: args.receiver,
      receiver_email: args.receiver_email,
      currency: args.currency,
      unlock_domain_for_push: flagParam.oneWhenOn(args.unlock),
    }),
  condense: (_body, args) => ({ domains: args.domains, receiver: args.receiver, sent: true as const }),
  async preview(args, ctx) {
    const held = await ctx.account.domains({ names: args.domains }, ctx);
    const refusals: string[] = [];
    const domains = args.domains.map((name) => {
      const domain = held.get(name);
      if (!domain) refusals.push(`${name} is not in this account`);
      else if (domain.locked && !args.unlock) refusals.push(`${name} is locked: add unlock: true, or unlock it in the Dynadot control panel`);
      return { domain: name, locked: domain?.locked, expires: domain?.expires, ...(domain?.locked && args.unlock ? { will_be_unlocked: true } : {}) };
    });
    return {
      facts: {
        receiver: args.receiver,
        ...(args.receiver_email ? { receiver_email: args.receiver_email } : {}),
        domains,
        note: `Each domain leaves this account once ${args.receiver} accepts the push; until then it stays here.${args.unlock ? ' Locked domains are unlocked now.' : ''}`,
      },
      refusals,
    };
  },
});
