import { z } from 'zod';
import { ipv4, ipv6, plainText } from '../../src/server/schemas.js';
import type { NameServerSetting } from './domain.js';

/**
 * DNS records in the agent's terms, shared by set_dns2 and update_dns_records: one object per
 * record with its type's own fields (MX priority, forward kind) instead of api3's `recordx`.
 */
export const MAX_MAIN_RECORDS = 20;
export const MAX_SUB_RECORDS = 100;

const SUBDOMAIN = /^(?:\*|[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/;
const HOST = /^(?=.{1,253}$)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.?$/i;

export const subdomain = z
  .string()
  .transform((v) => v.trim().toLowerCase())
  .refine((v) => v === '' || v === '@' || SUBDOMAIN.test(v), { message: 'must be a host label such as www, _dmarc or *; "" or "@" for the domain itself' })
  .optional();

const host = z.string().max(253).refine((v) => HOST.test(v), { message: 'must be a host name such as mail.example.com' });
const url = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2000);

/** Said once for the list, not in each of the nine record shapes: every word is paid for in context. */
export const RECORD_HELP = 'subdomain: www, mail, _dmarc or *; omit (or "" or "@") for the domain itself.';

export const recordSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('a'), subdomain, value: ipv4 }),
  z.object({ type: z.literal('aaaa'), subdomain, value: ipv6 }),
  z.object({ type: z.literal('cname'), subdomain, value: host }),
  z.object({ type: z.literal('txt'), subdomain, value: plainText(1024).min(1) }),
  z.object({ type: z.literal('mx'), subdomain, value: host, priority: z.number().int().min(0).max(65535).describe('MX distance') }),
  z.object({ type: z.literal('srv'), subdomain, value: plainText(300).min(1).describe('"priority weight port target"; subdomains only') }),
  z.object({ type: z.literal('forward'), subdomain, value: url, permanent: z.boolean().default(true).describe('301 (true) or 302 (false)') }),
  z.object({ type: z.literal('stealth'), subdomain, value: url, title: plainText(200).min(1).describe('Page title shown') }),
  z.object({ type: z.literal('email'), subdomain, value: z.email(), alias: plainText(64).min(1).describe('Mailbox name forwarded') }),
]);
export type DnsRecordInput = z.infer<typeof recordSchema>;

export const isMain = (r: DnsRecordInput) => r.subdomain === undefined || r.subdomain === '' || r.subdomain === '@';

export const recordListSchema = z
  .array(recordSchema)
  .min(1)
  .superRefine((records, ctx) => {
    const main = records.filter(isMain).length;
    if (main > MAX_MAIN_RECORDS) ctx.addIssue({ code: 'custom', message: `at most ${MAX_MAIN_RECORDS} records for the domain itself (got ${main})` });
    const sub = records.length - main;
    if (sub > MAX_SUB_RECORDS) ctx.addIssue({ code: 'custom', message: `at most ${MAX_SUB_RECORDS} subdomain records (got ${sub})` });
    records.forEach((r, i) => {
      if (r.type === 'srv' && isMain(r)) ctx.addIssue({ code: 'custom', path: [i, 'subdomain'], message: 'srv records need a subdomain such as _sip._tcp' });
    });
  })
  .describe(`DNS records: up to ${MAX_MAIN_RECORDS} for the domain itself and ${MAX_SUB_RECORDS} for subdomains. ${RECORD_HELP}`);

/** A record as get_dns condenses it -> the input form, so current records can be written back. */
export function fromCondensed(record: NonNullable<NameServerSetting['records']>[number]): DnsRecordInput {
  const base = { subdomain: record.subdomain ?? '', value: record.value };
  const extra = record.extra ?? '';
  const parsed = recordSchema.safeParse(
    record.type === 'mx'
      ? { ...base, type: 'mx', priority: Number(extra || 0) }
      : record.type === 'forward'
        ? { ...base, type: 'forward', permanent: extra !== '2' }
        : record.type === 'stealth'
          ? { ...base, type: 'stealth', title: extra }
          : record.type === 'email'
            ? { ...base, type: 'email', alias: extra }
            : { ...base, type: record.type },
  );
  if (!parsed.success) throw new Error(`cannot rewrite the current ${record.type} record of "${record.subdomain ?? '@'}" (${record.value})`);
  return parsed.data;
}

/** The subdomain a record belongs to, '' for the domain itself. */
export const hostOf = (r: { subdomain?: string | undefined }) => (r.subdomain === undefined || r.subdomain === '@' ? '' : r.subdomain);
