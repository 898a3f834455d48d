import { forFolder } from '../shared/folder-settings.js';
import { servicePreview } from '../shared/service-preview.js';
import { forwarding } from '../shared/settings.js';

export default forFolder(forwarding, {
  name: 'set_folder_forwarding',
  toolset: 'folders',
  title: 'Set folder URL forwarding',
  description: "Forward a folder's domains to a URL.",
  domainsNow: (domains, ctx) => servicePreview(domains, ctx),
});
