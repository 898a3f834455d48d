import { z } from 'zod';
import { apiParams } from '../../src/api3/params.js';
import { idNumber, type Json } from '../../src/server/condense.js';
import { defineTool, invokeRead, type ToolContext } from '../../src/server/define.js';
import { id, idOut } from '../../src/server/schemas.js';
import {
  asContact,
  type Contact,
  contactFields,
  contactParams,
  contactSchema,
  contactUse,
  extrasSchema,
  looseField,
  useFacts,
} from '../shared/contact.js';
import { isKeyOf } from '../shared/keys.js';
import { registryExtras } from './create_contact.js';
import getContact from './get_contact.js';

const input = z.object({ contact_id: id(), ...contactFields });
type Input = z.infer<typeof input>;

const output = z.object({
  contact_id: idOut,
  updated: z.literal(true),
  previous: contactSchema.optional().describe('the contact before'),
  extras: extrasSchema,
});

const toApi = (args: Input) => apiParams({ contact_id: args.contact_id }, contactParams(args));
/** The edit's answer, with the contact as it was before when that read worked. */
const condense = (body: Json, args: Input, previous?: Contact): z.infer<typeof output> => ({
  contact_id: idNumber(looseField(body.EditContactContent, 'ContactId')) ?? args.contact_id,
  updated: true,
  ...(previous ? { previous } : {}),
});

/** The domains whose WHOIS data the edit changes. */
async function usersOf(contactId: number, ctx: ToolContext) {
  return (await contactUse(ctx)).get(contactId) ?? [];
}

/** Field by field, what the edit changes (api3 takes the whole contact: a field left out is cleared). */
function changes(current: Contact, next: Contact): Json {
  const { id: _id, gtld_verified: _verified, ...rest } = current;
  const before: Contact = rest;
  const keys = new Set([...Object.keys(before), ...Object.keys(next)].filter((key) => isKeyOf(contactSchema.shape, key)));
  const out: Json = {};
  for (const key of keys) {
    const from = before[key];
    const to = next[key];
    if (JSON.stringify(from) !== JSON.stringify(to)) out[key] = { from: from ?? null, to: to ?? null };
  }
  return out;
}

export default defineTool({
  name: 'edit_contact',
  toolset: 'contacts',
  title: 'Edit a contact',
  description: 'Replace a contact (fields left out are cleared); the WHOIS of domains using it changes too.',
  effect: 'destructive',
  input,
  output,
  toApi,
  condense,
  async needsConfirm(args, ctx) {
    try {
      return (await usersOf(args.contact_id, ctx)).length > 0;
    } catch {
      // Not knowing which domains use it is not safe: the preview reads again and says why.
      return true;
    }
  },
  async preview(args, ctx) {
    // An unknown id is not_found here, as api3 would answer the edit.
    const { contact } = await invokeRead(getContact, { contact_id: args.contact_id }, ctx);
    const uses = await usersOf(args.contact_id, ctx);
    return {
      facts: {
        current: contact,
        changes: changes(contact, asContact(args)),
        ...useFacts(uses),
        ...(uses.length > 0 ? { note: 'The WHOIS data of these domains changes with the contact.' } : {}),
      },
    };
  },
  // The edit is sent whatever this read gives; the answer then says nothing of before.
  before: (args, ctx) =>
    invokeRead(getContact, { contact_id: args.contact_id }, ctx).then(
      (read) => read.contact,
      () => undefined,
    ),
  followUps: { field: 'extras', calls: (args) => registryExtras(args.contact_id, args) },
});
