import { z } from 'zod';
import type { Api3 } from '../../src/api3/client.js';
import { Api3Error, TRANSIENT_CODES } from '../../src/api3/errors.js';
import { prune } from '../../src/server/condense.js';
import { defineComposite, invokeRead, type ToolContext } from '../../src/server/define.js';
import { domainName } from '../../src/server/schemas.js';
import type { RegistrationLookup, RegistrationRecord } from '../../src/rdap/types.js';
import getExpiredCloseoutDomains from '../aftermarket/get_expired_closeout_domains.js';
import getListings from '../aftermarket/get_listings.js';
import getOpenAuctions from '../aftermarket/get_open_auctions.js';
import search from './search.js';
import tldPrice from './tld_price.js';

/**
 * "Find me an available .com or .io for these names under $20, and what do the taken ones look
 * like" as one call. Availability and price come from api3's search in as few requests as the
 * account allows; renewal prices api3's search leaves out come from one tld_price read; for taken
 * names, the aftermarket's lists (kept a minute, so one request each) and public registration
 * data over RDAP. RDAP is asked only about names api3 says are taken: a name still free never
 * leaves the user's registrar.
 */

/** api3's search takes up to 100 names on bulk and super bulk accounts, 1 on regular ones. */
const BULK_NAMES_PER_SEARCH = 100;
const MAX_PAIRS = 500;
/** Searches in flight at once: api3's own queue holds them to the account's concurrency. */
const PARALLEL_SEARCHES = 5;
/** Taken names looked up per call: each RDAP lookup is a request to a registry. */
const MAX_LOOKUPS = 100;
/**
 * How long one call may go on starting searches and look-ups. Clients give up on a tool call
 * after a minute or so (the SDK's default request timeout is 60 s), and a regular account
 * searches one name per request at 60 a minute: 250 names would take four minutes and end as
 * nothing. Within the budget the call answers what it checked and names the rest, to ask again
 * for. On a bulk account 500 pairs take a few seconds. Tests shorten it; nothing else changes it.
 */
export const researchBudget = { ms: 40_000 };
/** The least time registration look-ups get, however long the searches took: about one slow registry. */
const RDAP_MIN_MS = 5_000;

/**
 * What each api3 client is known to accept per search, learnt from its refusals: a regular
 * account answers a second name with an error (or, in some answers, with the first name only).
 */
const namesPerSearch = new WeakMap<Api3, number>();
/** A refusal that speaks of the account's tier rather than of a name. */
const TIER_REFUSAL = /regular|bulk|1 domain|one domain|per (command|request)/i;

const TLD = /^\.?[a-z0-9-]{2,63}(\.[a-z0-9-]{2,63})?$/i;
const input = z
  .object({
    names: z.array(z.string().min(1).max(253)).min(1).max(MAX_PAIRS).describe('labels (acme) or full names (acme.io)'),
    tlds: z.array(z.string().regex(TLD, 'must be a TLD such as com, .io or co.uk')).min(1).max(50).optional().describe('for labels, e.g. ["com","io"]'),
    max_price: z.number().positive().optional().describe('first year'),
    currency: z.preprocess((v) => (typeof v === 'string' ? v.toUpperCase() : v), z.enum(['USD', 'EUR', 'CNY'])).optional(),
    taken: z.array(z.enum(['aftermarket', 'registration'])).optional(),
  })
  .superRefine((args, ctx) => {
    const { domains, issues } = pairsOf(args);
    for (const issue of issues) ctx.addIssue({ code: 'custom', ...issue });
    if (domains.length > MAX_PAIRS)
      ctx.addIssue({ code: 'custom', path: ['names'], message: `at most ${MAX_PAIRS} name/TLD pairs per call (these make ${domains.length})` });
  });
type Input = z.infer<typeof input>;

/** Every name to check: labels with each TLD, full names as given, each once, in the order given. */
function pairsOf(args: Pick<Input, 'names' | 'tlds'>): { domains: string[]; issues: Array<{ path: (string | number)[]; message: string }> } {
  const tlds = (args.tlds ?? []).map((tld) => tld.replace(/^\./, '').toLowerCase());
  const domains = new Set<string>();
  const issues: Array<{ path: (string | number)[]; message: string }> = [];
  args.names.forEach((raw, i) => {
    const name = raw.trim().toLowerCase().replace(/\.$/, '');
    const isLabel = !name.includes('.');
    if (isLabel && tlds.length === 0) {
      issues.push({ path: ['names', i], message: `"${raw}" is a label: give tlds to pair it with, or a full name such as ${name}.com` });
      return;
    }
    for (const candidate of isLabel ? tlds.map((tld) => `${name}.${tld}`) : [name]) {
      const parsed = domainName.safeParse(candidate);
      if (parsed.success) domains.add(parsed.data);
      else issues.push({ path: ['names', i], message: `"${candidate}" ${parsed.error.issues[0]?.message ?? 'is not a domain name'}` });
    }
  });
  return { domains: [...domains], issues };
}

interface Checked {
  domain: string;
  purchasable: boolean;
  price?: number | undefined;
  renewal?: number | undefined;
  currency?: string | undefined;
  premium: boolean;
  taken: boolean;
  reason?: string | undefined;
}

interface SearchOutcome {
  checked: Map<string, Checked>;
  /** Names per search the account is known to take: 1 once it refused more, 100 once it took more; unknown when no call needed more than one. */
  perRequest?: number;
  unchecked: string[];
  stoppedBecause?: string;
}

/** Why a failed search ends the research rather than being a fact about one name. */
const endsTheCall = (error: unknown) =>
  !(error instanceof Api3Error) || TRANSIENT_CODES.has(error.code) || error.code === 'permission_denied' || error.code === 'cancelled';

async function searchAll(domains: string[], args: Input, ctx: ToolContext, deadline: number, progress: (done: number) => void): Promise<SearchOutcome> {
  const checked = new Map<string, Checked>();
  const pending = [...domains];
  let size = namesPerSearch.get(ctx.api) ?? BULK_NAMES_PER_SEARCH;
  let stoppedBecause: string | undefined;
  let tookSeveral = false;
  const fewer = (learnt: boolean) => {
    size = 1;
    if (learnt) namesPerSearch.set(ctx.api, 1);
  };
  const searchOnce = async (batch: string[]) => {
    try {
      const { results } = await invokeRead(search, { domains: batch, with_prices: true, currency: args.currency }, ctx);
      for (const r of results) {
        // api3 may spell a name back in capitals or as Unicode: it is the name asked for all the same.
        const domain = domainName.safeParse(r.domain).data ?? r.domain;
        if (!batch.includes(domain)) continue;
        checked.set(domain, {
          domain,
          purchasable: r.available,
          price: r.price?.amount,
          renewal: r.renewal_price?.amount,
          currency: r.price?.currency,
          premium: r.premium === true,
          taken: !r.available && r.purchasable === undefined,
          reason: r.reason,
        });
      }
      const missing = batch.filter((domain) => !checked.has(domain));
      if (missing.length === 0) {
        if (batch.length > 1) tookSeveral = true;
        return;
      }
      // Fewer answers than names: an account that takes one name per search answered the first.
      if (batch.length > 1) {
        fewer(true);
        pending.unshift(...missing);
      } else {
        const [domain = ''] = batch;
        checked.set(domain, { domain, purchasable: false, premium: false, taken: false, reason: 'api3 answered the search without this name' });
      }
    } catch (error) {
      if (batch.length > 1 && !endsTheCall(error)) {
        // A refusal of several names: one at a time tells the tier's limit from a refusal of one name.
        fewer(error instanceof Api3Error && TIER_REFUSAL.test(error.api3Message ?? error.message));
        pending.unshift(...batch);
        return;
      }
      if (endsTheCall(error)) {
        stoppedBecause ??= error instanceof Error ? error.message : String(error);
        pending.unshift(...batch);
        return;
      }
      const why = error instanceof Error ? error.message : String(error);
      checked.set(batch[0] ?? '', { domain: batch[0] ?? '', purchasable: false, premium: false, taken: false, reason: why });
    }
  };
  let outOfTime = false;
  const worker = async () => {
    while (pending.length > 0 && stoppedBecause === undefined && !ctx.signal?.aborted) {
      if (Date.now() >= deadline) {
        outOfTime = true;
        return;
      }
      await searchOnce(pending.splice(0, size));
      progress(checked.size);
    }
  };
  // The first request alone: its answer tells how many names the account may search at once.
  if (pending.length > 0) {
    await searchOnce(pending.splice(0, size));
    progress(checked.size);
  }
  await Promise.all(Array.from({ length: PARALLEL_SEARCHES }, worker));
  return {
    checked,
    ...(size === 1 || tookSeveral ? { perRequest: size } : {}),
    unchecked: domains.filter((domain) => !checked.has(domain)),
    ...(stoppedBecause
      ? { stoppedBecause }
      : ctx.signal?.aborted
        ? { stoppedBecause: 'cancelled' }
        : outOfTime
          ? { stoppedBecause: `this call's ${Math.round(researchBudget.ms / 1000)} s were up (${size === 1 ? 'this account searches one name per request, 60 a minute' : 'api3 answered slowly'}); call again with the unchecked names to go on` }
          : {}),
  };
}

/** The TLD of `domain` among those tld_price knows: the longest that matches (co.uk before uk). */
function tldOf(domain: string, known: ReadonlySet<string>): string | undefined {
  const labels = domain.split('.');
  for (let i = 1; i < labels.length; i++) {
    const suffix = labels.slice(i).join('.');
    if (known.has(suffix)) return suffix;
  }
  return undefined;
}

/** Every suffix a name's TLD may be: acme.co.uk -> co.uk, uk (tld_price knows whichever is sold). */
const suffixesOf = (domain: string) =>
  domain
    .split('.')
    .slice(1)
    .map((_, i, rest) => rest.slice(i).join('.'));

/** Renewal prices api3's search left out, from tld_price (one read per 100 TLDs); a failure leaves them unknown. */
async function fillRenewals(rows: Checked[], args: Input, ctx: ToolContext): Promise<string | undefined> {
  const lacking = rows.filter((row) => row.purchasable && !row.premium && row.renewal === undefined);
  const suffixes = [...new Set(lacking.flatMap((row) => suffixesOf(row.domain)))];
  const renewals = new Map<string, number>();
  let tableCurrency: string | undefined;
  try {
    for (let start = 0; start < suffixes.length; start += 100) {
      const table = await invokeRead(tldPrice, { tlds: suffixes.slice(start, start + 100), currency: args.currency, page_size: 500 }, ctx);
      tableCurrency ??= table.currency;
      for (const item of table.items) if (item.renew !== undefined) renewals.set(item.tld, item.renew);
    }
  } catch (error) {
    return `renewal prices unknown: tld_price failed (${error instanceof Error ? error.message : String(error)})`;
  }
  const known = new Set(renewals.keys());
  for (const row of lacking) {
    // Prices in two currencies are not one table: a renewal in another currency is left out.
    if (tableCurrency && row.currency && tableCurrency.toUpperCase() !== row.currency.toUpperCase()) continue;
    const tld = tldOf(row.domain, known);
    if (tld) row.renewal = renewals.get(tld);
  }
  return undefined;
}

interface Offer {
  kind: 'auction' | 'backorder_auction' | 'closeout' | 'listing';
  price?: number | undefined;
  currency?: string | undefined;
  ends?: string | undefined;
  bids?: number | undefined;
}

/**
 * Aftermarket offers for taken names: the three big lists are each one api3 request a minute
 * (their keepMs), filtered here by each name's first label, so many names cost no more requests.
 */
async function offersFor(taken: string[], args: Input, ctx: ToolContext, onLabel: () => void): Promise<{ offers: Map<string, Offer[]>; failed?: string }> {
  const offers = new Map<string, Offer[]>();
  const wanted = new Set(taken);
  const add = (domain: string, offer: Offer) => {
    if (wanted.has(domain)) offers.set(domain, [...(offers.get(domain) ?? []), prune(offer)]);
  };
  const labels = [...new Set(taken.map((domain) => domain.slice(0, domain.indexOf('.'))))];
  const currency = args.currency;
  try {
    for (const label of labels) {
      if (ctx.signal?.aborted) break;
      const filter = { name_contains: `${label}.`, currency, page_size: 100 };
      const auctions = await invokeRead(getOpenAuctions, filter, ctx);
      for (const a of auctions.items)
        add(a.domain, {
          kind: a.type === 'backorder' ? 'backorder_auction' : 'auction',
          price: a.price,
          currency: auctions.currency,
          ends: a.ends,
          bids: a.bids,
        });
      const closeouts = await invokeRead(getExpiredCloseoutDomains, filter, ctx);
      for (const c of closeouts.items) add(c.domain, { kind: 'closeout', price: c.price, currency: closeouts.currency, ends: c.ends });
      const listings = await invokeRead(getListings, filter, ctx);
      for (const l of listings.items) add(l.domain, { kind: 'listing', price: l.price, currency: listings.currency });
      onLabel();
    }
    return { offers };
  } catch (error) {
    return { offers, failed: `aftermarket look-up stopped: ${error instanceof Error ? error.message : String(error)}` };
  }
}

const COLUMNS = ['domain', 'purchasable', 'price', 'renewal', 'premium'] as const;
const row = z.tuple([z.string(), z.boolean(), z.number().nullable(), z.number().nullable(), z.boolean()]);
/** A type, not an interface: the output's open record takes it as it is. */
type TakenDetail = {
  aftermarket?: Offer[];
  registration?: RegistrationRecord;
  registration_unavailable?: string;
};

export default defineComposite({
  name: 'research_domains',
  toolset: 'domains',
  everyday: true,
  title: 'Research domain names in bulk',
  description:
    'Availability and prices of up to 500 name/TLD pairs, cheapest first; for taken names, optionally aftermarket offers and registration data (RDAP: registrar, expiry, when it may come free).',
  effect: 'read',
  input,
  output: z.object({
    currency: z.string().optional(),
    columns: z.array(z.string()),
    rows: z.array(row),
    over_max_price: z.number().optional().describe('purchasable names left out for costing more than max_price'),
    why_not_purchasable: z.record(z.string(), z.string()).optional(),
    // Each taken name's offers and registration data (TakenDetail), advertised open: the rows are what most calls read.
    taken: z.record(z.string(), z.looseObject({})).optional(),
    names_per_search: z.number().optional().describe('names api3 takes per search request: 100 on bulk accounts, 1 on regular ones; absent until a call needs more than one'),
    unchecked: z.array(z.string()).optional(),
    notes: z.array(z.string()).optional(),
  }),
  async run(args, ctx) {
    const { domains } = pairsOf(args);
    const wantsOffers = args.taken?.includes('aftermarket') === true;
    const wantsRegistration = args.taken?.includes('registration') === true;
    let total = domains.length;
    const report = (done: number, message?: string) => ctx.progress?.(done, total, message);
    const deadline = Date.now() + researchBudget.ms;
    const found = await searchAll(domains, args, ctx, deadline, (done) => report(done, `${done} of ${domains.length} names checked`));
    const rows = domains.flatMap((domain) => found.checked.get(domain) ?? []);
    const notes: string[] = [];
    if (found.stoppedBecause) notes.push(`stopped after ${rows.length} of ${domains.length} names: ${found.stoppedBecause}`);
    const renewalNote = await fillRenewals(rows, args, ctx);
    if (renewalNote) notes.push(renewalNote);

    const taken = rows.filter((r) => r.taken).map((r) => r.domain);
    const lookedUp = taken.slice(0, MAX_LOOKUPS);
    if (taken.length > lookedUp.length) notes.push(`only the first ${MAX_LOOKUPS} of ${taken.length} taken names were looked up`);
    const labels = new Set(lookedUp.map((domain) => domain.slice(0, domain.indexOf('.')))).size;
    let done = rows.length;
    total = domains.length + (wantsOffers ? labels : 0) + (wantsRegistration && ctx.rdap ? lookedUp.length : 0);
    const step = (message: string) => report(++done, message);

    const details = new Map<string, TakenDetail>();
    const detail = (domain: string) => {
      const known = details.get(domain) ?? {};
      details.set(domain, known);
      return known;
    };
    if (wantsOffers && lookedUp.length > 0 && !ctx.signal?.aborted) {
      const { offers, failed } = await offersFor(lookedUp, args, ctx, () => step('aftermarket looked up'));
      for (const [domain, list] of offers) detail(domain).aftermarket = list;
      if (failed) notes.push(failed);
    }
    if (wantsRegistration && lookedUp.length > 0 && !ctx.signal?.aborted) {
      if (!ctx.rdap) notes.push('registration data is off on this server (DYNADOT_RDAP=off)');
      else {
        // What is left of the budget, and at least one lookup's worth: registries answer in their own time.
        const outOfTime = AbortSignal.timeout(Math.max(deadline - Date.now(), RDAP_MIN_MS));
        const answers: Map<string, RegistrationLookup> = await ctx.rdap.lookup(lookedUp, {
          signal: ctx.signal ? AbortSignal.any([ctx.signal, outOfTime]) : outOfTime,
          onEach: (domain) => step(`${domain} registration data`),
        });
        for (const [domain, answer] of answers) {
          if ('found' in answer) detail(domain).registration = prune(answer.found);
          else if (outOfTime.aborted && answer.unavailable === 'cancelled') detail(domain).registration_unavailable = "not looked up: this call's time was up; ask again for it";
          else detail(domain).registration_unavailable = answer.unavailable;
        }
      }
    }

    const ceiling = args.max_price;
    const overMax = ceiling === undefined ? [] : rows.filter((r) => r.purchasable && r.price !== undefined && r.price > ceiling);
    const shown = rows.filter((r) => !overMax.includes(r));
    // Cheapest first; names that cannot be bought after, in the order asked.
    const order = (r: Checked) => (r.purchasable ? (r.price ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY);
    shown.sort((a, b) => order(a) - order(b) || Number(b.purchasable) - Number(a.purchasable));
    const why = Object.fromEntries(shown.filter((r) => !r.purchasable && !r.taken && r.reason).map((r) => [r.domain, r.reason ?? '']));
    const currency = rows.find((r) => r.currency)?.currency ?? args.currency;
    // The rows are a table: their nulls hold the columns' places, so only the rest is pruned.
    return {
      ...prune({
        currency,
        over_max_price: overMax.length || undefined,
        why_not_purchasable: Object.keys(why).length > 0 ? why : undefined,
        taken: details.size > 0 ? Object.fromEntries(details) : undefined,
        unchecked: found.unchecked.length > 0 ? found.unchecked : undefined,
        notes: notes.length > 0 ? notes : undefined,
      }),
      columns: [...COLUMNS],
      rows: shown.map((r): z.infer<typeof row> => [r.domain, r.purchasable, r.price ?? null, r.renewal ?? null, r.premium]),
      ...(found.perRequest === undefined ? {} : { names_per_search: found.perRequest }),
    };
  },
});
