import { z } from 'zod';
import { epochToIso, type Money, text } from '../../src/server/condense.js';
import { defineTool, invokeRead, type ToolContext } from '../../src/server/define.js';
import { apiParams, flagParam } from '../../src/api3/params.js';
import { currency, domainName, moneySchema, plainText, years } from '../../src/server/schemas.js';
import search from './search.js';
import accountInfo from '../account/account_info.js';
import { balanceFacts, type TldTable, tldRow, unreadPrices, whyUnpriced } from '../shared/purchase.js';
import tldPrice from './tld_price.js';
import { cents } from '../../src/server/needs.js';
import { contactParams, startingContacts, unknownContacts } from '../shared/settings.js';

/**
 * Availability and prices of the name: the search tool's, and where its answer gives no renewal
 * price (the document's wording), tld_price's for the TLD (not for a premium name, which is
 * priced on its own). Later years are counted at the renewal price; without one there is no
 * total. A name with no price is refused with why (a TLD Dynadot does not sell, or a price in no
 * wording we read).
 */
async function quote(args: { domain: string; years: number; currency?: string | undefined }, ctx: ToolContext) {
  const { results } = await invokeRead(search, { domains: [args.domain], with_prices: true, currency: args.currency }, ctx);
  const found = results[0];
  const premium = found?.premium ?? false;
  const firstYear = found?.price;
  let renewal = found?.renewal_price;
  const refusals: string[] = [];
  const table: TldTable = (tlds, currency) => invokeRead(tldPrice, { tlds, currency }, ctx);
  if (found?.purchasable === false) {
    refusals.push(await whyUnpriced(table, args.domain, args.currency));
  } else if (found?.available && !renewal && !premium) {
    const row = await tldRow(table, args.domain, args.currency ?? firstYear?.currency);
    renewal = row?.renew;
  }
  const sameCurrency = renewal && firstYear && renewal.currency === firstYear.currency;
  const total: Money | undefined =
    firstYear && (args.years === 1 || sameCurrency)
      ? { amount: cents(firstYear.amount + (renewal?.amount ?? 0) * (args.years - 1)), currency: firstYear.currency }
      : undefined;
  if (found?.available) refusals.push(...unreadPrices(args.domain, { 'first-year price': firstYear, 'renewal price': renewal, total }));
  return { available: found?.available ?? false, unpriced: found?.purchasable === false, premium, firstYear, renewal, total, refusals };
}

const input = z.object({
  domain: domainName,
  years,
  currency,
  premium: z.boolean().optional().describe('true to buy a premium name'),
  coupon: plainText(64).optional(),
  contacts: startingContacts,
  registrant_name: plainText(200).optional().describe('.at, .be only'),
  registrant_organization: plainText(200).optional().describe('.at, .be only'),
});
type Input = z.infer<typeof input>;

function toApi(args: Input) {
  return apiParams({
    domain: args.domain,
    duration: args.years,
    currency: args.currency,
    premium: flagParam.oneWhenOn(args.premium),
    coupon: args.coupon || undefined,
    ...contactParams(args.contacts ?? {}),
    option0: args.registrant_name || undefined,
    option1: args.registrant_organization || undefined,
  });
}

const condense = (body: Record<string, unknown>, args: Input) => ({
  domain: text(body.DomainName) ?? args.domain,
  expires: epochToIso(body.Expiration),
  registered: true as const,
});

export default defineTool({
  name: 'register',
  toolset: 'domains',
  everyday: true,
  title: 'Register a domain',
  description:
    'Register one available domain from the account balance. Spends money. Check with `search` first.',
  effect: 'destructive',
  input,
  output: z.object({ domain: z.string(), expires: z.string().optional(), registered: z.literal(true), charged: moneySchema.optional() }),
  toApi,
  condense,
  charge: { currency: (args) => args.currency },
  async cost(args, ctx) {
    return (await quote(args, ctx)).total;
  },
  async preview(args, ctx) {
    const { available, unpriced, premium, firstYear, renewal, total, refusals } = await quote(args, ctx);
    if (!available && !unpriced) refusals.push(`${args.domain} is not available to register (\`search\` shows what is)`);
    if (premium && !args.premium) refusals.push(`${args.domain} is a premium name: it can only be bought with premium: true, at the price shown`);
    const account = await invokeRead(accountInfo, {}, ctx);
    const contacts = { ...account.default_contacts, ...args.contacts };
    const balance = available && total ? await balanceFacts(ctx, total) : { facts: {}, refusals: [] };
    return {
      facts: {
        ...(premium ? { premium: true } : {}),
        years: args.years,
        first_year_price: firstYear,
        renewal_price: renewal,
        total,
        ...balance.facts,
        contacts,
        privacy_and_renew_option: "the account's defaults",
        note: 'A coupon may lower the total.',
      },
      refusals: [...refusals, ...balance.refusals],
      ...(total ? { cost: total } : {}),
    };
  },
  precheck: (args, ctx) => unknownContacts(args.contacts, ctx),
});
