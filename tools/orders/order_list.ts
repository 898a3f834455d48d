import { z } from 'zod';
import { apiParams, commaList } from '../../src/api3/params.js';
import { asList, epochToIso, idNumber, type Json, money, paginate, prune, text } from '../../src/server/condense.js';
import { defineTool } from '../../src/server/define.js';
import { domainName, id, idOut, moneySchema, page, pageSize, pagedOutput } from '../../src/server/schemas.js';

/** The document's payment methods; payflow_credit_card2 is "no longer used", so not offered. */
const METHODS = [
  'account_balance',
  'credit_card',
  'paypal',
  'paypal_account',
  'bank_wire',
  'bank_transfer',
  'money_order',
  'checking_account',
  'moneybookers',
  'alipay',
  'wechat_pay',
  'union_pay',
  'apple_pay',
  'ecash',
  'mercado_pago',
  'payoneer',
  'sale',
  'none_balance',
] as const;
/**
 * Sent when the agent names none: the document lists payment_method among the parameters to
 * include, so "any method" is every method, orders once paid the retired way among them.
 */
const ANY_METHOD = [...METHODS, 'payflow_credit_card2'];

const DAY_MS = 86_400_000;
/** A calendar date that exists (not 2024-02-30). */
function isDay(v: string): boolean {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(v) ? Date.parse(`${v}T00:00:00Z`) : Number.NaN;
  return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(v);
}
const day = z.string().max(10).refine(isDay, { message: 'must be a date YYYY-MM-DD' });

/**
 * The three searches api3 offers, told apart by `by`: one flat object checked per kind here, as
 * DNS records are, since a union advertises every variant's fields again.
 */
const SEARCHES = ['date_range', 'domain', 'order_id'] as const;
/** The fields each search takes; the first is required. */
const FIELDS: Record<(typeof SEARCHES)[number], readonly string[]> = { date_range: ['from', 'to'], domain: ['domain'], order_id: ['order_id'] };

const search = z
  .strictObject({ by: z.enum(SEARCHES), from: day.optional(), to: day.optional(), domain: domainName.optional(), order_id: id().optional() })
  .superRefine((s, ctx) => {
    const fields = FIELDS[s.by];
    const given: Record<string, unknown> = { from: s.from, to: s.to, domain: s.domain, order_id: s.order_id };
    const first = fields[0] ?? '';
    if (given[first] === undefined) ctx.addIssue({ code: 'custom', path: [first], message: `required with by ${s.by}` });
    for (const [field, value] of Object.entries(given)) {
      if (value !== undefined && !fields.includes(field)) ctx.addIssue({ code: 'custom', path: [field], message: `not with by ${s.by}` });
    }
    if (s.from !== undefined && s.to !== undefined && s.to < s.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  });

const input = z.object({
  search: search.optional().describe('default last 30 days; YYYY-MM-DD'),
  payment_methods: z.array(z.enum(METHODS)).min(1).max(METHODS.length).optional().describe('e.g. account_balance, credit_card, paypal'),
  page,
  page_size: pageSize(100, 20),
});
type Input = z.infer<typeof input>;

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const apiDay = (isoDate: string) => isoDate.replace(/-/g, '/');

function toApi(args: Input) {
  const search = args.search ?? { by: 'date_range' as const, from: isoDay(Date.now() - 30 * DAY_MS) };
  const by =
    search.by === 'date_range'
      ? { start_date: apiDay(search.from ?? ''), end_date: apiDay(search.to ?? isoDay(Date.now())) }
      : // The document names no parameter for these two searches: these are api3's names for them elsewhere.
        { domain: search.domain, order_id: search.order_id };
  return apiParams({ search_by: search.by }, by, { payment_method: commaList(args.payment_methods ?? ANY_METHOD) });
}

/** The JSON answer dates an order `2024/11/22`, the XML one in epoch milliseconds. */
function dateOf(value: unknown): string | undefined {
  const written = text(value);
  if (written && /^\d{4}\/\d{2}\/\d{2}$/.test(written)) return written.replace(/\//g, '-');
  return epochToIso(value);
}

/** `"$100.00"` beside `Currency: "EUR"`: the sign is api3's decoration, the currency field says which. */
function totalOf(value: unknown, currency: string | undefined) {
  const plain = typeof value === 'string' ? value.trim().replace(/^[$\u20ac\u00a3\u00a5]/, '') : value;
  return money(plain, currency) ?? money(value);
}

const lower = (value: unknown) => text(value)?.toLowerCase();

function condenseOrder(raw: Json) {
  return prune({
    id: idNumber(raw.OrderId),
    date: dateOf(raw.SubmittedDate),
    items: asList(raw.ItemList ?? raw.OrderItem).map((item) => ({
      type: lower(item.ItemType),
      name: text(item.Name),
      years: idNumber(item.Duration),
      status: lower(item.Status),
    })),
    total: totalOf(raw.TotalCost, text(raw.Currency)),
    status: lower(raw.Status),
  });
}

/** api3 answers every matching order at once; newest first and paged here, with the true total. */
function condense(body: Json, args: Input) {
  const orders = asList(body.OrderList).map(condenseOrder);
  const when = (o: { date?: string | undefined; id?: number | undefined }) => [o.date ?? '', o.id ?? 0] as const;
  orders.sort((a, b) => {
    const [da, ia] = when(a);
    const [db, ib] = when(b);
    return db.localeCompare(da) || ib - ia;
  });
  return paginate(orders, args.page, args.page_size);
}

const itemSchema = z.object({ type: z.string(), name: z.string(), years: z.number(), status: z.string() }).partial();

export default defineTool({
  name: 'order_list',
  toolset: 'orders',
  title: 'Orders',
  description: 'What was bought: orders, newest first.',
  effect: 'read',
  input,
  output: pagedOutput(z.object({ id: idOut, date: z.string(), items: z.array(itemSchema), total: moneySchema, status: z.string() }).partial()),
  toApi,
  condense,
});
