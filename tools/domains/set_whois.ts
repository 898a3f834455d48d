import type { Json } from '../../src/server/condense.js';
import { invokeRead } from '../../src/server/define.js';
import contactList from '../contacts/contact_list.js';
import { forDomains, whois } from '../shared/settings.js';
import { everyDomain, notInAccount, perDomain } from '../shared/write.js';

/**
 * ICANN's 60-day transfer lock after a change of registrant binds gTLDs only; a two-letter TLD is
 * a country's (.de, .io, .co), whose registry sets its own rules.
 */
const isGtld = (domain: string) => !/\.[a-z]{2}$/i.test(domain);

export default forDomains(whois, {
  name: 'set_whois',
  toolset: 'domains',
  title: 'Set WHOIS contacts',
  description: 'Replace the WHOIS contacts of domains. Needs confirm.',
  /**
   * The contacts each domain has now and the new ones, by name (one list_domain and one
   * contact_list read), what api3 would refuse, and the transfer lock where it applies. The id
   * binds every domain's contacts, not only the few listed.
   */
  async preview(args, ctx) {
    const found = await ctx.account.domains({ names: args.domains, verbose: true }, ctx);
    const contacts = new Map((await invokeRead(contactList, {}, ctx)).items.map((c) => [c.id, c]));
    const refusals = notInAccount(args.domains, found) ?? [];
    const unknown = new Map<number, string[]>();
    for (const [role, id] of Object.entries(args.contacts)) if (!contacts.has(id)) unknown.set(id, [...(unknown.get(id) ?? []), role]);
    for (const [id, roles] of unknown) refusals.push(`there is no contact ${id} (for ${roles.join(', ')}) in the account: contact_list shows the ids`);
    const named = (id: number): Json => {
      const c = contacts.get(id);
      return { id, ...(c?.name ? { name: c.name } : {}), ...(c?.organization ? { organization: c.organization } : {}) };
    };
    const byRole = (ids: Record<string, number>) => Object.fromEntries(Object.entries(ids).map(([role, id]) => [role, named(id)]));
    const owned = args.domains.filter((d) => found.has(d));
    const now = (d: string) => byRole(found.get(d)?.contacts ?? {});
    const newContacts = byRole(Object.fromEntries(Object.entries(args.contacts).filter(([, id]) => contacts.has(id))));
    const locked = owned.filter((d) => isGtld(d) && found.get(d)?.contacts?.registrant !== args.contacts.registrant);
    return {
      facts: {
        ...perDomain(owned, now),
        new_contacts: newContacts,
        ...(locked.length > 0
          ? { note: `A new registrant may lock a gTLD domain against transfers for 60 days (ICANN): ${locked.slice(0, 5).join(', ')}${locked.length > 5 ? ` and ${locked.length - 5} more` : ''}.` }
          : {}),
      },
      bound: everyDomain(owned, (d) => found.get(d)?.contacts ?? {}),
      ...(refusals.length > 0 ? { refusals } : {}),
    };
  },
});
