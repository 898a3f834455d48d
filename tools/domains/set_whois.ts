import { Api3Error } from '../../src/api3/errors.js';
import { isJson, type Json } from '../../src/server/condense.js';
import { invokeRead, type ToolContext } from '../../src/server/define.js';
import type { DomainSummary } from '../../src/server/ports.js';
import contactList from '../contacts/contact_list.js';
import { forDomains, WHOIS_ROLES, type WhoisRole, whoisKeepingRoles } from '../shared/settings.js';
import { everyDomain, notInAccount, perDomain } from '../shared/write.js';

/**
 * ICANN's 60-day transfer lock after a change of registrant binds gTLDs only; a two-letter TLD is
 * a country's (.de, .io, .co), whose registry sets its own rules.
 */
const isGtld = (domain: string) => !/\.[a-z]{2}$/i.test(domain);

type Contacts = Partial<Record<WhoisRole, number>>;

/**
 * The contact each role left out keeps: the one every domain of the call has in it now. api3
 * sets one contact per role for all the domains at once, so where they differ in a role left
 * out, that role must be given (or the domains set apart): said in `refusals`.
 */
function keptContacts(given: Contacts, domains: readonly string[], found: Map<string, DomainSummary>): { kept: Contacts; refusals: string[] } {
  const kept: Contacts = {};
  const refusals: string[] = [];
  const owned = domains.filter((d) => found.has(d));
  for (const role of WHOIS_ROLES.filter((r) => given[r] === undefined)) {
    const now = new Map(owned.map((d) => [d, found.get(d)?.contacts?.[role]]));
    const distinct = [...new Set(now.values())];
    const [only] = distinct;
    if (distinct.length === 1 && only !== undefined) kept[role] = only;
    else if (owned.length > 0) {
      const shown = [...now].slice(0, 5).map(([d, id]) => `${d}: ${id ?? 'unknown'}`);
      refusals.push(
        `the domains have different ${role} contacts now (${shown.join(', ')}), so leaving ${role} out cannot keep each one's: give contacts.${role}, or call set_whois once per group of domains`,
      );
    }
  }
  return { kept, refusals };
}

/** The contacts a call sets, the given ones over the kept ones. */
const merged = (given: Contacts, kept: Contacts): Contacts =>
  Object.fromEntries(
    WHOIS_ROLES.flatMap((role) => {
      const id = given[role] ?? kept[role];
      return id === undefined ? [] : [[role, id]];
    }),
  );

/** `before`'s answer read back without a cast: the kept contact ids by role. */
function keptFrom(before: unknown): Contacts {
  if (!isJson(before)) return {};
  return Object.fromEntries(WHOIS_ROLES.flatMap((role) => (typeof before[role] === 'number' ? [[role, before[role]]] : [])));
}

const spec = forDomains(whoisKeepingRoles, {
  name: 'set_whois',
  toolset: 'domains',
  title: 'Set WHOIS contacts',
  description: 'Replace the WHOIS contacts of domains.',
  /**
   * The contacts each domain has now and the new ones, by name (one list_domain and one
   * contact_list read), the roles kept, what api3 would refuse, and the transfer lock where it
   * applies. The id binds every domain's contacts, not only the few listed.
   */
  async preview(args, ctx) {
    const found = await ctx.account.domains({ names: args.domains, verbose: true }, ctx);
    const contacts = new Map((await invokeRead(contactList, {}, ctx)).items.map((c) => [c.id, c]));
    const { kept, refusals: differing } = keptContacts(args.contacts, args.domains, found);
    const refusals = [...(notInAccount(args.domains, found) ?? []), ...differing];
    const unknown = new Map<number, string[]>();
    for (const role of WHOIS_ROLES) {
      const id = args.contacts[role];
      if (id !== undefined && !contacts.has(id)) unknown.set(id, [...(unknown.get(id) ?? []), role]);
    }
    for (const [id, roles] of unknown) refusals.push(`there is no contact ${id} (for ${roles.join(', ')}) in the account: contact_list shows the ids`);
    const named = (id: number): Json => {
      const c = contacts.get(id);
      return { id, ...(c?.name ? { name: c.name } : {}), ...(c?.organization ? { organization: c.organization } : {}) };
    };
    const byRole = (ids: Record<string, number>) => Object.fromEntries(Object.entries(ids).map(([role, id]) => [role, named(id)]));
    const owned = args.domains.filter((d) => found.has(d));
    const now = (d: string) => byRole(found.get(d)?.contacts ?? {});
    const given = Object.fromEntries(
      WHOIS_ROLES.flatMap((role) => {
        const id = args.contacts[role];
        return id !== undefined && contacts.has(id) ? [[role, id]] : [];
      }),
    );
    const registrant = args.contacts.registrant;
    const locked = registrant === undefined ? [] : owned.filter((d) => isGtld(d) && found.get(d)?.contacts?.registrant !== registrant);
    return {
      facts: {
        ...perDomain(owned, now),
        new_contacts: byRole(given),
        ...(Object.keys(kept).length > 0 ? { kept_contacts: byRole(merged({}, kept)) } : {}),
        ...(locked.length > 0
          ? {
              note: `A new registrant may lock a gTLD domain against transfers for 60 days (ICANN): ${locked.slice(0, 5).join(', ')}${locked.length > 5 ? ` and ${locked.length - 5} more` : ''}.`,
            }
          : {}),
      },
      bound: everyDomain(owned, (d) => found.get(d)?.contacts ?? {}),
      ...(refusals.length > 0 ? { refusals } : {}),
    };
  },
});

/**
 * api3's set_whois needs all four roles: the ones the call leaves out are read right before it
 * (the preview showed and bound them) and sent as they are.
 */
async function before(args: { domains: string[]; contacts: Contacts }, ctx: ToolContext): Promise<Contacts> {
  if (WHOIS_ROLES.every((role) => args.contacts[role] !== undefined)) return {};
  const found = await ctx.account.domains({ names: args.domains, verbose: true }, ctx);
  const { kept, refusals } = keptContacts(args.contacts, args.domains, found);
  if (refusals.length > 0)
    throw new Api3Error('invalid_input', `${refusals.join('; ')}; nothing was sent`, { hint: 'Call without confirm to see the preview.' });
  return kept;
}

export default {
  ...spec,
  before,
  toApi: (args: Parameters<typeof spec.toApi>[0], read?: unknown) => spec.toApi({ ...args, contacts: merged(args.contacts, keptFrom(read)) }),
} satisfies typeof spec;
