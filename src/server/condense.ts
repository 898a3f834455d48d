/**
 * The condensing rules of DESIGN.md ("Output: condensed JSON"), as small pure helpers that
 * every read tool's `condense` composes. Agents pay for every byte, so api3's noise (envelopes,
 * placeholders, epoch milliseconds, "yes"/"no" strings) never reaches them.
 */
export type Json = Record<string, unknown>;

/** A JSON object: not null, not an array. */
export function isJson(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const EMPTY_STRINGS = new Set(['', '-', '--', '(no folder)', 'n/a', 'N/A']);

export function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return EMPTY_STRINGS.has(value.trim());
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

/** Drops empty values at every depth; an object or array emptied by pruning is dropped too. */
export function prune<T>(value: T): T {
  // biome-ignore lint/nursery/noUnsafeTypeAssertion: pruning only drops empty values (undefined, null, '', [], {}), which the callers' output types declare optional; TypeScript cannot follow that through the recursion.
  return pruned(value) as T;
}

function pruned(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pruned).filter((item) => !isEmptyValue(item));
  if (!isJson(value)) return value;
  const out: Json = {};
  for (const [key, item] of Object.entries(value)) {
    const kept = pruned(item);
    if (!isEmptyValue(kept)) out[key] = kept;
  }
  return out;
}

/** Milliseconds since the epoch (number or digit string) -> `2013-02-21T07:09:49Z`. */
export function epochToIso(value: unknown): string | undefined {
  if (typeof value !== 'number' && !(typeof value === 'string' && /^\d+$/.test(value.trim()))) return undefined;
  const ms = Number(value);
  if (!Number.isFinite(ms) || ms <= 0) return undefined;
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** api3 spells flags "yes", "Yes", "YES", "on", "1", "true"; anything else is not a flag. */
export function flag(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  if (['yes', 'on', 'true', '1', 'y'].includes(v)) return true;
  if (['no', 'off', 'false', '0', 'n'].includes(v)) return false;
  return undefined;
}

export interface Money {
  amount: number;
  currency: string;
}

const CURRENCY_SIGNS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'CNY' };

const AMOUNT = '\\d[\\d,]*(?:\\.\\d+)?';
/**
 * One amount with its currency, in every order api3 writes one: `11.99 in USD`, `11.99 USD`,
 * `USD 11.99`, `$11.99` (a sign before either). The groups: sign, amount then code, code then
 * amount, currency sign then amount.
 */
const PRICE = `(-?)\\s*(?:(${AMOUNT})\\s*(?:in\\s+)?([A-Za-z]{3})\\b|([A-Za-z]{3})\\s*(${AMOUNT})|([$€£¥])\\s*(${AMOUNT}))`;
const WHOLE_PRICE = new RegExp(`^${PRICE}$`);
// "Renewal price: 11.99 USD": a label before the price says what it is, not how much.
const LABEL = /^[A-Za-z][A-Za-z ]*:\s*/;

function priceOf(match: RegExpExecArray): Money | undefined {
  const [, sign, amountFirst, codeAfter, codeFirst, amountAfter, currencySign, signedAmount] = match;
  const amount = amountFirst ?? amountAfter ?? signedAmount;
  const currency = codeAfter ?? codeFirst ?? (currencySign === undefined ? undefined : CURRENCY_SIGNS[currencySign]);
  if (amount === undefined || currency === undefined) return undefined;
  return { amount: Number(`${sign ?? ''}${amount.replace(/,/g, '')}`), currency: currency.toUpperCase() };
}

/**
 * One price in any wording api3 uses (`"77.00 in USD"`, `"Renewal price: 11.99 USD"`,
 * `"USD 11.99"`, `"$70.02"`), or `"300.00"` with a known currency -> `{ amount, currency }`. The
 * one parser of prices: what it cannot read is undefined, never a guess.
 */
export function money(value: unknown, currency?: string): Money | undefined {
  if (typeof value === 'number') return currency ? { amount: value, currency } : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim().replace(LABEL, '');
  const whole = WHOLE_PRICE.exec(text);
  if (whole) return priceOf(whole);
  if (/^-?\d[\d,]*(?:\.\d+)?$/.test(text) && currency) return { amount: Number(text.replace(/,/g, '')), currency: currency.toUpperCase() };
  return undefined;
}

/** The price a sentence gives after `label` (a regular expression source, case ignored): `Renewal price: 11.99 USD and …`. */
export function labelledPrice(label: string, sentence: unknown): Money | undefined {
  if (typeof sentence !== 'string') return undefined;
  const found = new RegExp(`${label}\\s*:\\s*${PRICE}`, 'i').exec(sentence);
  return found ? priceOf(found) : undefined;
}

export interface SearchPrice {
  registration?: Money;
  renewal?: Money;
  premium?: boolean;
}

/**
 * A search price in every form api3 sends it: `"77.00 in USD"` (the document), or the sentence
 * real answers use, `"Registration Price: 10.88 in USD and Renewal price: 10.88 in USD and Domain
 * is not a Premium Domain"`, which also says the renewal price and whether the name is premium.
 */
export function searchPrice(value: unknown, currency?: string): SearchPrice {
  const plain = money(value, currency);
  if (plain || typeof value !== 'string') return plain ? { registration: plain } : {};
  const premium = /is not a premium domain/i.test(value) ? false : /is a premium domain/i.test(value) ? true : undefined;
  const registration = labelledPrice('registration price', value);
  const renewal = labelledPrice('renewal price', value);
  return { ...(registration && { registration }), ...(renewal && { renewal }), ...(premium !== undefined && { premium }) };
}

/** `{ Host0: "ns1", Host1: "ns2" }` -> `["ns1", "ns2"]`, in index order. */
export function indexedList(value: unknown, prefix = 'Host'): string[] {
  if (!isJson(value)) return [];
  const pattern = new RegExp(`^${prefix}(\\d+)$`, 'i');
  return Object.entries(value)
    .map(([key, item]) => [pattern.exec(key)?.[1], item] as const)
    .filter((entry): entry is readonly [string, string] => entry[0] !== undefined && typeof entry[1] === 'string' && entry[1] !== '')
    .sort((a, b) => Number(a[0]) - Number(b[0]))
    .map(([, item]) => item);
}

/**
 * Name server host names in both shapes api3 uses: a list of `{ ServerId, ServerName }` objects
 * (or plain names), or a `{ Host0, Host1 }` map.
 */
export function hostNames(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value
      .map((item: unknown) => (typeof item === 'string' ? text(item) : isJson(item) ? text(item.ServerName ?? item.Host) : undefined))
      .filter((name): name is string => name !== undefined);
  }
  return indexedList(value, 'Host');
}

/** `DomainName` -> `domain_name`, `isForSale` -> `is_for_sale`, `IDN` -> `idn`. */
export function snakeCase(key: string): string {
  return key
    .trim()
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
}

export function snakeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => snakeKeys(item));
  if (isJson(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [snakeCase(key), snakeKeys(item)]));
  return value;
}

/** An object field read as an object: itself when it is one, else `{}` (api3 leaves out empty parts). */
export function asJson(value: unknown): Json {
  return isJson(value) ? value : {};
}

/** api3 sometimes sends one object where a list is meant, and nothing where a list is empty. */
export function asList(value: unknown): Json[] {
  if (Array.isArray(value)) return value.filter((item): item is Json => item !== null && typeof item === 'object');
  if (isJson(value)) return [value];
  return [];
}

export function text(value: unknown): string | undefined {
  if (typeof value === 'string') return isEmptyValue(value) ? undefined : value.trim();
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** An id as api3 writes it (`"0"`, `5262350`) -> a number, the type tools take ids in. */
export function idNumber(value: unknown): number | undefined {
  const digits = typeof value === 'number' ? String(value) : text(value);
  return digits !== undefined && /^\d+$/.test(digits) ? Number(digits) : undefined;
}

export interface Page<T> {
  items: T[];
  page: number;
  page_size: number;
  total: number;
  has_more: boolean;
}

/** One page of an already fetched list; pages count from 1. */
export function paginate<T>(all: readonly T[], page: number, pageSize: number): Page<T> {
  const start = (page - 1) * pageSize;
  return { items: all.slice(start, start + pageSize), page, page_size: pageSize, total: all.length, has_more: start + pageSize < all.length };
}
