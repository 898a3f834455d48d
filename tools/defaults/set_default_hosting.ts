import { forDefault, hosting } from '../shared/settings.js';

export default forDefault(hosting, {
  name: 'set_default_hosting',
  toolset: 'defaults',
  title: 'Set default hosting',
  description: 'Make new domains use Dynadot website hosting (basic or advanced) by default.',
});
