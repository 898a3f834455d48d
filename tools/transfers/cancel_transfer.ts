import { z } from 'zod';
import { apiParams } from '../../src/api3/params.js';
import { defineTool, invokeRead, type ToolContext } from '../../src/server/define.js';
import { domainName, id } from '../../src/server/schemas.js';
import getTransferStatus from './get_transfer_status.js';

const input = z.object({ domain: domainName, order_id: id().optional() });
type Input = z.infer<typeof input>;

/** The document: a transfer whose status is none or approved can be cancelled; one stuck on a refused code can too. */
const CANCELLABLE = new Set(['none', 'approved', 'auth code needed']);

/** The transfer in this call cancels: the order named, else the one transfer under way. */
async function target(args: Input, ctx: ToolContext) {
  const { transfers } = await invokeRead(getTransferStatus, { domain: args.domain, direction: 'in' }, ctx);
  if (args.order_id !== undefined) return transfers.find((t) => t.order_id === args.order_id);
  const open = transfers.filter((t) => t.status !== 'completed' && t.status !== 'cancelled');
  return open.length === 1 ? open[0] : undefined;
}

export default defineTool({
  name: 'cancel_transfer',
  toolset: 'transfers',
  title: 'Cancel a transfer in',
  description: 'Cancel a transfer in not yet started.',
  effect: 'destructive',
  input,
  output: z.object({ domain: z.string(), cancelled: z.literal(true) }),
  toApi: (args) => apiParams({ domain: args.domain, order_id: args.order_id }),
  condense: (_body, args) => ({ domain: args.domain, cancelled: true as const }),
  // The order the preview showed is the one cancelled.
  bind: (args, facts) => (args.order_id === undefined && typeof facts.order_id === 'number' ? { order_id: facts.order_id } : {}),
  async preview(args, ctx) {
    const found = await target(args, ctx);
    const refusals: string[] = [];
    if (!found) {
      refusals.push(
        args.order_id === undefined
          ? `no single transfer of ${args.domain} under way: get_transfer_status lists its orders; give order_id`
          : `there is no transfer order ${args.order_id} for ${args.domain} (get_transfer_status lists them)`,
      );
    } else if (!CANCELLABLE.has(found.status ?? '')) {
      refusals.push(`the transfer is ${found.status}: api3 cancels only a transfer not yet started at the registry (none, approved or auth code needed)`);
    }
    return {
      facts: {
        ...(found ? { order_id: found.order_id, status: found.status, meaning: found.meaning } : {}),
        fee: "Whether the transfer fee is refunded is Dynadot's (api3's) handling; order_list shows the order afterwards.",
      },
      refusals,
    };
  },
});
