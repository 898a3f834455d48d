import { z } from 'zod';
import { defineTool } from '../../src/server/define.js';
import { id, idOut } from '../../src/server/schemas.js';
import { cnFields, cnParams } from '../shared/contact.js';

export default defineTool({
  name: 'create_cn_audit',
  toolset: 'contacts',
  title: 'Start a .cn audit',
  description: 'Submit a contact to the .cn real-name audit (CNNIC) with jpg/png/gif scan URLs; get_cn_audit_status follows it.',
  effect: 'write',
  input: z.object({ contact_id: id(), ...cnFields }),
  output: z.object({ contact_id: idOut, contact_type: z.string(), submitted: z.literal(true) }),
  toApi: (args) => cnParams(args.contact_id, args),
  condense: (_body, args) => ({ contact_id: args.contact_id, contact_type: args.enterprise ? 'enterprise' : 'individual', submitted: true as const }),
});
