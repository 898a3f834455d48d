import { forDomains, forwarding } from '../shared/settings.js';
import { servicePreview } from '../shared/service-preview.js';

export default forDomains(forwarding, {
  name: 'set_forwarding',
  toolset: 'domains',
  title: 'Forward domains to a URL',
  description: 'Forward domains to a URL, replacing their DNS or name servers.',
  preview: (args, ctx) => servicePreview(args.domains, ctx),
});
