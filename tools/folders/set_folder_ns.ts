import { forFolder } from '../shared/folder-settings.js';
import { servicePreview } from '../shared/service-preview.js';
import { nameServers } from '../shared/settings.js';

export default forFolder(nameServers, {
  name: 'set_folder_ns',
  toolset: 'folders',
  title: 'Set folder name servers',
  description: "Set a folder's name servers (from server_list).",
  domainsNow: (domains, ctx) => servicePreview(domains, ctx),
});
