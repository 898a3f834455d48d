import { z } from 'zod';
import { apiParams, commaList } from '../../src/api3/params.js';
import { idNumber, type Money, text } from '../../src/server/condense.js';
import { defineTool, invokeRead, type ToolContext } from '../../src/server/define.js';
import { currency, domainName, hostName, idOut, moneySchema, plainText } from '../../src/server/schemas.js';
import search from '../domains/search.js';
import tldPrice from '../domains/tld_price.js';
import { balanceFacts, unreadPrices } from '../shared/purchase.js';
import { contactParams, startingContacts, unknownContacts } from '../shared/settings.js';

const input = z.object({
  domain: domainName,
  auth_code: plainText(128).min(1),
  currency,
  coupon: plainText(64).optional(),
  // What the domain gets once the transfer completes: without name servers it takes the account's
  // defaults, and a site or mail served elsewhere stops answering when it arrives.
  name_servers: z.array(hostName).min(1).max(13).optional(),
  contacts: startingContacts,
  privacy: z.boolean().optional(),
});
type Input = z.infer<typeof input>;

/** `shop.co.uk` -> `co.uk`, then `uk`: the TLDs the name is priced as, most specific first. */
function tldsOf(domain: string): string[] {
  const labels = domain.split('.').slice(1);
  return [...new Set([labels.join('.'), labels.at(-1) ?? ''])].filter(Boolean);
}

/**
 * The transfer price (tld_price's, for one year: most registries add that year to the expiry) and
 * what stands in the way, read: a name already here, one not registered anywhere, a TLD Dynadot
 * does not sell. A premium name's price is its own and no read tells it before the order, so this
 * tool never sends premium=1 (no price, no confirmation): api3 refuses such a name.
 */
async function quote(args: Input, ctx: ToolContext): Promise<{ price?: Money; refusals: string[] }> {
  const refusals: string[] = [];
  if ((await ctx.account.domains({ names: [args.domain] }, ctx)).has(args.domain)) refusals.push(`${args.domain} is already in this account`);
  const { results } = await invokeRead(search, { domains: [args.domain], with_prices: false }, ctx);
  if (results[0]?.available) refusals.push(`${args.domain} is not registered anywhere: there is nothing to transfer (\`register\` buys it)`);
  const table = await invokeRead(tldPrice, { tlds: tldsOf(args.domain), currency: args.currency }, ctx);
  const row = tldsOf(args.domain)
    .map((tld) => table.items.find((item) => item.tld === tld))
    .find((found) => found !== undefined);
  if (!row)
    return {
      refusals: [
        ...refusals,
        `Dynadot does not sell .${tldsOf(args.domain)[0]} domains, so ${args.domain} cannot be transferred here (tld_price lists what it sells)`,
      ],
    };
  const price = row.transfer === undefined || !table.currency ? undefined : { amount: row.transfer, currency: table.currency.toUpperCase() };
  return { ...(price ? { price } : {}), refusals: [...refusals, ...unreadPrices(args.domain, { 'transfer price': price })] };
}

export default defineTool({
  name: 'transfer',
  toolset: 'transfers',
  title: 'Transfer a domain in',
  description: 'Transfer a domain in with its auth code; spends money.',
  effect: 'destructive',
  sensitive: ['auth_code'],
  input,
  output: z.object({ domain: z.string(), order_id: idOut.optional(), charged: moneySchema.optional() }),
  toApi: (args) =>
    apiParams({
      domain: args.domain,
      auth: args.auth_code,
      currency: args.currency,
      coupon: args.coupon || undefined,
      name_servers: commaList(args.name_servers),
      privacy: args.privacy === undefined ? undefined : args.privacy ? 'on' : 'off',
      ...contactParams(args.contacts ?? {}),
    }),
  condense: (body, args) => ({ domain: text(body.DomainName) ?? args.domain, order_id: idNumber(body.OrderId) }),
  charge: { currency: (args) => args.currency },
  async cost(args, ctx) {
    return (await quote(args, ctx)).price;
  },
  async preview(args, ctx) {
    const { price, refusals } = await quote(args, ctx);
    const balance = price ? await balanceFacts(ctx, price) : { facts: {}, refusals: [] };
    return {
      facts: {
        premium: 'api3 tells no premium price before the order: a premium name is refused, to transfer in the Dynadot control panel',
        transfer_price: price,
        ...balance.facts,
        once_it_arrives: {
          name_servers: args.name_servers ?? "the account's defaults (set_default_ns): DNS served elsewhere stops answering unless given here",
          ...(args.contacts ? { contacts: args.contacts } : {}),
          ...(args.privacy === undefined ? {} : { privacy: args.privacy ? 'on' : 'off' }),
        },
        note: 'Most registries add a year to the expiry. The transfer finishes in days; get_transfer_status follows it. A coupon may lower the price.',
      },
      refusals: [...refusals, ...balance.refusals],
      ...(price ? { cost: price } : {}),
    };
  },
  precheck: (args, ctx) => unknownContacts(args.contacts, ctx),
});
