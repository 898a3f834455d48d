import { z } from 'zod';
import { apiParams } from '../../src/api3/params.js';
import { asJson } from '../../src/server/condense.js';
import { defineTool } from '../../src/server/define.js';
import { id } from '../../src/server/schemas.js';
import { condenseContact, contactSchema } from '../shared/contact.js';

export default defineTool({
  name: 'get_contact',
  toolset: 'contacts',
  title: 'Get a contact',
  description: 'One WHOIS contact by id.',
  effect: 'read',
  input: z.object({ contact_id: id() }),
  output: z.object({ contact: contactSchema }),
  toApi: (args) => apiParams({ contact_id: args.contact_id }),
  condense: (body) => ({ contact: condenseContact(asJson(body.GetContact)) }),
});
