import { forFolder } from '../shared/folder-settings.js';
import { servicePreview } from '../shared/service-preview.js';
import { dnsRecords } from '../shared/settings.js';

export default forFolder(dnsRecords, {
  name: 'set_folder_dns2',
  toolset: 'folders',
  title: 'Set folder DNS records',
  description: "Set the Dynadot DNS records of a folder's domains.",
  domainsNow: (domains, ctx) => servicePreview(domains, ctx),
});
