import { z } from 'zod';
import { asJson, asList, type Json, prune, text } from '../../src/server/condense.js';
import { defineTool } from '../../src/server/define.js';
import { id } from '../../src/server/schemas.js';

/** Order statuses of the document that mean accepted, not finished: neither done nor failed yet. */
const UNFINISHED = new Set(['submitted', 'waitpay', 'processing']);

const lower = (value: unknown) => text(value)?.toLowerCase();

function condense(body: Json) {
  const order = asJson(body.OrderStatus);
  const status = lower(order.OrderStatus);
  return prune({
    status,
    pending: status !== undefined && UNFINISHED.has(status) ? (true as const) : undefined,
    items: asList(order.ItemList).map((item) => ({ type: lower(item.ItemTypeName), name: text(item.ItemName), status: lower(item.ItemStatus) })),
  });
}

export default defineTool({
  name: 'get_order_status',
  toolset: 'orders',
  title: 'Order status',
  description: "An order's status and items: follow up a pending or unknown purchase.",
  effect: 'read',
  input: z.object({ order_id: id() }),
  output: z.object({
    status: z.string().optional(),
    pending: z.literal(true).optional(),
    items: z.array(z.object({ type: z.string(), name: z.string(), status: z.string() }).partial()).optional(),
  }),
  toApi: (args) => ({ order_id: String(args.order_id) }),
  condense,
});
