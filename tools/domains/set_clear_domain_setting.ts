import { clearService, forDomains } from '../shared/settings.js';
import { clearingChangesResolution, clearServicePreview } from '../shared/service-preview.js';

const spec = forDomains(clearService(['forward', 'stealth', 'email_forwarding', 'dns', 'dnssec', 'nameservers']), {
  name: 'set_clear_domain_setting',
  toolset: 'domains',
  title: 'Clear a domain service',
  description: 'Switch off one service on domains.',
  preview: (args, ctx) => clearServicePreview(args.service, args.domains, ctx),
});

const withSnapshot: typeof spec = { ...spec, snapshotOf: (args) => (clearingChangesResolution(args.service) ? args.domains : []) };
export default withSnapshot;
