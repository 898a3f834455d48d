import { z } from 'zod';
import { asJson, asList, epochToIso, flag, hostNames, idNumber, type Json, prune, text } from '../../src/server/condense.js';
import type { DnsSetting, DomainSummary } from '../../src/server/ports.js';
import { idOut } from '../../src/server/schemas.js';

/**
 * Condensed shapes shared by domain_info, list_domain and get_dns: a domain's name server
 * setting and a domain's summary, in the agent's terms. They are what the account port
 * (src/server/ports.ts) promises, and checked against its types.
 */
export const nameServerSettingSchema = z.object({
  type: z.string().describe('dynadot_dns, name_servers, dynadot_parking, forwarding, stealth, hosting, ...'),
  name_servers: z.array(z.string()).optional(),
  with_ads: z.boolean().optional(),
  ttl: z.number().optional(),
  records: z
    .array(
      z.object({
        subdomain: z.string().optional().describe('absent for records of the domain itself'),
        type: z.string(),
        value: z.string(),
        priority: z.number().optional(),
        permanent: z.boolean().optional(),
        title: z.string().optional(),
        alias: z.string().optional(),
      }),
    )
    .optional(),
  forward_to: z.string().optional(),
}) satisfies z.ZodType<DnsSetting>;
export type NameServerSetting = z.infer<typeof nameServerSettingSchema>;
type NameServerRecord = NonNullable<NameServerSetting['records']>[number];

/** A record as the write tools take it: api3's second value under the name its type gives it (priorityOf and the like). */
function record(raw: Json, subdomain?: string): NameServerRecord {
  const type = (text(raw.RecordType) ?? '').toLowerCase();
  const second = text(raw.Value2);
  return prune({
    subdomain: subdomain === '' || subdomain === '@' ? undefined : subdomain,
    type,
    value: text(raw.Value) ?? '',
    ...secondValue(type, second),
  });
}

/**
 * api3's second value of a record (`Value2` in reads, `recordx` in writes) in the write tools'
 * terms: an MX distance is `priority`, a forward's 2 (302) is `permanent: false` (1, 301, is the
 * default and left out), a stealth page's `title`, an email record's `alias`.
 */
export function secondValue(type: string, second: string | undefined): Partial<Pick<NameServerRecord, 'priority' | 'permanent' | 'title' | 'alias'>> {
  if (second === undefined || second === '') return {};
  if (type === 'mx') return /^\d+$/.test(second) ? { priority: Number(second) } : {};
  if (type === 'forward') return second === '2' ? { permanent: false } : {};
  if (type === 'stealth') return { title: second };
  if (type === 'email') return { alias: second };
  return {};
}

export function condenseNameServerSetting(raw: unknown): NameServerSetting {
  const s = asJson(raw);
  const type = (text(s.Type) ?? 'unknown').toLowerCase().replace(/\s+/g, '_');
  const records = [
    ...asList(s.MainDomains).map((r) => record(r)),
    ...asList(s.SubDomains).map((r) => record(r, text(r.Subhost) ?? '')),
  ];
  const ttl = text(s.TTL);
  return prune({
    type,
    name_servers: hostNames(s.NameServers),
    with_ads: flag(s.WithAds),
    ttl: ttl === undefined ? undefined : Number(ttl),
    records: records.length > 0 ? records : undefined,
    forward_to: text(s.ForwardTo ?? s.Url),
  });
}

export const domainSchema = z.object({
  name: z.string(),
  expires: z.string().optional().describe('ISO 8601 UTC'),
  registered: z.string().optional(),
  locked: z.boolean().optional(),
  privacy: z.string().optional().describe('none, partial or full'),
  renew_option: z.string().optional(),
  for_sale: z.boolean().optional(),
  note: z.string().optional(),
  folder: z.object({ id: idOut, name: z.string().optional() }).optional(),
  name_servers: nameServerSettingSchema.optional(),
  contacts: z.record(z.string(), idOut).optional().describe('contact ids by role'),
  /** Rare conditions, present only when true. */
  disabled: z.literal(true).optional(),
  hold: z.literal(true).optional(),
  udrp_locked: z.literal(true).optional(),
  registrant_unverified: z.literal(true).optional(),
}) satisfies z.ZodType<DomainSummary>;
export type CondensedDomain = z.infer<typeof domainSchema>;

/** api3's privacy words in the agent's terms (set_privacy's values). */
export const PRIVACY_TERMS: Record<string, string> = { none: 'off', partial: 'partial', full: 'full' };
/**
 * api3's renew option words in the agent's terms (set_renew_option's values), so a read answers
 * what a write takes; "no renew option" is `reset` (explained once, in the server instructions).
 */
export const RENEW_TERMS: Record<string, string> = { 'auto renew': 'auto', 'do not renew': 'do_not_renew', 'no renew option': 'reset' };
export const inTerms = (terms: Record<string, string>, value: string | undefined) => (value === undefined ? undefined : (terms[value.toLowerCase()] ?? value));

const onlyTrue = (value: unknown): true | undefined => (flag(value) === true ? true : undefined);

export function condenseDomain(raw: Json, verbose = true): CondensedDomain {
  const whois = asJson(raw.Whois);
  const folder = asJson(raw.Folder);
  const folderId = idNumber(folder.FolderId);
  const summary = {
    name: text(raw.Name) ?? '',
    expires: epochToIso(raw.Expiration),
    locked: flag(raw.Locked),
    renew_option: inTerms(RENEW_TERMS, text(raw.RenewOption)),
    privacy: inTerms(PRIVACY_TERMS, text(raw.Privacy)),
    disabled: onlyTrue(raw.Disabled),
    hold: onlyTrue(raw.Hold),
  };
  if (!verbose) return prune(summary);
  return prune({
    ...summary,
    registered: epochToIso(raw.Registration),
    for_sale: flag(raw.isForSale),
    note: text(raw.Note),
    // api3 says folder -1 for "no folder"; idNumber reads it as no id.
    folder: folderId === undefined ? undefined : { id: folderId, name: text(folder.FolderName) },
    name_servers: raw.NameServerSettings === undefined ? undefined : condenseNameServerSetting(raw.NameServerSettings),
    contacts: Object.fromEntries(
      Object.entries(whois)
        .map(([role, value]) => [role.toLowerCase(), idNumber(asJson(value).ContactId)] as const)
        .filter((entry): entry is readonly [string, number] => entry[1] !== undefined),
    ),
    udrp_locked: onlyTrue(raw.UdrpLocked),
    registrant_unverified: onlyTrue(raw.RegistrantUnverified),
  });
}
