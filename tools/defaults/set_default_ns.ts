import { forDefault, nameServers } from '../shared/settings.js';

export default forDefault(nameServers, {
  name: 'set_default_ns',
  toolset: 'defaults',
  title: 'Set default name servers',
  description: 'Set the name servers (from server_list) new domains get by default.',
});
