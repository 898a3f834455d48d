import type { Money } from '../../src/server/condense.js';
import type { ToolContext } from '../../src/server/define.js';
import { balanceIn, cents } from '../../src/server/needs.js';

/**
 * What every purchase's preview (register, bulk_register, renew; later transfer, bids, buy-now)
 * must know before it may issue a confirmation id: its prices, read and not assumed, and the
 * balance it is paid from. A price it cannot read, or a TLD Dynadot does not sell, is a refusal:
 * no price, no confirmation. What a purchase was charged is the spec's `charge` need.
 */

interface BalanceFacts {
  facts: { balance_before?: Money; balance_after?: Money };
  refusals: string[];
}

/**
 * The balance before and after a purchase of `price`, and a refusal when it does not cover it
 * (api3 would refuse the order: better the preview says so than approve it).
 */
export async function balanceFacts(ctx: ToolContext, price: Money | undefined): Promise<BalanceFacts> {
  const before = await balanceIn(ctx, price?.currency);
  if (!price || !before) return { facts: before ? { balance_before: before } : {}, refusals: [] };
  const after: Money = { amount: cents(before.amount - price.amount), currency: before.currency };
  const refusals = after.amount < 0 ? [`the balance of ${before.amount} ${before.currency} does not cover ${price.amount} ${price.currency}; add funds in the Dynadot control panel`] : [];
  return { facts: { balance_before: before, balance_after: after }, refusals };
}

/**
 * The rule itself: one refusal naming every price of `what` that could not be read (by label:
 * "first-year price", "renewal price", "total"), or none when all were.
 */
export function unreadPrices(what: string, prices: Record<string, Money | undefined>): string[] {
  const missing = Object.entries(prices).flatMap(([label, price]) => (price ? [] : [label]));
  if (missing.length === 0) return [];
  return [`no price, no confirmation: the ${missing.join(', ')} of ${what} could not be read from api3's answer (try again, or buy in the Dynadot control panel)`];
}

export interface TldRow {
  register?: Money;
  renew?: Money;
  /** Days after expiry a domain can still be renewed before it goes to redemption. */
  renewGraceDays?: number;
}

const TLD_PRICE_CURRENCIES = new Set(['USD', 'EUR', 'CNY']);

/** tld_price for these TLDs, read by the calling tool (tools/shared never imports a single tool). */
export type TldTable = (tlds: string[], currency: string | undefined) => Promise<{
  currency?: string | undefined;
  items: Array<{ tld: string; register?: number | undefined; renew?: number | undefined; renew_grace_days?: number | undefined }>;
}>;

/** `shop.co.uk` -> `co.uk`, then `uk`: the TLDs a name is looked up as, most specific first. */
function tldCandidates(domain: string): string[] {
  const labels = domain.toLowerCase().split('.').slice(1);
  return [labels.join('.'), labels.at(-1) ?? ''].filter((tld, i, all) => tld && all.indexOf(tld) === i);
}

/** tld_price's filter takes at most this many TLDs at once. */
const TLDS_PER_READ = 100;

/**
 * Each domain's row of tld_price (what Dynadot sells its TLD for), or undefined when Dynadot does
 * not sell it; `co.uk` is looked up as itself, then as `uk`. One read serves up to 100 TLDs, so a
 * bulk purchase costs one request, not one per name.
 */
export async function tldRows(readTable: TldTable, domains: readonly string[], currency?: string): Promise<Map<string, TldRow | undefined>> {
  const wanted = [...new Set(domains.flatMap(tldCandidates))];
  const asked = currency && TLD_PRICE_CURRENCIES.has(currency.toUpperCase()) ? currency.toUpperCase() : undefined;
  const rows = new Map<string, TldRow>();
  for (let start = 0; start < wanted.length; start += TLDS_PER_READ) {
    const table = await readTable(wanted.slice(start, start + TLDS_PER_READ), asked);
    const inCurrency = (amount: number | undefined): Money | undefined => (amount === undefined || !table.currency ? undefined : { amount, currency: table.currency.toUpperCase() });
    for (const row of table.items) {
      rows.set(row.tld, { register: inCurrency(row.register), renew: inCurrency(row.renew), ...(row.renew_grace_days === undefined ? {} : { renewGraceDays: row.renew_grace_days }) });
    }
  }
  return new Map(domains.map((domain) => [domain, tldCandidates(domain).map((tld) => rows.get(tld)).find((row) => row !== undefined)]));
}

/** One domain's row of tld_price (see tldRows). */
export async function tldRow(readTable: TldTable, domain: string, currency?: string): Promise<TldRow | undefined> {
  return (await tldRows(readTable, [domain], currency)).get(domain);
}

/** Why a name without a price cannot be bought: Dynadot does not sell its TLD, or its price could not be read. */
export async function whyUnpriced(readTable: TldTable, domain: string, currency?: string): Promise<string> {
  const row = await tldRow(readTable, domain, currency);
  if (!row) return `Dynadot does not sell .${domain.slice(domain.indexOf('.') + 1)} domains, so ${domain} cannot be registered here (tld_price lists what it sells)`;
  return unreadPrices(domain, { 'first-year price': undefined })[0] ?? '';
}
