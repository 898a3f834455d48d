import { ownedDomain } from '../domains-util.js';
import { moveToFolder } from '../setting-scopes.js';
import type { SimAccount } from '../state.js';
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

export const folderHandlers: SimHandlers = {
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
