import type { Json } from '../../src/server/condense.js';
import { invokeRead } from '../../src/server/define.js';
import contactList from '../contacts/contact_list.js';
import { forDomains, whois } from '../shared/settings.js';
import { notInAccount, perDomain } from '../shared/write.js';

export default forDomains(whois, {
  name: 'set_whois',
  toolset: 'domains',
  title: 'Set WHOIS contacts',
  description: 'Replace the WHOIS contacts of domains. Needs confirm.',
  /** The contacts each domain has now (one list_domain read), who the new ones are, and what api3 would refuse. */
  async preview(args, ctx) {
    const found = await ctx.account.domains({ names: args.domains, verbose: true }, ctx);
    const contacts = new Map((await invokeRead(contactList, {}, ctx)).items.map((c) => [c.id, c]));
    const refusals = notInAccount(args.domains, found) ?? [];
    const unknown = new Map<number, string[]>();
    for (const [role, id] of Object.entries(args.contacts)) if (!contacts.has(id)) unknown.set(id, [...(unknown.get(id) ?? []), role]);
    for (const [id, roles] of unknown) refusals.push(`there is no contact ${id} (for ${roles.join(', ')}) in the account: contact_list shows the ids`);
    const owned = args.domains.filter((d) => found.has(d));
    const newContacts: Json = {};
    for (const [role, id] of Object.entries(args.contacts)) {
      const c = contacts.get(id);
      if (c) newContacts[role] = { id, ...(c.name ? { name: c.name } : {}), ...(c.organization ? { organization: c.organization } : {}) };
    }
    const registrantChanges = owned.some((d) => found.get(d)?.contacts?.registrant !== args.contacts.registrant);
    return {
      facts: {
        ...perDomain(owned, (d) => found.get(d)?.contacts ?? {}),
        new_contacts: newContacts,
        ...(registrantChanges ? { note: 'A new registrant of a gTLD domain may lock it against transfers for 60 days (ICANN).' } : {}),
      },
      ...(refusals.length > 0 ? { refusals } : {}),
    };
  },
});
