import { z } from 'zod';
import { apiParams, commaList } from '../../src/api3/params.js';
import { type Json, prune } from '../../src/server/condense.js';
import { defineTool, invokeRead, type PreviewOutcome, type ToolContext } from '../../src/server/define.js';
import { id, idOut } from '../../src/server/schemas.js';
import listDomain from '../domains/list_domain.js';
import serverList from './server_list.js';

/** list_domain pages (of 500) read to find the domains that use a host: bounded for huge accounts. */
const MAX_PAGES = 4;
const PAGE_SIZE = 500;
/** Domains named one by one in a fact or a refusal; the rest are counted. */
export const SHOWN = 10;

export type AccountHost = z.infer<typeof serverList.output>['items'][number];

/** The account's domains with the name server hosts each uses (none for Dynadot DNS, parking, ...). */
export interface AccountDomains {
  domains: Array<{ name: string; hosts: string[] }>;
  /** false when the account has more domains than were read. */
  complete: boolean;
}

export async function accountDomains(ctx: ToolContext): Promise<AccountDomains> {
  const domains: AccountDomains['domains'] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const listed = await invokeRead(listDomain, { page, page_size: PAGE_SIZE, sort: 'name', verbose: true }, ctx);
    for (const d of (listed.items ?? [])) {
      const setting = d.name_servers;
      const hosts = setting?.type === 'name_servers' ? (setting.name_servers ?? []) : [];
      domains.push({ name: d.name.toLowerCase(), hosts: hosts.map((h) => h.toLowerCase()) });
    }
    if (!listed.has_more) return { domains, complete: true };
  }
  return { domains, complete: false };
}

/** The domains of the account whose name servers include `host`. */
export const domainsUsing = (host: string, account: AccountDomains): string[] =>
  account.domains.filter((d) => d.hosts.includes(host.toLowerCase())).map((d) => d.name);

/** Whether `host` is one of the account's domains or under one (where its glue IPs are set). */
export const underOwnDomain = (host: string, account: AccountDomains): boolean =>
  account.domains.some((d) => host.toLowerCase() === d.name || host.toLowerCase().endsWith(`.${d.name}`));

export const shortList = (names: readonly string[]): string =>
  names.length > SHOWN ? `${names.slice(0, SHOWN).join(', ')} and ${names.length - SHOWN} more` : names.join(', ');

export const partialNote = (account: AccountDomains): Json =>
  account.complete ? {} : { note: `only the first ${MAX_PAGES * PAGE_SIZE} domains of the account were checked for use of the host` };

/**
 * A deletion's preview: each host with its glue IPs and the domains that use it (found by reads);
 * a host unknown to the account, or still the name server of a domain, is refused as api3 would.
 */
export async function previewDeletion(found: readonly AccountHost[], unknown: readonly string[], ctx: ToolContext): Promise<PreviewOutcome> {
  const refusals = unknown.map((what) => `no name server ${what} in this account (server_list lists them)`);
  if (found.length === 0) return { facts: {}, refusals };
  const account = await accountDomains(ctx);
  const hosts = found.map((server) => {
    const usedBy = domainsUsing(server.name, account);
    if (usedBy.length > 0) {
      refusals.push(`${server.name} is the name server of ${shortList(usedBy)}: point ${usedBy.length === 1 ? 'that domain' : 'those domains'} at other name servers first (set_ns), then delete it`);
    }
    return { ...prune({ server_id: server.id, host: server.name, ips: server.ips }), used_by: usedBy.slice(0, SHOWN) };
  });
  return { facts: { hosts, ...partialNote(account) }, ...(refusals.length > 0 ? { refusals } : {}) };
}

const input = z.object({
  server_ids: z
    .array(id())
    .min(1)
    .max(20, 'at most 20 name servers per call')
    .refine((ids) => new Set(ids).size === ids.length, { message: 'each id may appear only once' })
    .describe('ids from server_list'),
});

export default defineTool({
  name: 'delete_ns',
  toolset: 'nameservers',
  title: 'Delete name servers',
  description: 'Delete name server hosts from the account by server id (server_list). Refused while a domain uses them.',
  effect: 'destructive',
  input,
  output: z.object({ deleted: z.literal(true), server_ids: z.array(idOut) }),
  toApi: (args) => apiParams({ server_id: commaList(args.server_ids.map(String)) }),
  condense: (_body, args) => ({ deleted: true as const, server_ids: args.server_ids }),
  async preview(args, ctx) {
    const { items } = await invokeRead(serverList, {}, ctx);
    const found = args.server_ids.map((sid) => items.find((s) => s.id === sid));
    return previewDeletion(
      found.filter((s): s is AccountHost => s !== undefined),
      args.server_ids.filter((_, i) => found[i] === undefined).map((sid) => `with id ${sid}`),
      ctx,
    );
  },
});
