import { z } from 'zod';
import { defineTool } from '../../src/server/define.js';
import { id, idOut } from '../../src/server/schemas.js';
import { lvFields, lvParams } from '../shared/contact.js';

export default defineTool({
  name: 'set_contact_lv_setting',
  toolset: 'contacts',
  title: 'Set .lv registration number',
  description: "Set a contact's Latvian registration number (and VAT number), which .lv requires.",
  effect: 'write',
  idempotent: true,
  input: z.object({ contact_id: id(), ...lvFields }),
  output: z.object({ contact_id: idOut, registration_number: z.string(), vat_number: z.string().optional() }),
  toApi: (args) => lvParams(args.contact_id, args),
  condense: (_body, args) => ({
    contact_id: args.contact_id,
    registration_number: args.registration_number,
    ...(args.vat_number ? { vat_number: args.vat_number } : {}),
  }),
});
