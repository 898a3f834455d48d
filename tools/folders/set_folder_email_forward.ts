import { forFolder } from '../shared/folder-settings.js';
import { mailNow, servicePreview } from '../shared/service-preview.js';
import { emailForwarding } from '../shared/settings.js';

export default forFolder(emailForwarding, {
  name: 'set_folder_email_forward',
  toolset: 'folders',
  title: 'Set folder email forwarding',
  description: "Set how a folder's domains handle email.",
  domainsNow: (domains, ctx) =>
    servicePreview(domains, ctx, { describe: mailNow, note: "api3 cannot read a domain's current email forwarding: whatever it has is replaced." }),
});
