import { describe, expect, it } from 'vitest';
import deleteContact from '../../../tools/contacts/delete_contact.js';
import type { SimAccount } from '../../../src/simulator/state.js';
import {
  badInputSweep,
  condenseExample,
  confirmGateCases,
  exampleQueryCase,
  type Json,
  pinEffect,
  simulate,
  simulatorShapeCase,
  useHarness,
} from '../../helpers/tool-test.js';

const { ok, call, fail, account, h, sent } = useHarness();
const commands = () => h().simulator.requests.map((r) => r.command);

/** A copy of the unused seeded contact 2 under another id, used by no domain either. */
function addUnused(sim: SimAccount, id: number): void {
  const li = sim.contacts.get(2);
  if (!li) throw new Error('seed changed: contact 2 is gone');
  sim.contacts.set(id, { ...structuredClone(li), id, name: `Spare ${id}` });
}

describe('toApi', () => {
  exampleQueryCase(deleteContact, { contact_ids: [0] });

  it('delete_contact: several ids travel comma-separated, as the document asks', () => {
    expect(deleteContact.toApi(deleteContact.input.parse({ contact_ids: [2, 3, 10] }))).toEqual({ contact_id: '2,3,10' });
  });
});

describe('condense', () => {
  it('delete_contact: the ids deleted', () => {
    expect(condenseExample(deleteContact, { contact_ids: [0] })).toEqual({ deleted: [0] });
  });
});

describe('simulator', () => {
  // Contact 2 is the seeded contact no domain uses.
  simulatorShapeCase(deleteContact, (q) => ({ ...q, contact_id: '2' }));

  it('delete_contact: the simulator refuses a contact in use, or unknown, and then deletes none of the list', () => {
    const answer = (contactId: string) => (simulate('delete_contact', { contact_id: contactId }) as { DeleteContactResponse: Json }).DeleteContactResponse;
    expect(answer('1')).toMatchObject({ ResponseCode: '-1', Error: 'contact 1 is in use by acme-widgets.de and cannot be deleted' });
    expect(answer('0').Error).toMatch(/^contact 0 is in use by acme-widgets\.com, /);
    expect(answer('2,99')).toMatchObject({ ResponseCode: '-1', Error: 'contact 99 not found' });
  });
});

describe('through the client', () => {
  it('delete_contact confirmed: the contact is gone from contact_list and get_contact', async () => {
    expect(await ok('delete_contact', { contact_ids: [2], confirm: true })).toEqual({ deleted: [2] });
    expect((await ok<{ items: Json[] }>('contact_list')).items.map((c) => c.id)).toEqual([0, 1]);
    expect((await fail('get_contact', { contact_id: 2 })).error).toBe('not_found');
  });

  it('delete_contact: the preview shows the contacts deleted', async () => {
    const { preview } = await ok('delete_contact', { contact_ids: [2] });
    expect(preview.details.contacts).toEqual([expect.objectContaining({ id: 2, name: 'Li Wei', country: 'CN' })]);
    expect(preview.confirmation_id).toMatch(/^c1\./);
    expect(commands().sort()).toEqual(['contact_list', 'list_domain']);
  });

  it('delete_contact while domains use it: refused with the domains and their roles named, no id, nothing sent', async () => {
    const { preview } = await ok('delete_contact', { contact_ids: [1], confirm: true });
    expect(preview.refused_because).toEqual([
      'contact 1 (Max Mustermann) is used by acme-widgets.de (registrant, admin): give those domains another contact first (set_whois)',
    ]);
    expect(preview).not.toHaveProperty('confirmation_id');
    expect(commands()).not.toContain('delete_contact');
    expect(account().contacts.has(1)).toBe(true);
  });

  it('delete_contact of a contact many domains use: the first ten named, the rest counted', async () => {
    const { preview } = await ok('delete_contact', { contact_ids: [0] });
    expect(preview.refused_because[0]).toMatch(/^contact 0 \(Jane Doe\) is used by acme-widgets\.com \(registrant, admin, technical, billing\), /);
    expect(preview.refused_because[0]).toMatch(/acme-widgets\.de \(technical, billing\)/);
  });

  it('delete_contact: an unknown id is refused by the preview', async () => {
    const { preview } = await ok('delete_contact', { contact_ids: [2, 99] });
    expect(preview.refused_because).toEqual(['no contact 99 in this account: contact_list shows the ids']);
    expect(preview).not.toHaveProperty('confirmation_id');
  });

  it('delete_contact: several at once, in one request', async () => {
    addUnused(account(), 7);
    expect(await ok('delete_contact', { contact_ids: [2, 7], confirm: true })).toEqual({ deleted: [2, 7] });
    expect(sent('delete_contact').map((r) => r.params)).toEqual([{ contact_id: '2,7' }]);
    expect([...account().contacts.keys()]).toEqual([0, 1]);
  });

  it('delete_contact: when a domain starts using it between preview and confirm, the confirmed call is refused and the contact stays', async () => {
    const { preview } = await ok('delete_contact', { contact_ids: [2] });
    const domain = account().domains.get('widget.dev');
    if (!domain) throw new Error('seed changed');
    domain.contacts.billing = 2;
    const result = await call('delete_contact', { contact_ids: [2], confirm: true, confirmation_id: preview.confirmation_id });
    // The confirmed call reads again: the contact's details still match the preview, its use does not.
    const again = (result.structuredContent as Json).preview;
    expect(again.refused_because).toEqual([expect.stringMatching(/is used by widget\.dev \(billing\)/)]);
    expect(commands()).not.toContain('delete_contact');
    expect(account().contacts.has(2)).toBe(true);
  });
});

describe('safety', () => {
  pinEffect(deleteContact, 'destructive');
  confirmGateCases(deleteContact, { contact_ids: [2] }, ['contact_list', 'list_domain'], {
    otherArgs: { contact_ids: [3] },
    prepareOther: (sim) => addUnused(sim, 3),
    changeFacts: {
      what: 'the contact was edited',
      change: (sim) => {
        const li = sim.contacts.get(2);
        if (li) li.email = 'li.wei@elsewhere.example';
      },
    },
  });
  badInputSweep(deleteContact, { contact_ids: [2] }, { mustTry: [/^delete_contact contact_ids: empty array below minItems$/] });

  it('delete_contact: a repeated id is invalid input', async () => {
    const error = await fail('delete_contact', { contact_ids: [2, 2] });
    expect(error.error).toBe('invalid_input');
    expect(error.message).toMatch(/contact_ids/);
    expect(h().simulator.requests).toEqual([]);
  });
});
