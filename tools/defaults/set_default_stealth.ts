import { forDefault, stealth } from '../shared/settings.js';

export default forDefault(stealth, {
  name: 'set_default_stealth',
  toolset: 'defaults',
  title: 'Set default stealth forwarding',
  description: 'Make new domains show another URL under their own name (stealth) by default.',
});
