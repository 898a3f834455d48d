/**
 * The condensing rules of DESIGN.md ("Output: condensed JSON"), as small pure helpers that
 * every read tool's `condense` composes. Agents pay for every byte, so api3's noise (envelopes,
 * placeholders, epoch milliseconds, "yes"/"no" strings) never reaches them.
 */
export type Json = Record<string, unknown>;

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
  if (Array.isArray(value)) {
    return value.map((item) => prune(item)).filter((item) => !isEmptyValue(item)) as T;
  }
  if (value !== null && typeof value === 'object') {
    const out: Json = {};
    for (const [key, item] of Object.entries(value as Json)) {
      const pruned = prune(item);
      if (!isEmptyValue(pruned)) out[key] = pruned;
    }
    return out as T;
  }
  return value;
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

/** `"77.00 in USD"`, `"$70.02"`, `"300.00"` (with a known currency) -> `{ amount, currency }`. */
export function money(value: unknown, currency?: string): Money | undefined {
  if (typeof value === 'number') return currency ? { amount: value, currency } : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim().replace(/,/g, '');
  const inForm = /^(-?\d+(?:\.\d+)?)\s*(?:in\s+)?([A-Za-z]{3})$/.exec(text);
  if (inForm) return { amount: Number(inForm[1]), currency: (inForm[2] as string).toUpperCase() };
  const signed = /^(-?)([$€£¥])\s*(\d+(?:\.\d+)?)$/.exec(text);
  if (signed) return { amount: Number(`${signed[1]}${signed[3]}`), currency: CURRENCY_SIGNS[signed[2] as string] as string };
  if (/^-?\d+(?:\.\d+)?$/.test(text) && currency) return { amount: Number(text), currency: currency.toUpperCase() };
  return undefined;
}

export interface SearchPrice {
  registration?: Money;
  renewal?: Money;
  premium?: boolean;
}

const priceIn = (label: string, sentence: string): Money | undefined => {
  const found = new RegExp(`${label}\\s*:\\s*(-?[\\d,]+(?:\\.\\d+)?)\\s*in\\s*([a-z]{3})`, 'i').exec(sentence);
  return found ? { amount: Number((found[1] as string).replace(/,/g, '')), currency: (found[2] as string).toUpperCase() } : undefined;
};

/**
 * A search price in every form api3 sends it: `"77.00 in USD"` (the document), or the sentence
 * real answers use, `"Registration Price: 10.88 in USD and Renewal price: 10.88 in USD and Domain
 * is not a Premium Domain"`, which also says the renewal price and whether the name is premium.
 */
export function searchPrice(value: unknown, currency?: string): SearchPrice {
  const plain = money(value, currency);
  if (plain || typeof value !== 'string') return plain ? { registration: plain } : {};
  const premium = /is not a premium domain/i.test(value) ? false : /is a premium domain/i.test(value) ? true : undefined;
  const found: SearchPrice = { registration: priceIn('registration price', value), renewal: priceIn('renewal price', value), premium };
  return Object.fromEntries(Object.entries(found).filter(([, v]) => v !== undefined)) as SearchPrice;
}

/** `{ Host0: "ns1", Host1: "ns2" }` -> `["ns1", "ns2"]`, in index order. */
export function indexedList(value: unknown, prefix = 'Host'): string[] {
  if (value === null || typeof value !== 'object') return [];
  const pattern = new RegExp(`^${prefix}(\\d+)$`, 'i');
  return Object.entries(value as Json)
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
      .map((item) => (typeof item === 'string' ? text(item) : text((item as Json | null)?.ServerName ?? (item as Json | null)?.Host)))
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

export function snakeKeys<T = unknown>(value: unknown): T {
  if (Array.isArray(value)) return value.map((item) => snakeKeys(item)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Json).map(([key, item]) => [snakeCase(key), snakeKeys(item)])) as T;
  }
  return value as T;
}

/** api3 sometimes sends one object where a list is meant, and nothing where a list is empty. */
export function asList(value: unknown): Json[] {
  if (Array.isArray(value)) return value.filter((item): item is Json => item !== null && typeof item === 'object');
  if (value !== null && typeof value === 'object') return [value as Json];
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
