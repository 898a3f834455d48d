import { z } from 'zod';
import { asList } from '../../src/server/condense.js';
import { defineTool } from '../../src/server/define.js';
import { condenseContact, contactSchema } from '../shared/contact.js';

export default defineTool({
  name: 'contact_list',
  toolset: 'contacts',
  title: 'List contacts',
  description: 'The WHOIS contacts in the account, with their ids (used by register and domain settings).',
  effect: 'read',
  input: z.object({}),
  output: z.object({ items: z.array(contactSchema) }),
  toApi: () => ({}),
  condense: (body) => ({ items: asList(body.ContactList).map(condenseContact) }),
});
