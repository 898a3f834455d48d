import { z } from 'zod';
import { epochToIso, money, text } from '../../src/server/condense.js';
import { type Api3ToolSpec, defineTool, invokeQuote, invokeRead } from '../../src/server/define.js';
import domainInfo from './domain_info.js';
import { balanceFacts } from '../shared/purchase.js';
import { apiParams, flagParam } from '../../src/api3/params.js';
import { currency, domainName, moneySchema, plainText, years } from '../../src/server/schemas.js';

const input = z.object({
  domain: domainName,
  years,
  expected_expiry_year: z
    .number()
    .int()
    .min(2000)
    .max(2200)
    .optional()
    .describe('Year it expires now; api3 refuses if it differs, so a retry never renews twice'),
  currency,
  coupon: plainText(64).optional(),
  skip_if_late_fee: z.boolean().optional().describe('Do not renew if a late renewal fee would apply'),
});
type Input = z.infer<typeof input>;

function toApi(args: Input) {
  return apiParams({
    domain: args.domain,
    duration: args.years,
    year: args.expected_expiry_year,
    currency: args.currency,
    coupon: args.coupon || undefined,
    no_renew_if_late_renew_fee_needed: flagParam.oneWhenOn(args.skip_if_late_fee),
  });
}

const condense = (body: Record<string, unknown>, args: Input) => ({
  domain: text(body.DomainName) ?? args.domain,
  expires: epochToIso(body.Expiration),
  renewed: true as const,
});

/** `2027-03-01T10:00:00Z` plus n years, in the same ISO form. */
function addYears(iso: string, n: number): string {
  const date = new Date(iso);
  date.setUTCFullYear(date.getUTCFullYear() + n);
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const output = z.object({ domain: z.string(), expires: z.string().optional(), renewed: z.literal(true), charged: moneySchema.optional() });

const renew: Api3ToolSpec<typeof input, typeof output> = defineTool({
  name: 'renew',
  toolset: 'domains',
  title: 'Renew a domain',
  description: 'Renew one domain for 1 to 10 years, paid from the account balance. Spends money: needs confirm; the preview shows the price.',
  effect: 'destructive',
  input,
  output,
  toApi,
  condense,
  charge: { currency: (args) => args.currency },
  // price_check makes api3 quote the renewal without performing it.
  quote: { params: apiParams({ price_check: flagParam.oneWhenOn(true) }), condense: (body, args) => money(body.PriceInfo, args.currency) },
  cost: (args, ctx) => invokeQuote(renew, args, ctx),
  async preview(args, ctx) {
    const { domain } = await invokeRead(domainInfo, { domain: args.domain }, ctx);
    const price = await invokeQuote(renew, args, ctx);
    const balance = await balanceFacts(ctx, price);
    return {
      facts: {
        years: args.years,
        price,
        ...balance.facts,
        expires_now: domain.expires,
        expires_after: domain.expires && addYears(domain.expires, args.years),
      },
      refusals: balance.refusals,
    };
  },
});

export default renew;
