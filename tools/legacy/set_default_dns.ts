import { forDefault, legacyDnsRecords } from '../shared/settings.js';

export default forDefault(legacyDnsRecords, {
  name: 'set_default_dns',
  toolset: 'legacy',
  title: 'Set default DNS (legacy)',
  description: 'Legacy: use set_default_dns2. Default DNS records of new domains.',
});
