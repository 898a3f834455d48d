import { z } from 'zod';
import { Api3Error } from '../../src/api3/errors.js';
import { idNumber, type Json } from '../../src/server/condense.js';
import { defineTool } from '../../src/server/define.js';
import { idOut } from '../../src/server/schemas.js';
import { contactInput, contactParams, type ContactInput, extrasSchema, looseField, setRegistryExtras } from '../shared/contact.js';

const output = z.object({ contact_id: idOut, created: z.literal(true), extras: extrasSchema });

function condense(body: Json): z.infer<typeof output> {
  const id = idNumber(looseField(body.CreateContactContent, 'ContactId'));
  if (id === undefined) throw new Api3Error('api_error', 'api3 confirmed create_contact without the new contact id', { hint: 'The contact may exist: contact_list shows it before trying again.' });
  return { contact_id: id, created: true };
}

export default defineTool({
  name: 'create_contact',
  toolset: 'contacts',
  title: 'Create a contact',
  description: 'Create a WHOIS contact; returns its id (for register, set_whois). eu and lv add what .eu and .lv require.',
  effect: 'write',
  input: contactInput,
  output,
  toApi: (args: ContactInput) => contactParams(args),
  condense,
  async run(args, ctx) {
    const { body } = await ctx.api.call({ command: 'create_contact', params: contactParams(args), mutates: true });
    const created = condense(body);
    const extras = await setRegistryExtras(created.contact_id, args, ctx);
    return extras ? { ...created, extras } : created;
  },
});
