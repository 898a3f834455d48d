import { forFolder } from '../shared/folder-settings.js';
import { clearingChangesResolution, clearServicePreview } from '../shared/service-preview.js';
import { clearService } from '../shared/settings.js';

// dnssec is a domain's alone: a folder has no such setting to clear.
const SERVICES = ['forward', 'stealth', 'email_forwarding', 'dns', 'nameservers'] as const;

export default forFolder(clearService(SERVICES), {
  name: 'set_clear_folder_setting',
  toolset: 'folders',
  title: 'Clear a folder service',
  description: 'Switch off one service on a folder.',
  domainsNow: (domains, ctx, args) => clearServicePreview(args.service, domains, ctx),
  changesResolution: (args) => clearingChangesResolution(args.service),
});
