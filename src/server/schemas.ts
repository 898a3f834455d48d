import { domainToASCII } from 'node:url';
import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * Input field schemas shared by many tools. Values are checked tightly here because they end
 * up in api3's query string: a value that passes can only ever be that one parameter's value.
 */
const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** A registrable domain or host name; Unicode (IDN) names are converted to their xn-- form. */
export const domainName = z
  .string()
  .max(253)
  // The URL parser behind domainToASCII drops tabs and newlines silently: "x\ny.com" would become xy.com.
  .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), { message: 'must not contain control characters' })
  .transform((value) => {
    const trimmed = value.trim().toLowerCase().replace(/\.$/, '');
    return /^[\x20-\x7e]*$/.test(trimmed) ? trimmed : domainToASCII(trimmed);
  })
  .refine((value) => HOSTNAME.test(value), { message: 'must be a domain name such as example.com (letters, digits, hyphens, dots)' });

/** The same check as a domain; its own name so schemas read as what the field holds. */
export const hostName = domainName;

export function domainList(max: number) {
  return z
    .array(domainName)
    .min(1, 'give at least one domain')
    .max(max, `at most ${max} domains per call`)
    .refine((names) => new Set(names).size === names.length, { message: 'each domain may appear only once' });
}

const EMAIL = /^[^\s@]{1,64}@(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
export const isEmailAddress = (v: string) => EMAIL.test(v);
/** Checked on the server: z.email() would advertise a 150-character pattern in every schema using it. */
export const emailAddress = z.string().max(254).refine(isEmailAddress, { message: 'must be an email address such as owner@example.com' });

export const ipv4 = z.string().refine((v) => isIP(v) === 4, { message: 'must be an IPv4 address such as 192.0.2.1' });
export const ipv6 = z.string().refine((v) => isIP(v) === 6, { message: 'must be an IPv6 address such as 2001:db8::1' });

/** The currencies api3's document names for prices and orders. */
export const CURRENCIES = ['USD', 'CNY', 'GBP', 'EUR', 'INR', 'CAD'] as const;
export const currency = z
  .preprocess((v) => (typeof v === 'string' ? v.toUpperCase() : v), z.enum(CURRENCIES))
  .optional();

/** Free text that api3 stores: printable, no control characters, bounded. */
export function plainText(max: number) {
  return z
    .string()
    .max(max, `at most ${max} characters`)
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), { message: 'must not contain control characters (newlines, tabs, NUL)' });
}

export const years = z.number().int().min(1, 'at least 1 year').max(10, 'at most 10 years');

export const page = z.int().min(1).max(10_000).default(1);
export function pageSize(max: number, fallback: number) {
  return z.int().min(1).max(max).default(fallback);
}

/**
 * Ids (contacts, folders, name servers, orders) are numbers on the way in and on the way out,
 * so an id read from one tool is passed to the next unchanged. 0 is a real id.
 */
export function id() {
  return z.int32().min(0);
}
export const idOut = z.number().int();

/** api3's own time-to-live bounds for DNS answers. */
export const ttl = z.number().int().min(60).max(86400);

/** `{ amount, currency }`, the one shape of every price and balance in results. */
export const moneySchema = z.object({ amount: z.number(), currency: z.string() });

/** A page of a list api3 returns whole; filtering and paging happen on this side. */
export function pagedOutput<Item extends z.ZodType>(item: Item) {
  return z.object({
    items: z.array(item),
    page: z.number(),
    page_size: z.number(),
    total: z.number().describe('items matching the filters'),
    has_more: z.boolean(),
  });
}
