import { forDefault, renewOption } from '../shared/settings.js';

export default forDefault(renewOption, {
  name: 'set_default_renew_option',
  toolset: 'defaults',
  title: 'Set default renew option',
  description: 'Set whether new domains auto-renew by default.',
});
