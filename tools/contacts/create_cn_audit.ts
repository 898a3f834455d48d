import { z } from 'zod';
import { defineTool } from '../../src/server/define.js';
import { id, idOut } from '../../src/server/schemas.js';
import { cnFields, cnParams } from '../shared/contact.js';

export default defineTool({
  name: 'create_cn_audit',
  toolset: 'contacts',
  title: 'Start a .cn audit',
  description: 'Submit a contact to the CNNIC real-name audit .cn needs: an ID document, plus the licence for an organisation. get_cn_audit_status follows it.',
  effect: 'write',
  input: z.object({ contact_id: id('contact'), ...cnFields }),
  output: z.object({ contact_id: idOut, contact_type: z.string(), submitted: z.literal(true) }),
  toApi: (args) => cnParams(args.contact_id, args),
  condense: (_body, args) => ({ contact_id: args.contact_id, contact_type: args.enterprise ? 'enterprise' : 'individual', submitted: true as const }),
});
