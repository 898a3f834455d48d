import { isIP } from 'node:net';
import { z } from 'zod';
import { apiParams, indexedRows, type ParamFields } from '../../src/api3/params.js';
import { isEmailAddress, plainText, ttl } from '../../src/server/schemas.js';
import { type NameServerSetting, secondValue } from './domain.js';
import { keysOf } from './keys.js';
import { explainedOnce } from '../../src/server/explained.js';

/**
 * DNS records in the agent's terms, shared by every command that writes records (set_dns2,
 * update_dns_records, and the folder and default DNS settings): one flat object per record, an
 * enum `type` and the few fields some types need, checked per type on the server. A union of
 * nine record shapes said the same fields nine times in every conversation's context (about
 * 600 tokens); this says them once.
 */
export const MAX_MAIN_RECORDS = 20;
export const MAX_SUB_RECORDS = 100;
export const RECORD_TYPES = ['a', 'aaaa', 'cname', 'txt', 'mx', 'srv', 'forward', 'stealth', 'email'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];
const RECORD_TYPE_SET: ReadonlySet<string> = new Set(RECORD_TYPES);
export const isRecordType = (value: string): value is RecordType => RECORD_TYPE_SET.has(value);

const controlFree = (v: string) => !/[\u0000-\u001f\u007f]/.test(v);
const SUBDOMAIN = /^(?:\*|[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/;
const HOST = /^(?=.{1,253}$)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.?$/i;

export const subdomain = z
  .string()
  .transform((v) => v.trim().toLowerCase())
  .refine((v) => v === '' || v === '@' || SUBDOMAIN.test(v), { message: 'must be a host label such as www, _dmarc or *; "" or "@" for the domain itself' })
  .optional();

/** The URL parser drops tabs and newlines silently; a value holding them is refused, not cleaned. */
export const isHttpUrl = (v: string) => {
  if (!controlFree(v)) return false;
  try {
    return ['http:', 'https:'].includes(new URL(v).protocol) && v.length <= 2000;
  } catch {
    return false;
  }
};

/** What `value` must be for each type, as the message an agent reads when it is not. */
const VALUE_RULES: Record<RecordType, { ok(v: string): boolean; message: string }> = {
  a: { ok: (v) => isIP(v) === 4, message: 'must be an IPv4 address such as 192.0.2.1' },
  aaaa: { ok: (v) => isIP(v) === 6, message: 'must be an IPv6 address such as 2001:db8::1' },
  cname: { ok: (v) => HOST.test(v), message: 'must be a host name such as host.example.com' },
  mx: { ok: (v) => HOST.test(v), message: 'must be a mail host name such as mx.example.com' },
  txt: { ok: (v) => v.length >= 1 && v.length <= 1024 && controlFree(v), message: 'must be 1 to 1024 characters, no control characters' },
  srv: { ok: (v) => v.length >= 1 && v.length <= 300 && controlFree(v), message: 'must be "priority weight port target", e.g. "10 5 5060 sip.example.com"' },
  forward: { ok: isHttpUrl, message: 'must be an http(s) URL' },
  stealth: { ok: isHttpUrl, message: 'must be an http(s) URL' },
  email: { ok: isEmailAddress, message: 'must be an email address' },
};

/** The fields only some types take: which type, and whether that type requires it. */
const EXTRA_FIELDS = {
  priority: { type: 'mx', required: true },
  permanent: { type: 'forward', required: false },
  title: { type: 'stealth', required: true },
  alias: { type: 'email', required: true },
} as const satisfies Record<string, { type: RecordType; required: boolean }>;

export const recordSchema = z
  .object({
    type: z.enum(RECORD_TYPES),
    subdomain,
    value: z.string().max(2000),
    priority: z.int().min(0).max(65535).optional(),
    permanent: z.boolean().optional(),
    title: plainText(200).min(1).optional(),
    alias: plainText(64).min(1).optional(),
  })
  .superRefine((record, ctx) => {
    const rule = VALUE_RULES[record.type];
    if (!rule.ok(record.value)) ctx.addIssue({ code: 'custom', path: ['value'], message: `${record.type} record value ${rule.message}` });
    for (const field of keysOf(EXTRA_FIELDS)) {
      const owner = EXTRA_FIELDS[field];
      const given = record[field] !== undefined;
      if (given && owner.type !== record.type) ctx.addIssue({ code: 'custom', path: [field], message: `${field} is only for ${owner.type} records` });
      if (!given && owner.required && owner.type === record.type) ctx.addIssue({ code: 'custom', path: [field], message: `${record.type} records need ${field}` });
    }
  });
export type DnsRecordInput = z.infer<typeof recordSchema>;

export const isMain = (r: { subdomain?: string | undefined }) => r.subdomain === undefined || r.subdomain === '' || r.subdomain === '@';

/**
 * What the record fields mean, said once in the instructions for every served tool that takes
 * records (src/server/explained.ts) rather than in each of their six schemas (about 50 tokens each).
 */
export const RECORD_FACT =
  'DNS records: subdomain is a label such as www, _dmarc or *, left out for the domain itself; priority is for mx, permanent for forward (false: a 302), title for stealth, alias for email (the mailbox); an srv value is "priority weight port target".';
explainedOnce(recordSchema, RECORD_FACT);

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
  });

/** The DNS payload as every scope takes it: the records and an optional TTL. */
export const dnsFields = { records: recordListSchema, ttl: ttl.optional() };

/** api3's `recordx`: MX distance, forward kind (1 = 301, 2 = 302), stealth title or email alias. */
function recordExtra(r: { type: string; priority?: number | undefined; permanent?: boolean | undefined; title?: string | undefined; alias?: string | undefined }): string | undefined {
  switch (r.type) {
    case 'mx':
      return r.priority === undefined ? undefined : String(r.priority);
    case 'forward':
      return r.permanent === false ? '2' : '1';
    case 'stealth':
      return r.title;
    case 'email':
      return r.alias;
    default:
      return undefined;
  }
}

/** Records as api3's main_record*, subdomain* and sub_record* parameters, plus the TTL. */
export function recordParams(records: readonly DnsRecordInput[], ttlSeconds?: number): ParamFields {
  const main = records.filter(isMain);
  const sub = records.filter((r) => !isMain(r));
  return apiParams(
    indexedRows(main, { main_record_type: (r) => r.type, main_record: (r) => r.value, main_recordx: recordExtra }),
    indexedRows(sub, { subdomain: (r) => r.subdomain, sub_record_type: (r) => r.type, sub_record: (r) => r.value, sub_recordx: recordExtra }),
    { ttl: ttlSeconds },
  );
}

/**
 * A record as get_dns answers it -> the input form, so current records can be written back.
 * They share one vocabulary; an MX record api3 answered without a distance is written with 0.
 */
export function fromCondensed(record: CondensedRecord): DnsRecordInput {
  const { subdomain, ...rest } = upgradedRecord(record);
  const parsed = recordSchema.safeParse({ ...rest, subdomain: subdomain ?? '', ...(rest.type === 'mx' && rest.priority === undefined ? { priority: 0 } : {}) });
  if (!parsed.success) throw new Error(`cannot rewrite the current ${record.type} record of "${record.subdomain ?? '@'}" (${record.value})`);
  return parsed.data;
}

/**
 * A record saved by an earlier version of this server (a snapshot on disk), which kept api3's
 * second value as `extra`, in today's words; a record without it is returned as it is.
 */
export function upgradedRecord<R extends { type: unknown; extra?: unknown }>(record: R): Omit<R, 'extra'> {
  const { extra, ...rest } = record;
  return typeof extra === 'string' && typeof rest.type === 'string' ? { ...rest, ...secondValue(rest.type, extra) } : rest;
}

/** The subdomain a record belongs to, '' for the domain itself. */
export const hostOf = (r: { subdomain?: string | undefined }) => (r.subdomain === undefined || r.subdomain === '@' ? '' : r.subdomain);

/** A record as get_dns answers it: already in the write tools' words. */
export type CondensedRecord = NonNullable<NameServerSetting['records']>[number];

/**
 * A record as a person writes it, and as set_dns2 takes it: `subdomain` only for subdomains,
 * MX priority, forward kind, stealth title or email alias as their own fields, never api3's
 * `extra`. What previews and results show, so a record can be read, compared and written back.
 */
export const writtenRecordSchema = z.object({
  subdomain: z.string().optional(),
  type: z.string(),
  value: z.string(),
  priority: z.number().optional(),
  permanent: z.boolean().optional(),
  title: z.string().optional(),
  alias: z.string().optional(),
});
export type WrittenRecord = z.infer<typeof writtenRecordSchema>;

/** A current record (get_dns, list_domain, a snapshot) as a person writes it: no "@", no empty fields. */
export function asWritten(record: CondensedRecord): WrittenRecord {
  const { subdomain: _subdomain, type, value, ...extras } = upgradedRecord(record);
  const host = hostOf(record);
  return { ...(host ? { subdomain: host } : {}), type, value, ...Object.fromEntries(Object.entries(extras).filter(([, v]) => v !== undefined && v !== '')) };
}

/** A record of the input as the person wrote it, without empty fields or the "@" of the domain itself. */
export function writtenFromInput(record: DnsRecordInput): WrittenRecord {
  const host = hostOf(record);
  const { subdomain: _subdomain, type, value, ...extras } = record;
  return {
    ...(host ? { subdomain: host } : {}),
    type,
    value,
    ...Object.fromEntries(Object.entries(extras).filter(([, v]) => v !== undefined)),
  };
}

/** Values compared as DNS compares them: names without case or a final dot, text as written (trimmed). */
export function comparable(type: string, value: string): string {
  const trimmed = value.trim();
  return ['a', 'aaaa', 'cname', 'mx'].includes(type) ? trimmed.toLowerCase().replace(/\.$/, '') : trimmed;
}

/** Whether a record of the input is exactly a current one: same subdomain, type, value and extra. */
export function sameRecord(wanted: DnsRecordInput, have: CondensedRecord): boolean {
  return (
    hostOf(wanted).toLowerCase() === hostOf(have).toLowerCase() &&
    wanted.type === have.type &&
    comparable(wanted.type, wanted.value) === comparable(have.type, have.value) &&
    (recordExtra(wanted) ?? '') === (recordExtra(have) ?? '')
  );
}

/**
 * The legacy DNS commands (set_default_dns, set_folder_dns), which the document keeps beside
 * their DNS2 replacements: the same records in, fitted to the older parameters. Those hold one
 * record for the domain itself (an AAAA may carry one IPv4 beside it, `main_record2`), one TXT
 * (`main_txt`: the document names a single parameter, so more are not guessed at), up to three
 * mail hosts (`mx_host0..2`, `mx_distance0..2`), and subdomain records without the extra field
 * (a, aaaa, cname, txt). What does not fit is refused naming the DNS2 command that takes it.
 */
const LEGACY_MAIN = new Set<RecordType>(['a', 'aaaa', 'cname']);
const LEGACY_SUB = new Set<RecordType>(['a', 'aaaa', 'cname', 'txt']);
const LEGACY_MX = 3;

function legacyShape(records: readonly DnsRecordInput[]) {
  const main = records.filter(isMain);
  return {
    address: main.filter((r) => LEGACY_MAIN.has(r.type)),
    txt: main.filter((r) => r.type === 'txt'),
    mx: main.filter((r) => r.type === 'mx'),
    other: main.filter((r) => !LEGACY_MAIN.has(r.type) && r.type !== 'txt' && r.type !== 'mx'),
    sub: records.filter((r) => !isMain(r)),
  };
}

/** Why these records do not fit the legacy parameters; empty when they do. */
export function legacyMisfits(records: readonly DnsRecordInput[]): string[] {
  const { address, txt, mx, other, sub } = legacyShape(records);
  const why: string[] = [];
  const pair = address.length === 2 && address.some((r) => r.type === 'aaaa') && address.some((r) => r.type === 'a');
  if (address.length === 0) why.push('needs one a, aaaa or cname record for the domain itself');
  else if (address.length > 1 && !pair) why.push('takes one a, aaaa or cname record for the domain itself (or an aaaa with one a)');
  if (txt.length > 1) why.push('takes one txt record for the domain itself');
  if (mx.length > LEGACY_MX) why.push(`takes at most ${LEGACY_MX} mx records`);
  if (other.length > 0) why.push(`takes no ${[...new Set(other.map((r) => r.type))].join(', ')} records for the domain itself`);
  const badSub = [...new Set(sub.filter((r) => !LEGACY_SUB.has(r.type)).map((r) => r.type))];
  if (badSub.length > 0) why.push(`takes subdomain records of type a, aaaa, cname or txt only (not ${badSub.join(', ')})`);
  return why;
}

export function legacyRecordParams(records: readonly DnsRecordInput[], ttlSeconds?: number): ParamFields {
  const { address, txt, mx, sub } = legacyShape(records);
  const main = address.find((r) => r.type !== 'a') ?? address[0];
  const ipv4 = main?.type === 'aaaa' ? address.find((r) => r.type === 'a') : undefined;
  return apiParams(
    { main_record_type: main?.type, main_record: main?.value, main_record2: ipv4?.value, main_txt: txt[0]?.value },
    indexedRows(sub, { subdomain: (r) => r.subdomain, sub_record_type: (r) => r.type, sub_record: (r) => r.value }),
    indexedRows(mx, { mx_host: (r) => r.value, mx_distance: (r) => r.priority }),
    { ttl: ttlSeconds },
  );
}

/**
 * Where a record set breaks DNS's rule that a CNAME stands alone at its name: a CNAME at the
 * domain itself (its MX, TXT and the registry's NS records stop answering) or beside other
 * records of the same name (resolvers answer one or the other). Each as a person reads it.
 */
export function cnameBreaks(records: ReadonlyArray<{ subdomain?: string | undefined; type: string; value: string }>): string[] {
  const breaks: string[] = [];
  for (const cname of records.filter((r) => r.type === 'cname')) {
    const host = hostOf(cname).toLowerCase();
    const beside = records.filter((r) => r !== cname && hostOf(r).toLowerCase() === host).map((r) => r.type.toUpperCase());
    if (host === '') breaks.push(`a CNAME at the domain itself (${cname.value}): mail (MX), TXT and other records of the domain stop answering, and many resolvers refuse it`);
    else if (beside.length > 0) breaks.push(`the CNAME of ${host} stands beside its ${[...new Set(beside)].join(', ')} record(s): resolvers answer one or the other`);
  }
  return breaks;
}
