import { emailForwarding, forDefault } from '../shared/settings.js';

export default forDefault(emailForwarding, {
  name: 'set_default_email_forward',
  toolset: 'defaults',
  title: 'Set default email forwarding',
  description: 'Set how new domains handle email by default.',
});
