import { z } from 'zod';
import { epochToIso, labelledPrice, money, text } from '../../src/server/condense.js';
import { type Api3ToolSpec, defineTool, invokeQuote, invokeRead } from '../../src/server/define.js';
import domainInfo from './domain_info.js';
import { balanceFacts, tldRow, unreadPrices } from '../shared/purchase.js';
import tldPrice from './tld_price.js';
import { cents } from '../../src/server/needs.js';
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
    .describe('default: as the preview read it'),
  currency,
  coupon: plainText(64).optional(),
  skip_if_late_fee: z.boolean().optional(),
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

const output = z.object({
  domain: z.string(),
  expires: z.string().optional(),
  renewed: z.literal(true),
  charged: moneySchema.optional(),
  warning: z.string().optional(),
});

/** The year of an ISO date the preview read, as api3's `year` takes it. */
const yearOf = (iso: unknown): number | undefined => (typeof iso === 'string' && /^\d{4}-/.test(iso) ? Number(iso.slice(0, 4)) : undefined);

/** api3's price_check, in any wording: a bare price, or a sentence naming the renewal price. */
const quotedPrice = (body: Record<string, unknown>, currency?: string) => money(body.PriceInfo, currency) ?? labelledPrice('renew(?:al)? price', body.PriceInfo);

/**
 * An expired domain, from the TLD's row of tld_price: whether it is still in the renewal grace
 * period or past it (redemption), and the late fee in the quote, when the quote is above the
 * TLD's renewal price for the years, so the person sees what the lateness costs. Dates, not
 * counts of days, so the facts hold between preview and confirmation.
 */
async function lateness(ctx: Parameters<typeof balanceFacts>[0], args: Input, expires: string, price: { amount: number; currency: string }) {
  const row = await tldRow((tlds, currency) => invokeRead(tldPrice, { tlds, currency }, ctx), args.domain, price.currency);
  const fee = row?.renew && row.renew.currency === price.currency ? cents(price.amount - row.renew.amount * args.years) : 0;
  let expired = `since ${expires.slice(0, 10)}`;
  if (row?.renewGraceDays !== undefined) {
    const graceEnds = new Date(Date.parse(expires) + row.renewGraceDays * 86_400_000).toISOString().slice(0, 10);
    expired = Date.now() < Date.parse(graceEnds)
      ? `in the renewal grace period until ${graceEnds}`
      : `past the renewal grace period (ended ${graceEnds}): in redemption, it may need a restore`;
  }
  return { expired, ...(fee > 0 ? { late_fee: { amount: fee, currency: price.currency } } : {}) };
}

const renew: Api3ToolSpec<typeof input, typeof output> = defineTool({
  name: 'renew',
  toolset: 'domains',
  everyday: true,
  title: 'Renew a domain',
  description: 'Renew one domain from the account balance. Spends money.',
  effect: 'destructive',
  input,
  output,
  toApi,
  charge: { currency: (args) => args.currency },
  // price_check makes api3 quote the renewal without performing it.
  quote: { params: apiParams({ price_check: flagParam.oneWhenOn(true) }), condense: (body, args) => quotedPrice(body, args.currency) },
  cost: (args, ctx) => invokeQuote(renew, args, ctx),
  // The year the preview read is sent when the agent gave none: a second renewal of it is refused by api3.
  bind: (args, facts) => (args.expected_expiry_year !== undefined ? {} : { expected_expiry_year: yearOf(facts.expires_now) }),
  async preview(args, ctx) {
    const { domain } = await invokeRead(domainInfo, { domain: args.domain }, ctx);
    // Quoted without the year: a year that no longer holds is refused below, saying why, not by api3's quote.
    const price = await invokeQuote(renew, { ...args, expected_expiry_year: undefined }, ctx);
    const refusals = unreadPrices(args.domain, { 'renewal price': price });
    const year = yearOf(domain.expires);
    if (year === undefined) refusals.push(`the current expiry of ${args.domain} could not be read, so the renewal cannot be bound to its year`);
    else if (args.expected_expiry_year !== undefined && args.expected_expiry_year !== year) {
      refusals.push(`${args.domain} expires in ${year}, not ${args.expected_expiry_year}: it may have been renewed already (api3 would refuse)`);
    }
    const expired = domain.expires !== undefined && Date.parse(domain.expires) < Date.now();
    const balance = price ? await balanceFacts(ctx, price) : { facts: {}, refusals: [] };
    return {
      facts: {
        years: args.years,
        price,
        ...(expired && domain.expires && price ? await lateness(ctx, args, domain.expires, price) : {}),
        ...balance.facts,
        expires_now: domain.expires,
        expires_after: domain.expires && addYears(domain.expires, args.years),
        ...(domain.renew_option === 'do_not_renew' ? { renew_option: domain.renew_option } : {}),
      },
      refusals: [...refusals, ...balance.refusals],
      ...(price ? { cost: price } : {}),
    };
  },
  // A renewal does not change the renew option, so it is read before (in this call, the read the
  // preview's check made): one still set to "do not renew" lapses at the new expiry.
  // Only a warning hangs on it: a failed read never stops the renewal.
  before: (args, ctx) =>
    invokeRead(domainInfo, { domain: args.domain }, ctx).then(
      ({ domain }) => domain.renew_option,
      () => undefined,
    ),
  condense: (body, args, renewOption) => ({
    ...condense(body, args),
    ...(renewOption === 'do_not_renew' ? { warning: 'still set to do_not_renew: it lapses at the new expiry (set_renew_option)' } : {}),
  }),
});

export default renew;
