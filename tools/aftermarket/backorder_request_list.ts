import { z } from 'zod';
import { apiParams } from '../../src/api3/params.js';
import { asList, epochToIso, type Json, paginate, prune, text } from '../../src/server/condense.js';
import { defineTool } from '../../src/server/define.js';
import { page, pageSize, pagedOutput } from '../../src/server/schemas.js';
import { day } from '../shared/closed-auctions.js';

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const input = z
  .object({
    from: day.optional(),
    to: day.optional(),
    page,
    page_size: pageSize(100, 50),
  })
  .refine((a) => a.from === undefined || a.to === undefined || a.from <= a.to, { path: ['to'], message: 'must not be before from' });
type Input = z.infer<typeof input>;

/** The document's table says start_date and end_date, its example startDate and endDate: the example is what was sent (see tools/shared/closed-auctions.ts). */
function toApi(args: Input) {
  return apiParams({ startDate: args.from ?? isoDay(Date.now() - 30 * DAY_MS), endDate: args.to ?? isoDay(Date.now() + 365 * DAY_MS) });
}

function condense(body: Json, args: Input) {
  const items = asList(body.BackorderRequestList).map((b) =>
    prune({
      domain: text(b.DomainName ?? b.Domain)?.toLowerCase() ?? '',
      status: text(b.BackorderRequestStatus)?.toLowerCase(),
      delete_before: epochToIso(b.CutoffTime),
    }),
  );
  return paginate(items, args.page, args.page_size);
}

export default defineTool({
  name: 'backorder_request_list',
  toolset: 'aftermarket',
  title: 'Backorder requests',
  description: 'Your backorder requests by drop date (default: 30 days back to a year ahead).',
  effect: 'read',
  input,
  output: pagedOutput(z.object({ domain: z.string(), status: z.string().optional(), delete_before: z.string().optional() })),
  toApi,
  condense,
});
