import { forDefault, whois } from '../shared/settings.js';

export default forDefault(whois, {
  name: 'set_default_whois',
  toolset: 'defaults',
  title: 'Set default WHOIS contacts',
  description: 'Set the WHOIS contacts new domains get by default.',
});
