import { dnsRecords, forDefault } from '../shared/settings.js';

export default forDefault(dnsRecords, {
  name: 'set_default_dns2',
  toolset: 'defaults',
  title: 'Set default DNS records',
  description: 'Set the Dynadot DNS records new domains get by default.',
});
