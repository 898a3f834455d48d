import { z } from 'zod';
import { asList, type Json, paginate } from '../../src/server/condense.js';
import { defineTool } from '../../src/server/define.js';
import { page, pageSize } from '../../src/server/schemas.js';
import { condenseDomain, domainSchema } from '../shared/domain.js';

const SORTS = { registration_order: 'CountAsc', registration_order_desc: 'CountDesc', name: 'NameAsc', name_desc: 'NameDesc' } as const;

const input = z.object({
  expiring_within_days: z
    .number()
    .int()
    .min(0)
    .max(3650)
    .optional()
    .describe('Only domains that expire within this many days from now (already expired ones included), soonest first'),
  sort: z.enum(['registration_order', 'registration_order_desc', 'name', 'name_desc']).optional().describe('Ignored with expiring_within_days'),
  page,
  page_size: pageSize(500, 100),
  verbose: z.boolean().default(false).describe('Full details per domain (name servers, contacts, folder, note) instead of a summary'),
});
type Input = z.infer<typeof input>;

const DAY_MS = 86_400_000;

function condensePage(body: Json, args: Input) {
  const all = asList(body.MainDomains).map((raw) => condenseDomain(raw, args.verbose));
  if (args.expiring_within_days === undefined) {
    // api3 paged it already; a full page suggests there may be more.
    return { items: all, page: args.page, page_size: args.page_size, has_more: all.length === args.page_size };
  }
  const horizon = Date.now() + args.expiring_within_days * DAY_MS;
  const expiring = all
    .filter((d) => d.expires !== undefined && Date.parse(d.expires) <= horizon)
    .sort((a, b) => Date.parse(a.expires as string) - Date.parse(b.expires as string));
  return paginate(expiring, args.page, args.page_size);
}

export default defineTool({
  name: 'list_domain',
  toolset: 'domains',
  title: 'List domains',
  description:
    'List the domains in the account, a page at a time: name, expiry, lock, renew option, privacy. Use expiring_within_days to find renewals due.',
  effect: 'read',
  input,
  output: z.object({
    items: z.array(domainSchema),
    page: z.number(),
    page_size: z.number(),
    total: z.number().optional().describe('known when filtering'),
    has_more: z.boolean(),
  }),
  toApi: (args) =>
    // Filtering by expiry needs the whole list; otherwise api3 pages for us.
    args.expiring_within_days === undefined
      ? { count_per_page: String(args.page_size), page_index: String(args.page), ...(args.sort ? { sort: SORTS[args.sort] } : {}) }
      : {},
  condense: condensePage,
});
