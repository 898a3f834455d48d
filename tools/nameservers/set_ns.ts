import { invokeRead } from '../../src/server/define.js';
import { servicePreview } from '../shared/service-preview.js';
import { forDomains, nameServers } from '../shared/settings.js';
import serverList from './server_list.js';

export default forDomains(nameServers, {
  name: 'set_ns',
  toolset: 'nameservers',
  everyday: true,
  title: 'Set name servers',
  description:
    'Point domains at name servers from server_list, replacing their name servers and DNS service.',
  /**
   * Per domain (the first few): its name servers or the Dynadot service it is on now, and on
   * Dynadot DNS the records that stop answering, as a person writes them; the confirmation binds
   * every domain's.
   */
  preview: (args, ctx) =>
    servicePreview(args.domains, ctx, {
      warning: 'The DNS records listed stop answering (website, email, verification) unless the new name servers serve them.',
    }),
  /** A host not registered in the account is refused by api3, so the preview refuses it too. */
  async precheck(args, ctx) {
    const registered = new Set((await invokeRead(serverList, {}, ctx)).items.map((s) => s.name.toLowerCase()));
    const unregistered = args.name_servers.filter((host) => !registered.has(host));
    if (unregistered.length === 0) return [];
    return [
      `name servers not registered in this account: ${unregistered.join(', ')}. Add each first: add_ns for a host outside the account's domains, register_ns (with its IP) for one under them; then call set_ns again.`,
    ];
  },
});
