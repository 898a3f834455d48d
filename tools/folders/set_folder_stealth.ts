import { forFolder } from '../shared/folder-settings.js';
import { servicePreview } from '../shared/service-preview.js';
import { stealth } from '../shared/settings.js';

export default forFolder(stealth, {
  name: 'set_folder_stealth',
  toolset: 'folders',
  title: 'Set folder stealth forwarding',
  description: "Show a URL's page under a folder's domains (stealth forwarding).",
  domainsNow: (domains, ctx) => servicePreview(domains, ctx),
});
