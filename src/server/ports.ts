import type { Money } from './condense.js';
import type { ToolContext } from './define.js';

/**
 * What the server layer must know about the account (its balances, its domains, a domain's DNS)
 * without importing the catalog: the catalog implements this port (tools/ports.ts) with its own
 * read tools, and the entry point hands it to the server. Each method takes the call's context,
 * so its reads go through the same api3 client and cancellation signal as the call itself.
 *
 * The shapes are the catalog's condensed ones (tools/shared/domain.ts checks its schemas against
 * them); they are types, not interfaces, so a snapshot can hold them as JSON.
 */

/**
 * A DNS record in the words the write tools take (set_dns2's records), so a read can be edited
 * and written back as it is: api3's second value (`Value2`, `recordx`) is the MX priority, the
 * forward kind, the stealth title or the email alias, each under its own name.
 */
export type DnsRecordSummary = {
  /** Absent for records of the domain itself. */
  subdomain?: string;
  type: string;
  value: string;
  priority?: number;
  /** Forwarding: false for a 302 (temporary) redirect. */
  permanent?: boolean;
  title?: string;
  alias?: string;
};

/** A domain's name server setting: Dynadot DNS with its records, outside name servers, or a Dynadot service. */
export type DnsSetting = {
  /** dynadot_dns, name_servers, dynadot_parking, forwarding, stealth, hosting, ... */
  type: string;
  name_servers?: string[];
  with_ads?: boolean;
  ttl?: number;
  records?: DnsRecordSummary[];
  forward_to?: string;
};

/** A domain as the account's list sums it up; name servers, note and contacts only when read verbose. */
export type DomainSummary = {
  name: string;
  expires?: string;
  locked?: boolean;
  privacy?: string;
  renew_option?: string;
  note?: string;
  name_servers?: DnsSetting;
  /** Contact ids by role (registrant, admin, technical, billing). */
  contacts?: Record<string, number>;
};

/** A folder as a tool argument names it: by id, by exact name, or both (then they must agree). */
export interface FolderRef {
  folder?: string | undefined;
  folder_id?: number | undefined;
}

export type FolderSummary = { id: number; name: string };

/** A contact as a person picks it: its id, and the words that tell which one it is. */
export type ContactSummary = { id: number; name?: string; organization?: string; email?: string };

export interface DomainQuery {
  /** Only these domains (one read for any number of them); without it, every domain of the account. */
  names?: readonly string[];
  /** Also name servers, note and contacts. */
  verbose?: boolean;
}

export interface AccountPort {
  /** The balance in each currency the account holds. */
  balances(ctx: ToolContext): Promise<Money[]>;
  /** The balance the account's own summary shows: where the balances list tells no currency. */
  accountBalance(ctx: ToolContext): Promise<Money | undefined>;
  /** One domain's current DNS setting. */
  dnsSetting(domain: string, ctx: ToolContext): Promise<DnsSetting>;
  /**
   * The current DNS setting of each of these domains, in as few reads as api3 allows; a name the
   * account does not hold is absent.
   */
  dnsSettings(domains: readonly string[], ctx: ToolContext): Promise<Map<string, DnsSetting>>;
  /** The account's summary of its domains, by name, in name order; a name the account does not hold is absent. */
  domains(query: DomainQuery, ctx: ToolContext): Promise<Map<string, DomainSummary>>;
  /** The folder a reference names; not_found, naming folder_list, when the account has none such. */
  folder(ref: FolderRef, ctx: ToolContext): Promise<FolderSummary>;
  /** The domains in a folder now, in name order. */
  folderDomains(folderId: number, ctx: ToolContext): Promise<string[]>;
  /** The account's own summary (account_info's condensed answer) with the balance in each currency. */
  summary(ctx: ToolContext): Promise<Record<string, unknown>>;
  /** One domain as domain_info condenses it; not_found when the account does not hold it. */
  domain(name: string, ctx: ToolContext): Promise<Record<string, unknown>>;
  /** The account's folders, without reading their domains. */
  folders(ctx: ToolContext): Promise<FolderSummary[]>;
  /** The account's contacts. */
  contacts(ctx: ToolContext): Promise<ContactSummary[]>;
}
