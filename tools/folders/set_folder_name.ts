import { z } from 'zod';
import { apiParams } from '../../src/api3/params.js';
import { defineTool } from '../../src/server/define.js';
import { idOut } from '../../src/server/schemas.js';
import { type CondensedFolder, folderName, withFolder } from '../shared/folder.js';
import { resolveFolder } from './folder_list.js';

const input = withFolder({ new_name: folderName });
type Input = z.infer<typeof input>;

export default defineTool({
  name: 'set_folder_name',
  toolset: 'folders',
  title: 'Rename a folder',
  description: 'Rename a folder. Names are unique.',
  effect: 'write',
  idempotent: true,
  input,
  output: z.object({ done: z.literal(true), folder_id: idOut.optional(), name: z.string() }),
  // api3 takes the folder by id only: a name is looked up first.
  before: async (args: Input, ctx): Promise<CondensedFolder | undefined> => (args.folder === undefined ? undefined : resolveFolder(args, ctx)),
  toApi: (args: Input, folder) => apiParams({ folder_id: folder?.id ?? args.folder_id, folder_name: args.new_name }),
  condense(_body, args: Input, folder) {
    const folderId = folder?.id ?? args.folder_id;
    return { done: true as const, ...(folderId === undefined ? {} : { folder_id: folderId }), name: args.new_name };
  },
});
