import { z } from 'zod';
import { apiParams, flagParam, indexed } from '../../src/api3/params.js';
import { asList, epochToIso, type Money, prune, text } from '../../src/server/condense.js';
import { defineTool, invokeRead, type ToolContext } from '../../src/server/define.js';
import { cents } from '../../src/server/needs.js';
import { currency, domainList, moneySchema, plainText } from '../../src/server/schemas.js';
import { balanceFacts, type TldTable, tldRows, unreadPrices } from '../shared/purchase.js';
import search from './search.js';
import tldPrice from './tld_price.js';

const input = z.object({
  domains: domainList(100),
  currency,
  premium: z.boolean().optional().describe('true to buy premium names'),
  coupon: plainText(64).optional(),
});
type Input = z.infer<typeof input>;

/**
 * Every name's availability, first-year and renewal price, in the order given: one search, and
 * where its answer gives no renewal price (the document's wording), one tld_price read for all
 * the TLDs (not for premium names, which are priced on their own).
 */
async function quote(args: Input, ctx: ToolContext) {
  const { results } = await invokeRead(search, { domains: args.domains, with_prices: true, currency: args.currency }, ctx);
  const byName = new Map(results.map((r) => [r.domain, r]));
  const needRenewal = results.filter((r) => r.available && r.price && !r.renewal_price && !r.premium).map((r) => r.domain);
  const table: TldTable = (tlds, currency) => invokeRead(tldPrice, { tlds, currency, page_size: tlds.length }, ctx);
  const rows = needRenewal.length > 0 ? await tldRows(table, needRenewal, args.currency ?? results.find((r) => r.price)?.price?.currency) : new Map();
  const items = args.domains.map((domain) => {
    const found = byName.get(domain);
    const renewal = found?.renewal_price ?? rows.get(domain)?.renew;
    return { domain, available: found?.available ?? false, unpriced: found?.purchasable === false, premium: found?.premium ?? false, price: found?.price, renewal };
  });
  const priced = items.every((i) => i.price) && new Set(items.map((i) => i.price?.currency)).size === 1;
  const total: Money | undefined = priced
    ? { amount: cents(items.reduce((sum, i) => sum + (i.price?.amount ?? 0), 0)), currency: items[0]?.price?.currency ?? '' }
    : undefined;
  return { items, total };
}
type Quote = Awaited<ReturnType<typeof quote>>;

const itemSchema = z.object({
  domain: z.string(),
  registered: z.boolean(),
  expires: z.string().optional(),
  error: z.string().optional().describe("api3's reason, e.g. not_available"),
  price: moneySchema.optional(),
});

/** In the order asked, each registered name with the price quoted before (`prices`, when that read worked). */
function condense(body: Record<string, unknown>, args: Input, prices?: Quote) {
  const answered = new Map(asList(body.BulkRegister).map((r) => [text(r.DomainName)?.toLowerCase(), r]));
  // In the order asked; a name api3 left out of its answer is said to be unanswered.
  const items = args.domains.map((domain) => {
    const r = answered.get(domain);
    if (!r) return { domain, registered: false, error: 'not in the answer: domain_info tells whether it was registered' };
    const registered = text(r.Result)?.toLowerCase() === 'success';
    const price = registered ? prices?.items.find((p) => p.domain === domain)?.price : undefined;
    return prune({ domain, registered, expires: registered ? epochToIso(r.Expiration) : undefined, error: registered ? undefined : (text(r.Message) ?? 'error'), price });
  });
  return { items };
}

const toApi = (args: Input) =>
  apiParams(indexed('domain', args.domains), { premium: flagParam.oneWhenOn(args.premium), currency: args.currency, coupon: args.coupon || undefined });

export default defineTool({
  name: 'bulk_register',
  toolset: 'domains',
  title: 'Register several domains',
  description: 'Register up to 100 domains for a year each from the balance. Spends money.',
  effect: 'destructive',
  input,
  output: z.object({ items: z.array(itemSchema), charged: moneySchema.optional() }),
  toApi,
  condense,
  charge: { currency: (args) => args.currency },
  // The prices quoted before, for the names registered; a failed quote only leaves them out.
  before: (args, ctx) => quote(args, ctx).catch(() => undefined),
  async cost(args, ctx) {
    return (await quote(args, ctx)).total;
  },
  /** Every name with its price, the total, and the balance before and after; what api3 would refuse. */
  async preview(args, ctx) {
    const { items, total } = await quote(args, ctx);
    const refusals: string[] = [];
    const taken = items.filter((i) => !i.available && !i.unpriced).map((i) => i.domain);
    if (taken.length > 0) refusals.push(`not available to register: ${taken.join(', ')} (leave them out; \`search\` shows what is)`);
    const premium = items.filter((i) => i.available && i.premium).map((i) => i.domain);
    if (premium.length > 0 && !args.premium) refusals.push(`premium names, bought only with premium: true at the price shown: ${premium.join(', ')}`);
    const unpriced = items.filter((i) => i.unpriced || (i.available && !i.price)).map((i) => i.domain);
    // Names with no price at all (most often a TLD Dynadot does not sell), or no total in one currency.
    if (unpriced.length > 0) refusals.push(...unreadPrices(unpriced.join(', '), { 'first-year price': undefined }));
    else if (taken.length === 0) refusals.push(...unreadPrices('these names', { 'total in one currency': total }));
    const balance = refusals.length === 0 ? await balanceFacts(ctx, total) : { facts: {}, refusals: [] };
    // What each name will cost from its second year on is part of what the user decides on.
    const noRenewal = items.filter((i) => i.available && i.price && !i.renewal).map((i) => i.domain);
    const renewalUnread = noRenewal.length > 0 ? unreadPrices(noRenewal.join(', '), { 'renewal price': undefined }) : [];
    return {
      facts: {
        items: items.map((i) => prune({ domain: i.domain, available: i.available ? undefined : false, premium: i.premium || undefined, price: i.price, renewal_price: i.renewal })),
        total,
        ...balance.facts,
        note: 'One year each. A coupon may lower the total.',
      },
      refusals: [...refusals, ...balance.refusals, ...renewalUnread],
      ...(total ? { cost: total } : {}),
    };
  },
});
