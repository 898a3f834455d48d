import { forDefault, forwarding } from '../shared/settings.js';

export default forDefault(forwarding, {
  name: 'set_default_forwarding',
  toolset: 'defaults',
  title: 'Set default URL forwarding',
  description: 'Make new domains forward to a URL by default (302, or 301 with permanent).',
});
