import { ownedDomainList } from './domains-util.js';
import { cleared, isSlot, type SettingKind, type Slot, type Update, yesNo } from './settings.js';
import type { DomainSettings, FolderSetting, SimAccount, SimDomain, SimFolder } from './state.js';
import { required, SimFailure, type SimHandler, type SimParams } from './types.js';

/**
 * The three scopes api3 applies a setting kind in, with the same parameters: `domain=a.com,b.com`
 * (set_ns), `folder_id` with `enable` and `sync` (set_folder_ns), and the account default for
 * domains registered later (set_default_ns). Each factory makes a command's handler from a kind;
 * every check runs before the first change, so a refused request changes nothing.
 */
export interface ScopeOptions {
  /** The example's `ResponseCode`: some commands answer the number 0, most the string "0". */
  code?: 0 | '0';
  /** Content beside the envelope, from the value now in place in that scope (`SetDefaultNsContent`). */
  content?(value: DomainSettings[Slot] | undefined, account: SimAccount): Record<string, unknown>;
}

const envelope = (options: ScopeOptions) => ({ ResponseCode: options.code ?? '0', Status: 'success' });

/** A domain or the account defaults takes the update; a cleared setting goes back to `cleared()`. */
export function applyTo<S extends Slot>(holder: DomainSettings, update: Update<S>): void {
  const value = update.next(holder[update.slot]) ?? cleared()[update.slot];
  holder[update.slot] = structuredClone(value);
}

function applyToFolder<S extends Slot>(folder: SimFolder, update: Update<S>, enabled: boolean): void {
  // The folder's settings seen as holding slot S only, which TypeScript can write with a key of type S.
  const settings: { [P in S]?: FolderSetting<DomainSettings[P]> } = folder.settings;
  const value = update.next(settings[update.slot]?.value);
  if (value === undefined) delete settings[update.slot];
  else settings[update.slot] = { value: structuredClone(value), enabled };
}

/** A domain takes a folder's setting of one slot when the folder gives it to domains moved in. */
function takeFromFolder<S extends Slot>(domain: DomainSettings, folder: SimFolder, slot: S): void {
  const setting = folder.settings[slot];
  if (setting?.enabled) domain[slot] = structuredClone(setting.value);
}

/** `folder_id`: an existing folder's id. */
export function folderParam(account: SimAccount, params: SimParams): SimFolder {
  const id = required(params, 'folder_id');
  const folder = /^\d+$/.test(id) ? account.folders.get(Number(id)) : undefined;
  if (!folder) throw new SimFailure(`folder ${id} not found`);
  return folder;
}

export function domainsScope(kind: SettingKind, root: string, options: ScopeOptions = {}): SimHandler {
  return {
    root,
    handle(params, { account }) {
      const domains = ownedDomainList(account, required(params, 'domain'));
      const update = kind.read(params, account, 'domains');
      for (const domain of domains) applyTo(domain, update);
      return envelope(options);
    },
  };
}

/**
 * The setting is kept on the folder; `enable=yes` gives it to domains moved in later
 * (`moveToFolder`), `sync=yes` to the folder's domains now.
 */
export function folderScope(kind: SettingKind, root: string, options: ScopeOptions = {}): SimHandler {
  return {
    root,
    handle(params, { account }) {
      const folder = folderParam(account, params);
      const update = kind.read(params, account, 'folder');
      const enabled = yesNo(params, 'enable', false);
      const sync = yesNo(params, 'sync', false);
      applyToFolder(folder, update, enabled);
      if (sync) {
        for (const domain of account.domains.values()) if (domain.folderId === folder.id) applyTo(domain, update);
      }
      return { ...envelope(options), ...options.content?.(folder.settings[update.slot]?.value, account) };
    },
  };
}

/** The account default: stored in `account.defaults`, taken by `register` for each new domain. */
export function defaultScope(kind: SettingKind, root: string, options: ScopeOptions = {}): SimHandler {
  return {
    root,
    handle(params, { account }) {
      const update = kind.read(params, account, 'default');
      applyTo(account.defaults, update);
      return { ...envelope(options), ...options.content?.(account.defaults[update.slot], account) };
    },
  };
}

/** A domain moved into a folder (-1: none) takes the folder's settings marked `enabled`. */
export function moveToFolder(account: SimAccount, domain: SimDomain, folderId: number): void {
  const folder = account.folders.get(folderId);
  if (folderId !== -1 && !folder) throw new SimFailure(`folder ${folderId} not found`);
  domain.folderId = folderId;
  if (folder) for (const slot of Object.keys(folder.settings).filter(isSlot)) takeFromFolder(domain, folder, slot);
}

/** A new domain's settings: the account defaults, each its own copy. */
export function defaultsFor(account: SimAccount): DomainSettings {
  return structuredClone(account.defaults);
}
