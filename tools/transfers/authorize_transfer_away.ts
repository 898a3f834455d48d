import { z } from 'zod';
import { text } from '../../src/server/condense.js';
import { defineTool, invokeRead } from '../../src/server/define.js';
import { domainName, id } from '../../src/server/schemas.js';
import getTransferStatus from './get_transfer_status.js';

export default defineTool({
  name: 'authorize_transfer_away',
  toolset: 'transfers',
  title: 'Approve or deny a transfer away',
  description: 'Approve or deny a transfer away; approve needs confirm.',
  // Approving hands the domain to the gaining registrar; denying keeps it here.
  effect: 'destructive',
  needsConfirm: (args) => args.authorize === 'approve',
  input: z.object({ domain: domainName, order_id: id(), authorize: z.enum(['approve', 'deny']) }),
  output: z.object({ domain: z.string(), result: z.string() }),
  toApi: (args) => ({ domain: args.domain, authorize: args.authorize, order_id: String(args.order_id) }),
  condense: (body, args) => ({
    domain: args.domain,
    result: text(body.Result)?.toLowerCase() ?? (args.authorize === 'approve' ? 'away_approved' : 'away_denied'),
  }),
  async preview(args, ctx) {
    const domain = (await ctx.account.domains({ names: [args.domain] }, ctx)).get(args.domain);
    if (!domain) return { facts: {}, refusals: [`${args.domain} is not in this account`] };
    const { transfers } = await invokeRead(getTransferStatus, { domain: args.domain, direction: 'away' }, ctx);
    const order = transfers.find((t) => t.order_id === args.order_id);
    return {
      facts: {
        domain: args.domain,
        expires: domain.expires,
        order_id: args.order_id,
        status: order?.status,
        gaining_side: 'api3 does not say which registrar or account asks',
        note: 'Approved, the transfer completes and the domain leaves this account.',
      },
      refusals: order ? [] : [`there is no transfer-away order ${args.order_id} for ${args.domain} (get_transfer_status with direction away lists them)`],
    };
  },
});
