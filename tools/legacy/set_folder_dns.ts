import { forFolder } from '../shared/folder-settings.js';
import { servicePreview } from '../shared/service-preview.js';
import { legacyDnsRecords } from '../shared/settings.js';

export default forFolder(legacyDnsRecords, {
  name: 'set_folder_dns',
  toolset: 'legacy',
  title: 'Set folder DNS (legacy)',
  description: "Legacy: use set_folder_dns2. A folder's DNS records.",
  domainsNow: (domains, ctx) => servicePreview(domains, ctx),
});
