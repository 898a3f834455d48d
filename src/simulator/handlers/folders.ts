import { ownedDomain } from '../domains-util.js';
import { renderNameServerSettings } from '../render.js';
import { folderParam, moveToFolder } from '../setting-scopes.js';
import type { DomainSettings, SimAccount, SimFolder } from '../state.js';
import { required, SimFailure, type SimHandlers, type SimParams } from '../types.js';

/** The document's name for "no folder". */
const DEFAULT_FOLDER = 'Default';

/**
 * The folder set_folder names: `folder_id` when given, else `folder` by its exact name
 * (case-sensitive, as the document says); "Default" is no folder (-1).
 */
function folderIdOf(account: SimAccount, params: SimParams): number {
  const byId = params.folder_id;
  if (byId !== undefined && byId !== '') {
    const id = /^-?\d+$/.test(byId) ? Number(byId) : Number.NaN;
    if (id !== -1 && !account.folders.has(id)) throw new SimFailure(`folder ${byId} not found`);
    return id;
  }
  const name = required(params, 'folder');
  if (name === DEFAULT_FOLDER) return -1;
  const folder = [...account.folders.values()].find((f) => f.name === name);
  if (!folder) throw new SimFailure(`folder ${name} not found`);
  return folder.id;
}

/**
 * `folder_name` for a new or renamed folder: not empty, and no other folder's (names are
 * case-sensitive; "Default" stands for no folder, so no folder may take it).
 */
function newFolderName(account: SimAccount, params: SimParams, renamed?: SimFolder): string {
  const name = required(params, 'folder_name').trim();
  if (name === '') throw new SimFailure('missing required parameter: folder_name');
  const taken = name === DEFAULT_FOLDER || [...account.folders.values()].some((f) => f !== renamed && f.name === name);
  if (taken) throw new SimFailure(`folder name ${name} already exists`);
  return name;
}

const status = (enabled: boolean | undefined) => (enabled ? 'enable' : 'disable');

/**
 * One folder as folder_list shows it: each setting the folder keeps (or, when it keeps none,
 * the account default it follows) with whether it is given to domains moved in.
 */
function renderFolder(folder: SimFolder, defaults: DomainSettings): Record<string, unknown> {
  const { contacts, nameServers, renewOption } = folder.settings;
  const whois = contacts?.value ?? defaults.contacts;
  const id = (contactId: number) => ({ ContactId: String(contactId) });
  const nsStatus = status(nameServers?.enabled);
  return {
    FolderId: String(folder.id),
    FolderName: folder.name,
    DefaultWhois: {
      DefaultWhoisEnableStatus: status(contacts?.enabled),
      DefaultRegistrant: id(whois.registrant),
      DefaultAdmin: id(whois.admin),
      DefaultTechnical: id(whois.technical),
      DefaultBilling: id(whois.billing),
    },
    DefaultNameServers: {
      DefaultNameServerEnableStatus: nsStatus,
      // The document's JSON example spells the status so here (its XML and table as above): both are answered.
      DefaultTransferLockEnableStatus: nsStatus,
      NameServerSettings: renderNameServerSettings(nameServers?.value ?? defaults.nameServers),
    },
    DefaultRenewOption: { DefaultRenewOptionEnableStatus: status(renewOption?.enabled), RenewOption: renewOption?.value ?? defaults.renewOption },
    // The simulator keeps no folder transfer lock: every folder follows the account's (locked).
    DefaultTransferLock: { DefaultTransferLockEnableStatus: 'disable', LockStatus: 'locked' },
  };
}

export const folderHandlers: SimHandlers = {
  folder_list: {
    root: 'FolderListResponse',
    handle(_params, { account }) {
      return { ResponseCode: 0, Status: 'success', FolderList: [...account.folders.values()].map((f) => renderFolder(f, account.defaults)) };
    },
  },

  create_folder: {
    root: 'FolderCreateResponse',
    handle(params, { account }) {
      const name = newFolderName(account, params);
      const id = account.nextFolderId++;
      account.folders.set(id, { id, name, settings: {} });
      return { ResponseCode: '0', Status: 'success', FolderCreateContent: { FolderName: name, FolderId: String(id) } };
    },
  },

  set_folder_name: {
    root: 'SetFolderNameResponse',
    handle(params, { account }) {
      const folder = folderParam(account, params);
      folder.name = newFolderName(account, params, folder);
      return { ResponseCode: '0', Status: 'success' };
    },
  },

  /** Several folders at once; their domains are then in no folder and keep the settings they have. */
  delete_folder: {
    root: 'DeleteFolderResponse',
    handle(params, { account }) {
      const ids = required(params, 'folder_id').split(',');
      // Every id is checked before the first folder goes, so a refused request changes nothing.
      const folders = ids.map((id) => folderParam(account, { folder_id: id.trim() }));
      const gone = new Set(folders.map((f) => f.id));
      for (const domain of account.domains.values()) if (gone.has(domain.folderId)) domain.folderId = -1;
      for (const id of gone) account.folders.delete(id);
      // The example answers SuccessCode alone; ResponseCode beside it is what most commands answer.
      return { SuccessCode: 0, ResponseCode: 0, Status: 'success' };
    },
  },

  /** One domain into a folder; it takes the folder's settings marked for domains moved in. */
  set_folder: {
    root: 'SetFolderResponse',
    handle(params, { account }) {
      const domain = ownedDomain(account, required(params, 'domain'));
      moveToFolder(account, domain, folderIdOf(account, params));
      return { ResponseCode: '0', Status: 'success' };
    },
  },
};
