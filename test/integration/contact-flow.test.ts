import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness, textOf } from '../helpers/harness.js';

/**
 * Issue 11, as a user asks it on the demo account: "make a new contact for Erika Musterfrau and
 * put it on widget.dev". Through the SDK client, the agent's way: create_contact gives the new
 * id (a number), set_whois (previewed, then approved) gives it to the domain, domain_info shows
 * it; delete_contact is then refused while the domain uses it, its preview naming the domain and
 * issuing no confirmation id, and goes through once the domain has another contact.
 */
type Json = Record<string, any>;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ demo: true });
});
afterAll(async () => h.close());
beforeEach(() => h.simulator.reset());

const structured = async (name: string, args: Json): Promise<Json> => {
  const result = await h.call(name, args);
  expect(result.isError, textOf(result)).toBeFalsy();
  return result.structuredContent as Json;
};
/** Preview, then the call again with the preview's confirmation id: what a user's approval looks like. */
const approved = async (name: string, args: Json): Promise<Json> => {
  const { preview } = await structured(name, args);
  expect(preview.confirmation_id, JSON.stringify(preview)).toMatch(/^c1\./);
  return structured(name, { ...args, confirm: true, confirmation_id: preview.confirmation_id });
};
const commands = () => h.simulator.requests.map((r) => r.command);

const ERIKA = {
  name: 'Erika Musterfrau',
  email: 'erika@widget.dev',
  phone: '+49 89.1234567',
  address: ['Leopoldstrasse 10'],
  city: 'Muenchen',
  zip: '80802',
  country: 'DE',
};

describe('a new contact on a domain, and deleting it', () => {
  it('create_contact -> set_whois with it -> domain_info shows it -> delete_contact refused while in use', async () => {
    const { contact_id: id } = await structured('create_contact', ERIKA);
    expect(typeof id).toBe('number');

    // The id goes into set_whois as it came out of create_contact.
    const whois = { domains: ['widget.dev'], contacts: { registrant: id, admin: id, technical: 0, billing: 0 } };
    const { preview: whoisPreview } = await structured('set_whois', whois);
    expect(whoisPreview.details.new_contacts.registrant).toEqual({ id, name: 'Erika Musterfrau' });
    await approved('set_whois', whois);

    const { domain } = await structured('domain_info', { domain: 'widget.dev' });
    expect(domain.contacts).toEqual({ registrant: id, admin: id, technical: 0, billing: 0 });
    expect((await structured('get_contact', { contact_id: domain.contacts.registrant })).contact).toMatchObject({ id, name: 'Erika Musterfrau', country: 'DE' });

    // In use: the preview names the domain and its roles, and issues no id; confirm changes nothing.
    h.simulator.requests.length = 0;
    const { preview } = await structured('delete_contact', { contact_ids: [id], confirm: true });
    expect(preview.refused_because).toEqual([
      `contact ${id} (Erika Musterfrau) is used by widget.dev (registrant, admin): give those domains another contact first (set_whois)`,
    ]);
    expect(preview).not.toHaveProperty('confirmation_id');
    expect(commands()).not.toContain('delete_contact');
    expect((await structured('contact_list', {})).items.map((c: Json) => c.id)).toContain(id);
  });

  it('once the domain has another contact, the same delete goes through', async () => {
    const { contact_id: id } = await structured('create_contact', ERIKA);
    await approved('set_whois', { domains: ['widget.dev'], contacts: { registrant: id, admin: id, technical: id, billing: id } });
    expect((await structured('delete_contact', { contact_ids: [id] })).preview.refused_because).toHaveLength(1);

    await approved('set_whois', { domains: ['widget.dev'], contacts: { registrant: 0, admin: 0, technical: 0, billing: 0 } });
    expect(await approved('delete_contact', { contact_ids: [id] })).toMatchObject({ deleted: [id] });
    expect((await structured('contact_list', {})).items.map((c: Json) => c.id)).not.toContain(id);
  });
});
