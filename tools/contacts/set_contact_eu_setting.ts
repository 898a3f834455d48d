import { z } from 'zod';
import { defineTool } from '../../src/server/define.js';
import { id, idOut } from '../../src/server/schemas.js';
import { euFields, euParams } from '../shared/contact.js';

export default defineTool({
  name: 'set_contact_eu_setting',
  toolset: 'contacts',
  title: 'Set .eu citizenship',
  description: "Set a contact's EU citizenship, so an EU citizen abroad can hold .eu domains.",
  effect: 'write',
  idempotent: true,
  input: z.object({ contact_id: id(), ...euFields() }),
  output: z.object({ contact_id: idOut, country_of_citizenship: z.string() }),
  toApi: (args) => euParams(args.contact_id, args),
  condense: (_body, args) => ({ contact_id: args.contact_id, country_of_citizenship: args.country_of_citizenship }),
});
