import { forFolder } from '../shared/folder-settings.js';
import { servicePreview } from '../shared/service-preview.js';
import { hosting } from '../shared/settings.js';

export default forFolder(hosting, {
  name: 'set_folder_hosting',
  toolset: 'folders',
  title: 'Host folder domains at Dynadot',
  description: "Use Dynadot website hosting on a folder's domains.",
  domainsNow: (domains, ctx) => servicePreview(domains, ctx),
});
