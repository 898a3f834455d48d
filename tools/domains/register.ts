import { z } from 'zod';
import { epochToIso, type Money, text } from '../../src/server/condense.js';
import { defineTool, invokeRead, type ToolContext } from '../../src/server/define.js';
import { apiParams, flagParam } from '../../src/api3/params.js';
import { currency, domainName, plainText, years } from '../../src/server/schemas.js';
import search from './search.js';

/**
 * Availability and price of the name, from the search tool. api3 quotes the first year, and in
 * its sentence form the renewal price too: later years are counted at the renewal price when it
 * is known and in the same currency, else at the first-year price.
 */
async function quote(args: { domain: string; years: number; currency?: string | undefined }, ctx: ToolContext) {
  const { results } = await invokeRead(search, { domains: [args.domain], with_prices: true, currency: args.currency }, ctx);
  const found = results[0];
  const firstYear = found?.price;
  const renewal = found?.renewal_price;
  const laterYear = renewal && firstYear && renewal.currency === firstYear.currency ? renewal.amount : firstYear?.amount;
  const total: Money | undefined = firstYear && {
    amount: Math.round((firstYear.amount + (laterYear ?? 0) * (args.years - 1)) * 100) / 100,
    currency: firstYear.currency,
  };
  return { available: found?.available ?? false, premium: found?.premium ?? false, firstYear, renewal, total };
}

// The roles say these are contact ids; a description per role would repeat it four times.
const contactId = z.int32().min(0);

export default defineTool({
  name: 'register',
  toolset: 'domains',
  title: 'Register a domain',
  description:
    'Register one available domain, paid from the account balance. Spends money: needs confirm after the user saw the price. Check with search first.',
  effect: 'destructive',
  input: z.object({
    domain: domainName,
    years,
    currency,
    premium: z.boolean().optional().describe('Required to buy a premium-priced name'),
    coupon: plainText(64).optional(),
    contacts: z
      .object({ registrant: contactId, admin: contactId, technical: contactId, billing: contactId })
      .partial()
      .optional()
      .describe('WHOIS contact ids by role (contact_list); default: the account defaults'),
    registrant_name: plainText(200).optional().describe('.at and .be only: registrant name'),
    registrant_organization: plainText(200).optional().describe('.at and .be only: registrant organization'),
  }),
  output: z.object({ domain: z.string(), expires: z.string().optional(), registered: z.literal(true) }),
  toApi: (args) =>
    apiParams({
      domain: args.domain,
      duration: args.years,
      currency: args.currency,
      premium: flagParam.oneWhenOn(args.premium),
      coupon: args.coupon || undefined,
      registrant_contact: args.contacts?.registrant,
      admin_contact: args.contacts?.admin,
      technical_contact: args.contacts?.technical,
      billing_contact: args.contacts?.billing,
      option0: args.registrant_name || undefined,
      option1: args.registrant_organization || undefined,
    }),
  condense: (body, args) => ({ domain: text(body.DomainName) ?? args.domain, expires: epochToIso(body.Expiration), registered: true as const }),
  async cost(args, ctx) {
    return (await quote(args, ctx)).total;
  },
  async preview(args, ctx) {
    const { available, premium, firstYear, renewal, total } = await quote(args, ctx);
    return {
      available,
      ...(premium ? { premium: true } : {}),
      first_year_price: firstYear,
      ...(renewal ? { renewal_price: renewal } : {}),
      estimated_total: total,
      note: renewal ? 'A coupon may lower the total.' : 'Later years may be charged at the renewal price; a coupon may lower the total.',
    };
  },
});
