import { z } from 'zod';
import { apiParams } from '../../src/api3/params.js';
import { defineTool } from '../../src/server/define.js';
import { idOut } from '../../src/server/schemas.js';
import { asJson, idNumber, text } from '../../src/server/condense.js';
import { folderName } from '../shared/folder.js';

export default defineTool({
  name: 'create_folder',
  toolset: 'folders',
  title: 'Create a folder',
  description: 'Create an empty folder; answers its id. Names are unique.',
  effect: 'write',
  input: z.object({ name: folderName }),
  output: z.object({ folder_id: idOut.optional(), name: z.string() }),
  toApi: (args) => apiParams({ folder_name: args.name }),
  condense(body, args) {
    const content = asJson(body.FolderCreateContent);
    const folderId = idNumber(content.FolderId);
    // An answer without the id still created the folder: folder_list shows it.
    return { ...(folderId === undefined ? {} : { folder_id: folderId }), name: text(content.FolderName) ?? args.name };
  },
});
