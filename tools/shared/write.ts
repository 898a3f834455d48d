import { z } from 'zod';
import type { Json } from '../../src/server/condense.js';
import type { ToolContext } from '../../src/server/define.js';
import type { DomainSummary } from '../../src/server/ports.js';

/** What a domain had before a settings write, by domain: enough to set it back. */
export const previousSchema = z.record(z.string(), z.record(z.string(), z.unknown())).optional().describe('the settings before, by domain');

/** The confirmation a settings write returns: what changed, on which domains, and what was there before. */
export const changedSchema = z.object({
  done: z.literal(true),
  domains: z.array(z.string()),
  changed: z.record(z.string(), z.unknown()).describe('the settings now in place'),
  previous: previousSchema,
});

export function changed(domains: string[], settings: Record<string, unknown>) {
  return { done: true as const, domains, changed: settings };
}

/** Domains of the call that the account does not hold, as a preview's refusal; none: undefined. */
export function notInAccount(domains: readonly string[], found: Map<string, unknown>): string[] | undefined {
  const missing = domains.filter((d) => !found.has(d));
  return missing.length > 0 ? [`not in this account: ${missing.join(', ')}`] : undefined;
}

/** At most this many domains are shown one by one in a preview; the rest are counted. */
export const SHOWN_DOMAINS = 5;

/** The first domains of a call, each with what `describe` says of it, and how many more there are. */
export function perDomain<T>(domains: readonly string[], describe: (domain: string) => T): { current: Record<string, T>; and_more_domains?: number } {
  const shown = domains.slice(0, SHOWN_DOMAINS);
  return {
    current: Object.fromEntries(shown.map((d) => [d, describe(d)])),
    ...(domains.length > shown.length ? { and_more_domains: domains.length - shown.length } : {}),
  };
}

/** What `describe` says of every domain of a call: what a confirmation binds beyond the few a preview lists. */
export function everyDomain<T>(domains: readonly string[], describe: (domain: string) => T): Record<string, T> {
  return Object.fromEntries(domains.map((d) => [d, describe(d)]));
}

/**
 * The preview of a flag set on many domains at once (privacy, renew option): each domain's current
 * value and expiry from one list_domain read, what the change means, and a refusal for domains
 * not in the account.
 */
export async function currentValuePreview(domains: readonly string[], ctx: ToolContext, current: (domain: DomainSummary | undefined) => Json, note: string) {
  const found = await ctx.account.domains({ names: domains }, ctx);
  const describe = (d: string) => ({ ...current(found.get(d)), expires: found.get(d)?.expires });
  const refusals = notInAccount(domains, found);
  return { facts: { ...perDomain(domains, describe), note }, bound: everyDomain(domains, describe), ...(refusals ? { refusals } : {}) };
}

export { inTerms, PRIVACY_TERMS, RENEW_TERMS } from './domain.js';
