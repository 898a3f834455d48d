import { forDefault, parking } from '../shared/settings.js';

export default forDefault(parking, {
  name: 'set_default_parking',
  toolset: 'defaults',
  title: 'Set default parking',
  description: "Make new domains use Dynadot's parking page by default, with or without ads.",
});
