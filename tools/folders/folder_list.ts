import { z } from 'zod';
import { asJson, asList, idNumber, type Json, prune, text } from '../../src/server/condense.js';
import { defineTool, invokeRead, type ToolContext } from '../../src/server/define.js';
import listDomain from '../domains/list_domain.js';
import { condenseNameServerSetting, inTerms, RENEW_TERMS } from '../shared/domain.js';
import { type CondensedFolder, type FolderRef, findFolder, folderSchema } from '../shared/folder.js';

/** list_domain's largest page, with the account port's own parameters so the call reads it once. */
const PAGE_SIZE = 500;

/**
 * The domains in each folder, by folder id, from list_domain (folder_list tells no counts):
 * the same pages tools/ports.ts reads, so a preview that reads both pays once.
 */
export async function folderMembers(ctx: ToolContext): Promise<Map<number, string[]>> {
  const members = new Map<number, string[]>();
  for (let page = 1; ; page++) {
    const listed = await invokeRead(listDomain, { page, page_size: PAGE_SIZE, sort: 'name', verbose: true }, ctx);
    for (const domain of (listed.items ?? [])) {
      if (domain.folder === undefined) continue;
      members.set(domain.folder.id, [...(members.get(domain.folder.id) ?? []), domain.name]);
    }
    if (!listed.has_more) return members;
  }
}

const enabled = (value: unknown) => text(value)?.toLowerCase() === 'enable';

/**
 * A folder's settings in the agent's terms, only those it gives domains moved in (status
 * `enable`): a disabled one leaves them with the account default, so it is not shown.
 */
function settings(raw: Json) {
  const whois = asJson(raw.DefaultWhois);
  const ns = asJson(raw.DefaultNameServers);
  const renew = asJson(raw.DefaultRenewOption);
  const lock = asJson(raw.DefaultTransferLock);
  const contacts = Object.fromEntries(
    ['Registrant', 'Admin', 'Technical', 'Billing'].flatMap((role) => {
      const contactId = idNumber(asJson(whois[`Default${role}`]).ContactId);
      return contactId === undefined ? [] : [[role.toLowerCase(), contactId] as const];
    }),
  );
  // The document's JSON example spells the name servers' status DefaultTransferLockEnableStatus; its XML does not.
  const nsEnabled = enabled(ns.DefaultNameServerEnableStatus ?? ns.DefaultTransferLockEnableStatus);
  return prune({
    contacts: enabled(whois.DefaultWhoisEnableStatus) ? contacts : undefined,
    name_servers: nsEnabled ? condenseNameServerSetting(ns.NameServerSettings) : undefined,
    renew_option: enabled(renew.DefaultRenewOptionEnableStatus) ? inTerms(RENEW_TERMS, text(renew.RenewOption)) : undefined,
    locked: enabled(lock.DefaultTransferLockEnableStatus) ? text(lock.LockStatus)?.toLowerCase() === 'locked' : undefined,
  });
}

export function condenseFolders(body: Json, members?: Map<number, string[]>): CondensedFolder[] {
  return asList(body.FolderList).flatMap((raw) => {
    const id = idNumber(raw.FolderId);
    if (id === undefined) return [];
    return [prune({ id, name: text(raw.FolderName) ?? '', domains: members ? (members.get(id)?.length ?? 0) : undefined, settings: settings(raw) })];
  });
}

const folderList = defineTool({
  name: 'folder_list',
  toolset: 'folders',
  title: 'List folders',
  description: 'Folders: id, name, domain count, and the settings each gives domains moved in.',
  effect: 'read',
  input: z.object({ domain_counts: z.boolean().default(true) }),
  output: z.object({ folders: z.array(folderSchema) }),
  toApi: () => ({}),
  // Counting reads every page of list_domain: a lookup by name (resolveFolder) goes without.
  before: (args, ctx) => (args.domain_counts ? folderMembers(ctx) : Promise.resolve(undefined)),
  condense: (body, _args, members) => ({ folders: condenseFolders(body, members) }),
});

/** The account's folders, as folder_list condenses them, without domain counts: one folder_list read. */
export async function readFolders(ctx: ToolContext): Promise<CondensedFolder[]> {
  return (await invokeRead(folderList, { domain_counts: false }, ctx)).folders;
}

/**
 * The folder a reference (tools/shared/folder.ts) names, read from the account: one folder_list
 * read, which the call's read cache makes free the second time.
 */
export async function resolveFolder(ref: FolderRef, ctx: ToolContext): Promise<CondensedFolder> {
  return findFolder(await readFolders(ctx), ref);
}

export default folderList;
