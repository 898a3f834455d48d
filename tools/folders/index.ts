import type { AnyToolSpec } from '../../src/server/define.js';
import createFolder from './create_folder.js';
import deleteFolder from './delete_folder.js';
import folderList from './folder_list.js';
import setClearFolderSetting from './set_clear_folder_setting.js';
import setFolderDns2 from './set_folder_dns2.js';
import setFolderEmailForward from './set_folder_email_forward.js';
import setFolderForwarding from './set_folder_forwarding.js';
import setFolderHosting from './set_folder_hosting.js';
import setFolderName from './set_folder_name.js';
import setFolderNs from './set_folder_ns.js';
import setFolderParking from './set_folder_parking.js';
import setFolderRenewOption from './set_folder_renew_option.js';
import setFolderStealth from './set_folder_stealth.js';
import setFolderWhois from './set_folder_whois.js';

export const foldersTools: AnyToolSpec[] = [
  folderList,
  createFolder,
  setFolderName,
  deleteFolder,
  setFolderNs,
  setFolderDns2,
  setFolderWhois,
  setFolderRenewOption,
  setFolderParking,
  setFolderForwarding,
  setFolderStealth,
  setFolderHosting,
  setFolderEmailForward,
  setClearFolderSetting,
];
