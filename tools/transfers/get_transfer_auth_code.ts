import { z } from 'zod';
import { apiParams, flagParam } from '../../src/api3/params.js';
import { text } from '../../src/server/condense.js';
import { defineTool } from '../../src/server/define.js';
import { domainName } from '../../src/server/schemas.js';

const input = z.object({ domain: domainName, new_code: z.boolean().optional(), unlock: z.boolean().optional() });

export default defineTool({
  name: 'get_transfer_auth_code',
  toolset: 'transfers',
  title: 'Transfer auth code',
  description: "A domain's transfer auth code (secret: for the user only); new_code or unlock need confirm.",
  // Reading the code changes nothing; a new code voids the old one, and an unlocked domain can be taken away.
  effect: 'destructive',
  needsConfirm: (args) => args.new_code === true || args.unlock === true,
  // The code is the caller's alone: a replayed confirmation answers *** for it.
  secretOutput: ['auth_code'],
  input,
  output: z.object({ domain: z.string(), auth_code: z.string(), new_code: z.literal(true).optional(), unlocked: z.literal(true).optional() }),
  toApi: (args) =>
    apiParams({ domain: args.domain, new_code: flagParam.oneWhenOn(args.new_code), unlock_domain_for_transfer: flagParam.oneWhenOn(args.unlock) }),
  condense: (body, args) => ({
    domain: args.domain,
    auth_code: text(body.AuthCode) ?? '',
    ...(args.new_code ? { new_code: true as const } : {}),
    ...(args.unlock ? { unlocked: true as const } : {}),
  }),
  // The preview says what the call does; it never reads or shows the code itself.
  async preview(args, ctx) {
    const domain = (await ctx.account.domains({ names: [args.domain] }, ctx)).get(args.domain);
    const refusals: string[] = [];
    if (!domain) refusals.push(`${args.domain} is not in this account`);
    else if (domain.locked && !args.unlock) {
      refusals.push(`${args.domain} is locked and api3 gives no code for a locked domain: add unlock: true, or unlock it in the Dynadot control panel`);
    }
    const will = [
      ...(args.new_code ? ['generate a new auth code: the current one stops working'] : []),
      ...(args.unlock ? ['unlock the domain: anyone with the code can then transfer it away (needs the account\'s "API skip lock agreement")'] : []),
    ];
    return { facts: { domain: args.domain, locked: domain?.locked, expires: domain?.expires, will }, refusals };
  },
});
