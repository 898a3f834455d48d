import { z } from 'zod';
import { epochToIso, money, text } from '../../src/server/condense.js';
import { defineTool, type ToolContext } from '../../src/server/define.js';
import { apiParams, flagParam } from '../../src/api3/params.js';
import { currency, domainName, plainText, years } from '../../src/server/schemas.js';

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

/** price_check makes api3 quote the renewal without performing it. */
async function quote(args: Input, { api }: ToolContext) {
  const { body } = await api.call({ command: 'renew', params: apiParams(toApi(args), { price_check: flagParam.oneWhenOn(true) }), mutates: false });
  return money(body.PriceInfo, args.currency);
}

export default defineTool({
  name: 'renew',
  toolset: 'domains',
  title: 'Renew a domain',
  description: 'Renew one domain for 1 to 10 years, paid from the account balance. Spends money: needs confirm; the preview shows the price.',
  effect: 'destructive',
  input,
  output: z.object({ domain: z.string(), expires: z.string().optional(), renewed: z.literal(true) }),
  toApi,
  condense: (body, args) => ({ domain: text(body.DomainName) ?? args.domain, expires: epochToIso(body.Expiration), renewed: true as const }),
  async cost(args, ctx) {
    return quote(args, ctx);
  },
  async preview(args, ctx) {
    return { price: await quote(args, ctx) };
  },
});
