import { z } from 'zod';
import { asList, idNumber, type Json, prune, text } from '../../src/server/condense.js';
import { defineTool } from '../../src/server/define.js';
import { domainName, idOut } from '../../src/server/schemas.js';

/** Each status api3 uses, in plain words (the document's, and those the simulator reaches). */
const MEANINGS: Readonly<Record<string, string>> = {
  none: 'submitted, not started at the registry yet; can be cancelled',
  approved: 'approved, not started yet; can be cancelled',
  waiting: 'started: waiting on the other registrar or the registry; can no longer be cancelled',
  'auth code needed': 'the auth code was refused: send the right one with set_transfer_auth_code, or cancel',
  pending: 'waiting for this account to approve or deny it (authorize_transfer_away)',
  completed: 'done',
  cancelled: 'cancelled',
  denied: 'denied',
};
const OTHER = 'Dynadot emails about this status, or its staff must look at it';

/** Condensed per transfer; a status api3 adds later is kept as it said it, with what to do. */
export function transferList(body: Json) {
  return asList(body.TransferList).map((raw) => {
    const status = text(raw.TransferStatus)?.toLowerCase();
    return prune({ order_id: idNumber(raw.OrderId), status, meaning: status === undefined ? undefined : (MEANINGS[status] ?? OTHER) });
  });
}

export default defineTool({
  name: 'get_transfer_status',
  toolset: 'transfers',
  title: 'Transfer status',
  description: "A domain's transfer orders in or away, with each status in plain words.",
  effect: 'read',
  input: z.object({ domain: domainName, direction: z.enum(['in', 'away']).default('in') }),
  output: z.object({
    transfers: z.array(z.object({ order_id: idOut, status: z.string(), meaning: z.string() }).partial()),
    hint: z.string().optional(),
  }),
  toApi: (args) => ({ domain: args.domain, transfer_type: args.direction }),
  condense: (body) => {
    const transfers = transferList(body);
    return transfers.length > 0 ? { transfers, hint: 'get_order_status with the order_id shows the order and what it cost.' } : { transfers };
  },
});
