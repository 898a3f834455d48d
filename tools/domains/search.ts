import { z } from 'zod';
import { asList, flag, money, prune, text } from '../../src/server/condense.js';
import { defineTool } from '../../src/server/define.js';
import { apiParams, flagParam, indexed } from '../../src/api3/params.js';
import { currency, domainList, moneySchema } from '../../src/server/schemas.js';

export default defineTool({
  name: 'search',
  toolset: 'domains',
  title: 'Check domain availability',
  description:
    'Check whether domain names are available to register, with prices. Regular accounts may check 1 name per call, bulk accounts up to 100.',
  effect: 'read',
  input: z.object({
    domains: domainList(100),
    with_prices: z.boolean().default(true).describe('Include the registration price of available names'),
    currency,
  }),
  output: z.object({
    results: z.array(
      z.object({
        domain: z.string(),
        available: z.boolean(),
        price: moneySchema.optional().describe('first-year registration price'),
        premium: z.boolean().optional(),
      }),
    ),
  }),
  toApi: (args) => apiParams(indexed('domain', args.domains), { show_price: flagParam.oneWhenOn(args.with_prices), currency: args.currency }),
  condense: (body) => ({
    results: asList(body.SearchResults).map((r) =>
      prune({
        domain: text(r.DomainName) ?? '',
        available: flag(r.Available) ?? false,
        price: money(r.Price),
        premium: flag(r.Premium) || undefined,
      }),
    ),
  }),
});
