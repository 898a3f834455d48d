import { type Json, prune } from '../../src/server/condense.js';
import type { PreviewOutcome, ToolContext } from '../../src/server/define.js';
import type { DnsSetting, DomainSummary } from '../../src/server/ports.js';
import { asWritten } from './dns-records.js';
import type { NameServerSetting } from './domain.js';
import { nameServersBefore } from './settings.js';
import { notInAccount, SHOWN_DOMAINS } from './write.js';

/**
 * Previews of the settings that replace what domains point at or how their mail goes
 * (forwarding, stealth, hosting, email forwarding, clearing a service): the domains the account
 * does not hold (one list_domain read) as a refusal, and for the first few of the others their
 * setting now (get_dns), so the user sees what goes.
 */

/** A domain's service now, as replacing it loses it: Dynadot DNS records as a person writes them. */
export function serviceNow(dns: DnsSetting): Json {
  if (dns.type === 'dynadot_dns') return prune({ service: dns.type, dns_records_dropped: (dns.records ?? []).map(asWritten), ttl: dns.ttl });
  return { ...nameServersBefore(dns), ...(dns.with_ads === undefined ? {} : { with_ads: dns.with_ads }) };
}

/** Where a domain's mail goes now, as far as a read can tell: its MX records on Dynadot DNS, or its name servers. */
export function mailNow(dns: DnsSetting): Json {
  if (dns.type === 'name_servers') return { name_servers: dns.name_servers ?? [] };
  const mx = (dns.records ?? []).filter((r) => r.type === 'mx').map(asWritten);
  return { service: dns.type, ...(mx.length > 0 ? { mx_records: mx } : {}) };
}

const DROPPED = 'The DNS records listed stop answering (website, email, verification) once this is in place.';

/** Every domain's setting now, and the account's summary of each (absent: not in the account). */
export interface CurrentSettings {
  found: Map<string, DomainSummary>;
  settings: Map<string, DnsSetting>;
}

/**
 * What every domain of a call has now, in as few reads as api3 allows: one verbose list_domain
 * for all of them (the service each is on, its name servers, contacts), then get_dns only for
 * those on Dynadot DNS, whose records list_domain does not carry. Each fact is read once.
 */
export async function currentSettings(domains: readonly string[], ctx: ToolContext): Promise<CurrentSettings> {
  const found = await ctx.account.domains({ names: domains, verbose: true }, ctx);
  const settings = new Map<string, DnsSetting>();
  for (const [index, domain] of domains.entries()) {
    const listed = found.get(domain)?.name_servers;
    if (!found.has(domain) || settings.has(domain)) continue;
    const loadsBefore = ctx.reads?.loads;
    settings.set(domain, listed && listed.type !== 'dynadot_dns' ? listed : await ctx.account.dnsSetting(domain, ctx));
    // Domain by domain, as each get_dns waits its turn (60 a minute on a regular account); a
    // second pass over what this call already read (the snapshot after the preview) is no step.
    if (domains.length > 1 && ctx.reads?.loads !== loadsBefore) ctx.progress?.(index + 1, domains.length, `current settings of ${domain} read`);
  }
  return { found, settings };
}

/**
 * What a confirmation binds beyond the domains a preview lists: the setting every domain has now
 * (its service and records), so a change on the sixth domain voids the id as one on the first does.
 */
export const boundSettings = (settings: Map<string, DnsSetting>): Json => ({ replaced: Object.fromEntries(settings) });

export interface ServicePreviewOptions {
  /** What each shown domain has now; default: its service, with the DNS records it loses. */
  describe?(dns: DnsSetting, domain: string): Json;
  /** Said once, beside the domains (what no read can tell). */
  note?: string;
  /** Said when a listed domain loses DNS records; default: they stop answering once this is in place. */
  warning?: string;
}

export async function servicePreview(domains: readonly string[], ctx: ToolContext, options: ServicePreviewOptions = {}): Promise<PreviewOutcome> {
  const describe = options.describe ?? serviceNow;
  const { found, settings } = await currentSettings(domains, ctx);
  const owned = domains.filter((d) => settings.has(d));
  const shown = owned.slice(0, SHOWN_DOMAINS);
  const current: Record<string, Json> = {};
  for (const domain of shown) {
    const dns = settings.get(domain);
    if (dns) current[domain] = describe(dns, domain);
  }
  const drops = Object.values(current).some((c) => Array.isArray(c.dns_records_dropped) && c.dns_records_dropped.length > 0);
  const refusals = notInAccount(domains, found);
  return {
    facts: {
      current,
      ...(owned.length > shown.length ? { and_more_domains: owned.length - shown.length } : {}),
      ...(drops ? { warning: options.warning ?? DROPPED } : {}),
      ...(options.note ? { note: options.note } : {}),
    },
    bound: boundSettings(settings),
    ...(refusals ? { refusals } : {}),
  };
}

/** The services that decide what a domain resolves to, as get_dns names each. */
const RESOLVES_AS: Record<string, string> = { forward: 'forwarding', stealth: 'stealth_forwarding', dns: 'dynadot_dns', nameservers: 'name_servers' };

/** Clearing DNS, name servers or a forward changes what the domains resolve to: the server snapshots that first. */
export const clearingChangesResolution = (service: string) => RESOLVES_AS[service] !== undefined;

const CLEAR_NOTES: Record<string, string> = {
  email_forwarding: "api3 cannot read a domain's email forwarding: whatever it has is removed.",
  dnssec: "api3 cannot read a domain's DNSSEC: its key at the registry is removed and resolvers stop validating the domain.",
};

/** The preview of clearing a service on domains (set_clear_domain_setting, a synced set_clear_folder_setting): per domain, whether it uses that service now, and what goes with it. */
export function clearServicePreview(service: string, domains: readonly string[], ctx: ToolContext): Promise<PreviewOutcome> {
  const type = RESOLVES_AS[service];
  const describe = (dns: NameServerSetting) => {
    if (!type) return mailNow(dns);
    if (dns.type === type) return { ...serviceNow(dns), uses_it_now: true };
    const { dns_records_dropped: _kept, ...now } = serviceNow(dns);
    return { ...now, uses_it_now: false };
  };
  return servicePreview(domains, ctx, { describe, note: CLEAR_NOTES[service] ?? 'A domain whose service is cleared shows the parking page.' });
}
