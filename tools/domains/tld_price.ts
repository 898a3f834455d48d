import { z } from 'zod';
import { asJson, asList, type Json, paginate, text } from '../../src/server/condense.js';
import { defineTool } from '../../src/server/define.js';
import { page, pageSize } from '../../src/server/schemas.js';
import { keysOf } from '../shared/keys.js';

const SORTS = {
  rank: 'RankAsc',
  rank_desc: 'RankDesc',
  name: 'NameAsc',
  name_desc: 'NameDesc',
  sales: 'SalesAsc',
  sales_desc: 'SalesDesc',
  launch_date: 'LaunchDateAsc',
  launch_date_desc: 'LaunchDateDesc',
  count: 'CountAsc',
  count_desc: 'CountDesc',
  registry: 'RegistryAsc',
  registry_desc: 'RegistryDesc',
} as const;

const input = z.object({
  tlds: z
    .array(z.string().regex(/^\.?[a-z0-9-]{2,63}(\.[a-z0-9-]{2,63})?$/i, 'must be a TLD such as com, .io or co.uk').transform((t) => t.replace(/^\./, '').toLowerCase()))
    .min(1)
    .max(100)
    .optional()
    .describe('e.g. ["com","io"]'),
  currency: z
    .preprocess((v) => (typeof v === 'string' ? v.toUpperCase() : v), z.enum(['USD', 'EUR', 'CNY']))
    .optional(),
  sort: z.enum(keysOf(SORTS)).optional().describe('e.g. name, rank, sales_desc'),
  page,
  page_size: pageSize(500, 50),
});
type Input = z.infer<typeof input>;

const num = (value: unknown) => {
  const n = Number(text(value));
  return Number.isFinite(n) ? n : undefined;
};

function condense(body: Json, args: Input) {
  const price = (raw: Json) => asJson(raw.Price);
  let items = asList(body.TldPrice).map((raw) => ({
    tld: text(raw.Tld) ?? '',
    register: num(price(raw).Register),
    renew: num(price(raw).Renew),
    transfer: num(price(raw).Transfer),
    restore: num(price(raw).Restore),
    renew_grace_days: num(asJson(raw.GracePeriod).Renew),
    usage: text(raw.Usage),
  }));
  if (args.tlds) items = items.filter((item) => args.tlds?.includes(item.tld));
  return { currency: text(body.Currency), price_level: text(body.PriceLevel), ...paginate(items, args.page, args.page_size) };
}

export default defineTool({
  name: 'tld_price',
  toolset: 'domains',
  everyday: true,
  title: 'TLD prices',
  description: "Per-year prices to register, renew, transfer and restore each TLD at this account's price level.",
  effect: 'read',
  input,
  output: z.object({
    currency: z.string().optional(),
    price_level: z.string().optional(),
    items: z.array(
      z.object({
        tld: z.string(),
        register: z.number().optional(),
        renew: z.number().optional(),
        transfer: z.number().optional(),
        restore: z.number().optional(),
        renew_grace_days: z.number().optional(),
        usage: z.string().optional(),
      }),
    ),
    page: z.number(),
    page_size: z.number(),
    total: z.number(),
    has_more: z.boolean(),
  }),
  toApi: (args) => ({
    ...(args.currency ? { currency: args.currency } : {}),
    // The whole table comes in one answer (a few hundred TLDs); filtering and paging happen here.
    ...(args.sort ? { sort: SORTS[args.sort] } : {}),
  }),
  condense,
});
