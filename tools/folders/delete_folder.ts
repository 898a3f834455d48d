import { z } from 'zod';
import { apiParams, commaList } from '../../src/api3/params.js';
import { defineTool, type ToolContext } from '../../src/server/define.js';
import { id, idOut } from '../../src/server/schemas.js';
import { type CondensedFolder, findFolder, folderName } from '../shared/folder.js';
import { folderMembers, readFolders } from './folder_list.js';

const unique = <T>(list: readonly T[]) => new Set(list).size === list.length;

const input = z
  .object({
    folder_ids: z.array(id()).min(1).max(100).refine(unique, { message: 'each folder may appear only once' }).optional(),
    folders: z.array(folderName).min(1).max(100).refine(unique, { message: 'each folder may appear only once' }).optional(),
  })
  .refine((args) => args.folder_ids !== undefined || args.folders !== undefined, { message: 'give folder_ids or folders (names)', path: ['folder_ids'] });
type Input = z.infer<typeof input>;

/** Every folder the call names, by id and by name, once each, as folder_list shows them. */
async function named(args: Input, ctx: ToolContext): Promise<CondensedFolder[]> {
  const all = await readFolders(ctx);
  const found = [...(args.folder_ids ?? []).map((folderId) => findFolder(all, { folder_id: folderId })), ...(args.folders ?? []).map((name) => findFolder(all, { folder: name }))];
  return [...new Set(found)];
}

/** Domains a preview names per folder; the rest are counted (and bound all the same). */
const SHOWN = 10;

export default defineTool({
  name: 'delete_folder',
  toolset: 'folders',
  title: 'Delete folders',
  description: 'Delete folders. Their domains end up in no folder and keep their current settings; the folder settings are lost.',
  effect: 'destructive',
  input,
  output: z.object({ deleted: z.array(idOut) }),
  // api3 takes ids only: names are looked up first (the preview's read, from the call's cache).
  before: named,
  toApi: (args: Input, folders?: CondensedFolder[]) => apiParams({ folder_id: commaList((folders?.map((f) => f.id) ?? args.folder_ids ?? []).map(String)) }),
  condense: (_body, args: Input, folders?: CondensedFolder[]) => ({ deleted: folders?.map((f) => f.id) ?? args.folder_ids ?? [] }),
  async preview(args, ctx) {
    const folders = await named(args, ctx);
    const members = await folderMembers(ctx);
    const domainsOf = (folder: CondensedFolder) => members.get(folder.id) ?? [];
    return {
      facts: {
        folders: folders.map((folder) => {
          const domains = domainsOf(folder);
          return {
            id: folder.id,
            name: folder.name,
            ...(domains.length > 0 ? { domains_leaving: domains.slice(0, SHOWN), domain_count: domains.length } : {}),
            ...(folder.settings ? { settings_lost: folder.settings } : {}),
          };
        }),
      },
      bound: { domains: folders.map(domainsOf) },
    };
  },
});
