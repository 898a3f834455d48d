import { z } from 'zod';
import { commaList } from '../../src/api3/params.js';
import { defineTool, invokeRead } from '../../src/server/define.js';
import { domainList } from '../../src/server/schemas.js';
import backorderRequestList from './backorder_request_list.js';

export default defineTool({
  name: 'add_backorder_request',
  toolset: 'aftermarket',
  title: 'Backorder domains',
  description: 'Backorder names about to drop; you agree to pay if Dynadot catches one.',
  effect: 'destructive',
  input: z.object({ domains: domainList(100) }),
  output: z.object({ domains: z.array(z.string()), requested: z.literal(true) }),
  toApi: (args) => ({ domain: commaList(args.domains) ?? '' }),
  condense: (_body, args) => ({ domains: args.domains, requested: true as const }),
  async preview(args, ctx) {
    const { items } = await invokeRead(backorderRequestList, { page_size: 100 }, ctx);
    const already = items.filter((b) => args.domains.includes(b.domain)).map((b) => b.domain);
    const balance = (await ctx.account.balances(ctx))[0];
    return {
      facts: {
        domains: args.domains,
        ...(already.length > 0 ? { already_requested: already } : {}),
        balance,
        charged_now: 'nothing',
        if_caught:
          'You pay for the domain from the balance; when others backordered it too, it goes to a backorder auction among you (place_backorder_auction_bid).',
      },
    };
  },
});
