import { z } from 'zod';
import { asList, flag, prune, searchPrice, text } from '../../src/server/condense.js';
import { defineTool } from '../../src/server/define.js';
import { apiParams, flagParam, indexed } from '../../src/api3/params.js';
import { currency, domainList, moneySchema } from '../../src/server/schemas.js';

/** Why an unregistered name has no price: none given (most often a TLD Dynadot does not sell), or one in no wording we read. */
function unpricedReason(domain: string, raw: unknown): string {
  const given = text(raw);
  if (given === undefined) return `no price: Dynadot may not sell .${domain.slice(domain.indexOf('.') + 1)} (tld_price)`;
  return `price unreadable: "${given.slice(0, 80)}"`;
}

export default defineTool({
  name: 'search',
  toolset: 'domains',
  everyday: true,
  title: 'Check domain availability',
  description:
    'Check whether domain names are available to register, with prices. Regular accounts may check 1 name per call, bulk accounts up to 100; research_domains checks many.',
  effect: 'read',
  input: z.object({
    domains: domainList(100),
    with_prices: z.boolean().default(true),
    currency,
  }),
  output: z.object({
    results: z.array(
      z.object({
        domain: z.string(),
        available: z.boolean(),
        price: moneySchema.optional().describe('first-year registration price'),
        renewal_price: moneySchema.optional(),
        premium: z.boolean().optional(),
        purchasable: z.literal(false).optional(),
        reason: z.string().optional(),
      }),
    ),
  }),
  toApi: (args) => apiParams(indexed('domain', args.domains), { show_price: flagParam.oneWhenOn(args.with_prices), currency: args.currency }),
  condense: (body, args) => ({
    results: asList(body.SearchResults).map((r) => {
      const price = searchPrice(r.Price, args.currency);
      const domain = text(r.DomainName) ?? '';
      const available = flag(r.Available) ?? false;
      // Available means buyable here: with prices asked, a name api3 gives no readable price for is not.
      const unpriced = available && args.with_prices && !price.registration;
      return prune({
        domain,
        available: available && !unpriced,
        price: price.registration,
        renewal_price: price.renewal,
        premium: (flag(r.Premium) ?? price.premium) || undefined,
        ...(unpriced ? { purchasable: false as const, reason: unpricedReason(domain, r.Price) } : {}),
      });
    }),
  }),
});
