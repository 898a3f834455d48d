import { clearService, forDefault } from '../shared/settings.js';

export default forDefault(clearService(['forward', 'stealth', 'email_forwarding', 'dns', 'nameservers']), {
  name: 'set_clear_default_setting',
  toolset: 'defaults',
  title: 'Clear a default setting',
  description: 'Remove one default service that new domains would get.',
});
