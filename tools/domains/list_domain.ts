import { z } from 'zod';
import { asList, type Json, paginate, prune } from '../../src/server/condense.js';
import { defineTool } from '../../src/server/define.js';
import { page, pageSize } from '../../src/server/schemas.js';
import { type CondensedDomain, condenseDomain, domainSchema } from '../shared/domain.js';

const DAY_MS = 86_400_000;

/** The columns a row can be cut down to (`fields`), beside the name. */
const FIELDS = ['expires', 'locked', 'renew_option', 'privacy', 'folder', 'note', 'name_servers', 'contacts'] as const;

const input = z.object({
  expiring_within_days: z
    .number()
    .int()
    .min(0)
    .max(3650)
    .optional()
    .describe('expired ones included'),
  name_contains: z.string().max(253).optional(),
  // Any of these: "not on auto-renew" is [do_not_renew, reset] in one call.
  renew_option: z.array(z.enum(['auto', 'do_not_renew', 'reset'])).min(1).max(3).optional(),
  locked: z.boolean().optional(),
  privacy: z.enum(['off', 'partial', 'full']).optional(),
  tld: z
    .string()
    .regex(/^\.?[a-z0-9-]+(\.[a-z0-9-]+)*$/i, 'must be a TLD such as com or co.uk')
    .transform((tld) => tld.replace(/^\./, '').toLowerCase())
    .optional(),
  folder: z.string().max(100).optional().describe('exact name; "" for no folder'),
  expired: z.boolean().optional(),
  summary: z.enum(['tld', 'renew_option', 'expiry_month']).optional().describe('counts instead of rows'),
  fields: z.array(z.enum(FIELDS)).min(1).max(FIELDS.length).optional().describe('only these beside name'),
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

const tldOf = (name: string) => name.slice(name.indexOf('.') + 1);

/** Each filter the call gave, as a test of a domain (read verbose, so the folder is known). */
function filtersOf(args: Input): Array<(d: CondensedDomain) => boolean> {
  const now = Date.now();
  const tests: Array<(d: CondensedDomain) => boolean> = [];
  if (args.expiring_within_days !== undefined) {
    const horizon = now + args.expiring_within_days * DAY_MS;
    tests.push((d) => expiry(d) <= horizon);
  }
  const needle = args.name_contains?.toLowerCase();
  if (needle) tests.push((d) => d.name.includes(needle));
  const options = args.renew_option;
  if (options) tests.push((d) => options.some((option) => d.renew_option === option));
  if (args.locked !== undefined) tests.push((d) => (d.locked ?? false) === args.locked);
  if (args.privacy) tests.push((d) => d.privacy === args.privacy);
  const tld = args.tld;
  if (tld) tests.push((d) => d.name.endsWith(`.${tld}`));
  if (args.folder !== undefined) tests.push((d) => (d.folder?.name ?? '') === args.folder);
  if (args.expired !== undefined) tests.push((d) => expiry(d) < now === args.expired);
  return tests;
}

/** The columns only a verbose read has: condensing them for every domain is paid only by calls that use them. */
const VERBOSE_FIELDS: ReadonlySet<string> = new Set(['folder', 'note', 'name_servers', 'contacts']);
const readsVerbose = (args: Input) => args.verbose || args.folder !== undefined || (args.fields?.some((field) => VERBOSE_FIELDS.has(field)) ?? false);

/** What a summary counts a domain under. */
const SUMMARY_KEY: Record<NonNullable<Input['summary']>, (d: CondensedDomain) => string> = {
  tld: (d) => tldOf(d.name),
  renew_option: (d) => d.renew_option ?? 'unknown',
  expiry_month: (d) => d.expires?.slice(0, 7) ?? 'unknown',
};

/** A domain as the call asked for it: its name and the `fields` asked for, the summary, or everything read with `verbose`. */
function asAsked(d: CondensedDomain, args: Input): CondensedDomain {
  if (args.fields) {
    const picked: CondensedDomain = { name: d.name };
    for (const field of args.fields) Object.assign(picked, { [field]: d[field] });
    return prune(picked);
  }
  if (args.verbose) return d;
  return prune({ name: d.name, expires: d.expires, locked: d.locked, renew_option: d.renew_option, privacy: d.privacy, disabled: d.disabled, hold: d.hold });
}

/**
 * api3 returns the whole portfolio in one answer; filtering, sorting and paging happen here so
 * an agent gets a small page with a true total, and "what expires this month and is not on
 * auto-renew" is one call with a short answer at any portfolio size; `summary` answers counts
 * (per TLD, renew option or expiry month) instead of rows.
 */
function condense(body: Json, args: Input) {
  const tests = filtersOf(args);
  const domains = asList(body.MainDomains)
    .map((raw) => condenseDomain(raw, readsVerbose(args)))
    .filter((d) => tests.every((test) => test(d)));
  if (args.summary) {
    const key = SUMMARY_KEY[args.summary];
    const counts: Record<string, number> = {};
    for (const d of domains) counts[key(d)] = (counts[key(d)] ?? 0) + 1;
    const sorted = Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
    return { total: domains.length, summary: { by: args.summary, counts: sorted } };
  }
  const order = ORDER[args.sort];
  if (order) domains.sort(order);
  const page = paginate(domains, args.page, args.page_size);
  return { ...page, items: page.items.map((d) => asAsked(d, args)) };
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
    items: z.array(domainSchema).optional(),
    page: z.number().optional(),
    page_size: z.number().optional(),
    total: z.number().describe('domains matching the filters'),
    has_more: z.boolean().optional(),
    summary: z.object({ by: z.string(), counts: z.record(z.string(), z.number()) }).optional(),
  }),
  toApi: () => ({}),
  condense,
});
