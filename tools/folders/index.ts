import type { AnyToolSpec } from '../../src/server/define.js';
import createFolder from './create_folder.js';
import deleteFolder from './delete_folder.js';
import folderList from './folder_list.js';
import setFolderName from './set_folder_name.js';

export const foldersTools: AnyToolSpec[] = [folderList, createFolder, setFolderName, deleteFolder];
