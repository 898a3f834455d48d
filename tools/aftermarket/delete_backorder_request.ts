import { z } from 'zod';
import { commaList } from '../../src/api3/params.js';
import { defineTool, invokeRead } from '../../src/server/define.js';
import { domainList } from '../../src/server/schemas.js';
import backorderRequestList from './backorder_request_list.js';

/**
 * A backorder is paid only when Dynadot catches the name, so removing an active request refunds
 * nothing because nothing was charged: what is lost is the place in the drop catch. Past its
 * cutoff (caught, in auction, won or lost) api3 no longer deletes it.
 */
export default defineTool({
  name: 'delete_backorder_request',
  toolset: 'aftermarket',
  title: 'Delete backorder requests',
  description: 'Take names off your backorder list before their cutoff.',
  effect: 'destructive',
  input: z.object({ domains: domainList(100) }),
  output: z.object({ domains: z.array(z.string()), deleted: z.literal(true) }),
  toApi: (args) => ({ domain: commaList(args.domains) ?? '' }),
  condense: (_body, args) => ({ domains: args.domains, deleted: true as const }),
  async preview(args, ctx) {
    const { items } = await invokeRead(backorderRequestList, { page_size: 100 }, ctx);
    const requests = args.domains.map((domain) => ({ domain, ...items.find((b) => b.domain === domain) }));
    const refusals = requests.flatMap((r) => {
      if (r.status === undefined) return [`${r.domain} is not on your backorder request list (backorder_request_list shows it)`];
      const past = r.status !== 'active' || (r.delete_before !== undefined && Date.parse(r.delete_before) <= Date.now());
      return past ? [`${r.domain} is past its cutoff (${r.status}): api3 no longer deletes it`] : [];
    });
    return {
      facts: {
        requests,
        refund: 'none: an active backorder was not charged, so nothing comes back; the place in the drop catch is given up',
      },
      refusals,
    };
  },
});
