import { forFolder } from '../shared/folder-settings.js';
import { servicePreview } from '../shared/service-preview.js';
import { parking } from '../shared/settings.js';

export default forFolder(parking, {
  name: 'set_folder_parking',
  toolset: 'folders',
  title: 'Park folder domains',
  description: "Set a folder's domains to a Dynadot parking page.",
  domainsNow: (domains, ctx) => servicePreview(domains, ctx),
});
