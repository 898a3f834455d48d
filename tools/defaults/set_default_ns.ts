import { forDefault, nameServers } from '../shared/settings.js';

export default forDefault(nameServers, {
  name: 'set_default_ns',
  toolset: 'defaults',
  title: 'Set default name servers',
  description: 'Set the name servers new domains get by default. Existing domains keep theirs; hosts must be in the account (server_list).',
});
