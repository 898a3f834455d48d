import { forDomains, stealth } from '../shared/settings.js';
import { servicePreview } from '../shared/service-preview.js';

export default forDomains(stealth, {
  name: 'set_stealth',
  toolset: 'domains',
  title: 'Stealth-forward domains',
  description: "Show a URL's page under domains' own names, replacing their DNS or name servers.",
  preview: (args, ctx) => servicePreview(args.domains, ctx),
});
