import { z } from 'zod';
import { defineTool, invokeRead, type ToolContext } from '../../src/server/define.js';
import { domainList } from '../../src/server/schemas.js';
import { Api3Error } from '../../src/api3/errors.js';
import getDns from './get_dns.js';
import type { NameServerSetting } from '../shared/domain.js';
import { notInAccount, SHOWN_DOMAINS } from '../shared/write.js';
import { boundSettings, currentSettings } from '../shared/service-preview.js';
import { asWritten, cnameBreaks, type DnsRecordInput, dnsFields, isMain, recordParams, sameRecord as exactlyLike, writtenFromInput, writtenRecordSchema } from '../shared/dns-records.js';
import { apiParams, commaList, flagParam } from '../../src/api3/params.js';

/** Read-back after a write costs one call per domain; beyond this many it is skipped. */
const MAX_VERIFIED_DOMAINS = 10;

const input = z.object({
  domains: domainList(100),
  ...dnsFields,
  append: z.boolean().default(false).describe('Add to the current records'),
});
type Input = z.infer<typeof input>;

/** What the call read before it writes: the domains whose service it replaces, and the records to append each one already has. */
interface ReadBefore {
  replaced: string[];
  alreadyThere: DnsRecordInput[];
}

/** The records to send: appending, not those every domain already has exactly (api3 would add them a second time). */
const toSend = (args: Input, before?: ReadBefore) => args.records.filter((r) => !before?.alreadyThere.includes(r));

function toApi(args: Input, before?: ReadBefore) {
  return apiParams({ domain: commaList(args.domains) }, recordParams(toSend(args, before), args.ttl), {
    add_dns_to_current_setting: flagParam.oneWhenOn(args.append),
  });
}

async function currentDns(domain: string, ctx: ToolContext): Promise<NameServerSetting> {
  return (await invokeRead(getDns, { domain }, ctx)).dns;
}

const sameRecord = (want: DnsRecordInput, have: NonNullable<NameServerSetting['records']>[number]) =>
  have.type === want.type &&
  // get_dns's condensing trims values, so compare trimmed on both sides.
  have.value.trim().toLowerCase() === want.value.trim().toLowerCase() &&
  (have.subdomain ?? '') === (isMain(want) ? '' : want.subdomain);

/** api3 has been seen to apply DNS writes late or partly, so each write is read back and compared. */
async function verify(args: Input, ctx: ToolContext) {
  const checked = args.domains.slice(0, MAX_VERIFIED_DOMAINS);
  const mismatches: Array<{ domain: string; missing: string[] }> = [];
  for (const [index, domain] of checked.entries()) {
    const dns = await currentDns(domain, ctx);
    const missing = args.records.filter((want) => !(dns.records ?? []).some((have) => sameRecord(want, have)));
    if (missing.length > 0) mismatches.push({ domain, missing: missing.map((r) => `${isMain(r) ? '@' : r.subdomain} ${r.type} ${r.value}`) });
    if (checked.length > 1) ctx.progress?.(index + 1, checked.length, `${domain} read back`);
  }
  return { checked: checked.length, of: args.domains.length, mismatches };
}

type Verification = Awaited<ReturnType<typeof verify>>;

/** Nothing read back yet. */
const unverified = (args: Input): Verification => ({ checked: 0, of: args.domains.length, mismatches: [] });

/**
 * Whether an append is safe without a preview: every domain is on Dynadot DNS (one on outside
 * name servers, parking or forwarding has no records to append to, so api3 moves it to Dynadot
 * DNS with the given records alone: a site and mail outage), and no appended CNAME breaks the
 * records of its name. Past MAX_VERIFIED_DOMAINS the domains are not read one by one: not safe.
 */
async function appendIsSafe(args: Input, ctx: ToolContext): Promise<boolean> {
  if (args.domains.length > MAX_VERIFIED_DOMAINS) return false;
  for (const domain of args.domains) {
    const dns = await currentDns(domain, ctx);
    if (dns.type !== 'dynadot_dns' || appendBreaks(dns, args).length > 0) return false;
  }
  return true;
}

/** Where the records after an append break DNS's rule that a CNAME stands alone (cnameBreaks). */
const appendBreaks = (dns: NameServerSetting, args: Input) => cnameBreaks([...(dns.type === 'dynadot_dns' ? (dns.records ?? []) : []), ...args.records]);

/** The shown domains whose records an append would break, for the preview. */
function breaksOf(current: ReadonlyArray<[string, NameServerSetting]>, args: Input) {
  const breaks: Record<string, string[]> = {};
  for (const [domain, dns] of current) {
    const found = appendBreaks(dns, args);
    if (found.length > 0) breaks[domain] = found;
  }
  return Object.keys(breaks).length > 0 ? { breaks } : {};
}

/** What append on a domain not on Dynadot DNS does, said where the preview shows that domain. */
const appendReplaces = (dns: NameServerSetting) =>
  `not on Dynadot DNS (${dns.type}): append replaces that with only these records, so its website and email stop working unless the records cover them`;

/**
 * Appending, the records every domain already has exactly (same name, type, value and priority
 * or the like): api3 would write them again, so they are left out and the answer names them. A
 * record some domains have and others not cannot be sent to all of them in one call: refused.
 */
function alreadyThere(args: Input, settings: Map<string, NameServerSetting>): DnsRecordInput[] {
  const having = (record: DnsRecordInput) => args.domains.filter((d) => (settings.get(d)?.records ?? []).some((have) => exactlyLike(record, have)));
  const already: DnsRecordInput[] = [];
  const onSome: string[] = [];
  for (const record of args.records) {
    const where = having(record);
    if (where.length === args.domains.length) already.push(record);
    else if (where.length > 0) onSome.push(`${describe(record)} (already on ${where.join(', ')})`);
  }
  if (onSome.length > 0) {
    throw new Api3Error('invalid_input', `some records are already on some of the domains but not all: ${onSome.join('; ')}; nothing was sent`, {
      hint: 'Append to those domains in separate calls, or leave those records out.',
    });
  }
  return already;
}

const describe = (r: DnsRecordInput) => `${isMain(r) ? '@' : r.subdomain} ${r.type} ${r.value}`;

/**
 * The write's answer: what it replaced, as read before it (`replaced`; without that read, all the
 * domains unless appending), and the records left out because every domain had them already.
 * The read-back fills in `verification`.
 */
function confirmation(args: Input, before?: ReadBefore) {
  const replaced = before?.replaced ?? (args.append ? [] : args.domains);
  const already = before?.alreadyThere ?? [];
  const appendReplaced = args.append && replaced.length > 0 ? { replaced_on: [...replaced] } : {};
  return {
    done: true as const,
    domains: args.domains,
    changed: {
      records: args.records.length - already.length,
      replaced_existing: replaced.length > 0,
      ...appendReplaced,
      ...(already.length > 0 ? { already_there: already.map(writtenFromInput) } : {}),
      ...(args.ttl ? { ttl: args.ttl } : {}),
    },
    verification: unverified(args),
  };
}

export default defineTool({
  name: 'set_dns2',
  toolset: 'dns',
  everyday: true,
  title: 'Set DNS records',
  description:
    'Set the Dynadot DNS records of domains, replacing all records (or the name servers, parking or forwarding in use), or append to them.',
  effect: 'destructive',
  snapshotOf: (args) => args.domains,
  input,
  output: z.object({
    done: z.literal(true),
    domains: z.array(z.string()),
    changed: z.object({
      records: z.number(),
      replaced_existing: z.boolean(),
      replaced_on: z.array(z.string()).optional().describe('append: domains whose service was replaced'),
      already_there: z.array(writtenRecordSchema).optional().describe('append: records every domain had already, not written again'),
      ttl: z.number().optional(),
    }),
    verification: z.object({
      checked: z.number(),
      of: z.number(),
      mismatches: z.array(z.object({ domain: z.string(), missing: z.array(z.string()) })).describe('records not visible yet; api3 may apply late'),
    }),
  }),
  async needsConfirm(args, ctx) {
    if (!args.append) return true;
    try {
      return !(await appendIsSafe(args, ctx));
    } catch {
      // Not knowing is not safe: the preview reads again and says what went wrong.
      return true;
    }
  },
  toApi,
  /**
   * Appending, what every domain has is read before the write (one list_domain, get_dns for those
   * on Dynadot DNS), so the answer tells the truth about what append replaced and what was there.
   */
  async before(args, ctx): Promise<ReadBefore> {
    if (!args.append) return { replaced: args.domains, alreadyThere: [] };
    const { found, settings } = await currentSettings(args.domains, ctx);
    return { replaced: args.domains.filter((d) => found.get(d)?.name_servers?.type !== 'dynadot_dns'), alreadyThere: alreadyThere(args, settings) };
  },
  unchanged: (args, before) => (toSend(args, before).length === 0 ? confirmation(args, before) : undefined),
  condense: (_body, args, before) => confirmation(args, before),
  async readBack(args, ctx) {
    try {
      return { verification: await verify(args, ctx) };
    } catch (error) {
      const reason = error instanceof Api3Error ? error.code : 'error';
      return { verification: { checked: 0, of: args.domains.length, mismatches: [{ domain: '*', missing: [`read-back failed (${reason}); check with get_dns`] }] } };
    }
  },
  /**
   * The first few domains' settings replaced (or kept, appending); the confirmation binds every
   * domain's, read in bulk: one list_domain, get_dns only for those on Dynadot DNS.
   */
  async preview(args, ctx) {
    const { found, settings } = await currentSettings(args.domains, ctx);
    const refusals = notInAccount(args.domains, found);
    const shown = args.domains.slice(0, SHOWN_DOMAINS);
    const current = shown.flatMap((domain): Array<[string, NameServerSetting]> => {
      const dns = settings.get(domain);
      return dns ? [[domain, dns]] : [];
    });
    const base = { bound: boundSettings(settings), ...(refusals ? { refusals } : {}) };
    // Records as a person writes them (MX priority, not api3's extra).
    const asShown = (dns: NameServerSetting) => (dns.records ? { ...dns, records: dns.records.map(asWritten) } : dns);
    const more = args.domains.length > shown.length ? { and_more_domains: args.domains.length - shown.length } : {};
    const offDns = current.filter(([, dns]) => dns.type !== 'dynadot_dns');
    if (args.append) {
      return {
        ...base,
        facts: {
          replaces_current_setting: Object.fromEntries(offDns.map(([d, dns]) => [d, { ...asShown(dns), append: appendReplaces(dns) }])),
          keeps_current_records: current.filter(([, dns]) => dns.type === 'dynadot_dns').map(([d]) => d),
          ...breaksOf(current, args),
          ...more,
          ...(args.domains.length > MAX_VERIFIED_DOMAINS
            ? { note: `More than ${MAX_VERIFIED_DOMAINS} domains are not checked one by one: on any not on Dynadot DNS, append replaces its current setting.` }
            : {}),
        },
      };
    }
    // Append keeps records only where every domain is on Dynadot DNS; say so only when it is true.
    const allShownOnDns = offDns.length === 0;
    const tip =
      allShownOnDns && args.domains.length === shown.length
        ? { tip: 'To add records without removing these, call again with append: true (no confirm needed).' }
        : allShownOnDns
          ? { tip: 'append: true adds records without removing these; it needs no confirm only when every domain is on Dynadot DNS.' }
          : {};
    return { ...base, facts: { replaces_current_records: Object.fromEntries(current.map(([d, dns]) => [d, asShown(dns)])), ...more, ...tip } };
  },
});
