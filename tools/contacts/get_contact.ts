import { z } from 'zod';
import { defineTool } from '../../src/server/define.js';
import { condenseContact, contactSchema } from '../shared/contact.js';

export default defineTool({
  name: 'get_contact',
  toolset: 'contacts',
  title: 'Get a contact',
  description: 'One WHOIS contact by id.',
  effect: 'read',
  input: z.object({ contact_id: z.number().int().min(0).describe('Contact id from contact_list') }),
  output: z.object({ contact: contactSchema }),
  toApi: (args) => ({ contact_id: String(args.contact_id) }),
  condense: (body) => ({ contact: condenseContact((body.GetContact ?? {}) as Record<string, unknown>) }),
});
