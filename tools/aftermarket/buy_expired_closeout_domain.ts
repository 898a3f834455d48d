import { z } from 'zod';
import { apiParams } from '../../src/api3/params.js';
import type { Money } from '../../src/server/condense.js';
import { defineTool, invokeRead, type ToolContext } from '../../src/server/define.js';
import { domainName, moneySchema } from '../../src/server/schemas.js';
import { fixedPricePreview } from '../shared/market-purchase.js';
import getExpiredCloseoutDomains from './get_expired_closeout_domains.js';

const input = z.object({ domain: domainName });
type Input = z.infer<typeof input>;

async function closeout(args: Input, ctx: ToolContext) {
  const list = await invokeRead(getExpiredCloseoutDomains, { domain: args.domain, currency: 'USD' }, ctx);
  const found = list.items.find((c) => c.domain === args.domain);
  const money = (amount: number | undefined): Money | undefined => (amount === undefined ? undefined : { amount, currency: list.currency ?? 'USD' });
  return found && { price: money(found.price), renewal: money(found.renewal), ends: found.ends };
}

export default defineTool({
  name: 'buy_expired_closeout_domain',
  toolset: 'aftermarket',
  title: 'Buy an expired closeout',
  description: 'Buy an expired closeout domain at its listed price from the balance.',
  effect: 'destructive',
  input,
  output: z.object({ domain: z.string(), bought: z.literal(true), charged: moneySchema.optional() }),
  // This command's example writes the currency upper case, unlike its siblings.
  toApi: (args) => apiParams({ currency: 'USD', domain: args.domain }),
  condense: (_body, args) => ({ domain: args.domain, bought: true as const }),
  charge: { currency: () => 'USD' },
  async cost(args, ctx) {
    return (await closeout(args, ctx))?.price;
  },
  async preview(args, ctx) {
    const found = await closeout(args, ctx);
    if (!found) return { facts: {}, refusals: [`${args.domain} is not among the expired closeouts (get_expired_closeout_domains lists them)`] };
    return fixedPricePreview(args.domain, found.price, { renewal_price: found.renewal, offer_ends: found.ends }, ctx);
  },
});
