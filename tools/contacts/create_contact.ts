import { z } from 'zod';
import { Api3Error } from '../../src/api3/errors.js';
import { idNumber, type Json } from '../../src/server/condense.js';
import { defineTool, type ToolCall, toolCall } from '../../src/server/define.js';
import { idOut } from '../../src/server/schemas.js';
import { contactInput, contactParams, type ContactInput, type EuSetting, extrasSchema, looseField, type LvSetting } from '../shared/contact.js';
import setContactEuSetting from './set_contact_eu_setting.js';
import setContactLvSetting from './set_contact_lv_setting.js';

const output = z.object({ contact_id: idOut, created: z.literal(true), extras: extrasSchema });

function condense(body: Json): z.infer<typeof output> {
  const id = idNumber(looseField(body.CreateContactContent, 'ContactId'));
  if (id === undefined) throw new Api3Error('api_error', 'api3 confirmed create_contact without the new contact id', { hint: 'The contact may exist: contact_list shows it before trying again.' });
  return { contact_id: id, created: true };
}

/**
 * The registry extras of a contact (.eu citizenship, .lv registration number): each is its own
 * api3 command, sent after the contact itself as a follow-up of create_contact and edit_contact.
 */
export function registryExtras(contactId: number, c: { eu?: EuSetting; lv?: LvSetting }): Record<string, ToolCall> {
  return {
    ...(c.eu ? { eu: toolCall(setContactEuSetting, { contact_id: contactId, ...c.eu }) } : {}),
    ...(c.lv ? { lv: toolCall(setContactLvSetting, { contact_id: contactId, ...c.lv }) } : {}),
  };
}

export default defineTool({
  name: 'create_contact',
  toolset: 'contacts',
  title: 'Create a contact',
  description: 'Create a WHOIS contact; returns its id. eu, lv: what .eu, .lv require.',
  effect: 'write',
  input: contactInput,
  output,
  toApi: (args: ContactInput) => contactParams(args),
  condense,
  followUps: { field: 'extras', calls: (args, created) => registryExtras(created.contact_id, args) },
});
