import { invokeRead } from '../src/server/define.js';
import type { AccountPort, ContactSummary, DomainSummary } from '../src/server/ports.js';
import accountInfo from './account/account_info.js';
import getAccountBalance from './account/get_account_balance.js';
import contactList from './contacts/contact_list.js';
import domainInfo from './domains/domain_info.js';
import getDns from './dns/get_dns.js';
import listDomain from './domains/list_domain.js';
import { folderMembers, readFolders, resolveFolder } from './folders/folder_list.js';
import { currentSettings } from './shared/service-preview.js';

/** list_domain's largest page: api3 answers the whole portfolio at once, so one page is one read. */
const PAGE_SIZE = 500;

/**
 * The account as the server and the shared helpers read it, through the catalog's own read
 * tools (so every read is a spec's call through `invoke`). The entry point wires it into the
 * server's tool context; src/ never imports the catalog for it.
 */
export const accountPort: AccountPort = {
  async balances(ctx) {
    return (await invokeRead(getAccountBalance, {}, ctx)).balances;
  },
  async accountBalance(ctx) {
    return (await invokeRead(accountInfo, {}, ctx)).balance;
  },
  async dnsSetting(domain, ctx) {
    return (await invokeRead(getDns, { domain }, ctx)).dns;
  },
  async dnsSettings(domains, ctx) {
    return (await currentSettings(domains, ctx)).settings;
  },
  /**
   * One list_domain read for any number of domains (more only past 500 in the account). One
   * domain is filtered by its name, so it is on the first page whatever the account's size.
   */
  async domains({ names, verbose = false }, ctx) {
    const wanted = names && new Set(names);
    const nameContains = names?.length === 1 ? names[0] : undefined;
    const found = new Map<string, DomainSummary>();
    for (let page = 1; ; page++) {
      const listed = await invokeRead(listDomain, { page, page_size: PAGE_SIZE, sort: 'name', verbose, ...(nameContains ? { name_contains: nameContains } : {}) }, ctx);
      for (const item of (listed.items ?? [])) if (!wanted || wanted.has(item.name)) found.set(item.name, item);
      if (!listed.has_more || (wanted && found.size === wanted.size)) return found;
    }
  },
  async folder(ref, ctx) {
    const { id, name } = await resolveFolder(ref, ctx);
    return { id, name };
  },
  async folderDomains(folderId, ctx) {
    return [...((await folderMembers(ctx)).get(folderId) ?? [])].sort();
  },
  async summary(ctx) {
    const info = await invokeRead(accountInfo, {}, ctx);
    return { ...info, balances: (await invokeRead(getAccountBalance, {}, ctx)).balances };
  },
  async domain(name, ctx) {
    return (await invokeRead(domainInfo, { domain: name }, ctx)).domain;
  },
  async folders(ctx) {
    return (await readFolders(ctx)).map(({ id, name }) => ({ id, name }));
  },
  async contacts(ctx) {
    return (await invokeRead(contactList, {}, ctx)).items.flatMap((contact): ContactSummary[] => {
      if (contact.id === undefined) return [];
      const { id, name, organization, email } = contact;
      return [{ id, ...(name ? { name } : {}), ...(organization ? { organization } : {}), ...(email ? { email } : {}) }];
    });
  },
};
