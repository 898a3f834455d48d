import { z } from 'zod';
import { asList, type Json, paginate } from '../../src/server/condense.js';
import { defineTool } from '../../src/server/define.js';
import { page, pageSize } from '../../src/server/schemas.js';
import { type CondensedDomain, condenseDomain, domainSchema } from '../shared/domain.js';

const DAY_MS = 86_400_000;

const input = z.object({
  expiring_within_days: z
    .number()
    .int()
    .min(0)
    .max(3650)
    .optional()
    .describe('expired ones included'),
  name_contains: z.string().max(253).optional(),
  sort: z.enum(['expires', 'expires_desc', 'name', 'name_desc', 'added']).default('expires'),
  page,
  page_size: pageSize(500, 100),
  verbose: z.boolean().default(false).describe('Add name servers, contacts, folder, note'),
});
type Input = z.infer<typeof input>;

const expiry = (d: CondensedDomain) => (d.expires ? Date.parse(d.expires) : Number.POSITIVE_INFINITY);
const ORDER: Record<Input['sort'], ((a: CondensedDomain, b: CondensedDomain) => number) | undefined> = {
  expires: (a, b) => expiry(a) - expiry(b),
  expires_desc: (a, b) => expiry(b) - expiry(a),
  name: (a, b) => a.name.localeCompare(b.name),
  name_desc: (a, b) => b.name.localeCompare(a.name),
  added: undefined,
};

/**
 * api3 returns the whole portfolio in one answer; filtering, sorting and paging happen here so
 * an agent gets a small page with a true total, and "what expires this month" is one call.
 */
function condense(body: Json, args: Input) {
  let domains = asList(body.MainDomains).map((raw) => condenseDomain(raw, args.verbose));
  if (args.expiring_within_days !== undefined) {
    const horizon = Date.now() + args.expiring_within_days * DAY_MS;
    domains = domains.filter((d) => expiry(d) <= horizon);
  }
  if (args.name_contains) {
    const needle = args.name_contains.toLowerCase();
    domains = domains.filter((d) => d.name.includes(needle));
  }
  const order = ORDER[args.sort];
  if (order) domains.sort(order);
  return paginate(domains, args.page, args.page_size);
}

export default defineTool({
  name: 'list_domain',
  toolset: 'domains',
  everyday: true,
  title: 'List domains',
  description: "The account's domains, soonest expiry first; expiring_within_days finds renewals due.",
  effect: 'read',
  input,
  output: z.object({
    items: z.array(domainSchema),
    page: z.number(),
    page_size: z.number(),
    total: z.number().describe('domains matching the filters'),
    has_more: z.boolean(),
  }),
  toApi: () => ({}),
  condense,
});
