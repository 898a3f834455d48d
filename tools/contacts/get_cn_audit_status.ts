import { z } from 'zod';
import { flagParam, apiParams } from '../../src/api3/params.js';
import { text } from '../../src/server/condense.js';
import { defineTool } from '../../src/server/define.js';
import { id, idOut } from '../../src/server/schemas.js';

export default defineTool({
  name: 'get_cn_audit_status',
  toolset: 'contacts',
  title: '.cn audit status',
  description: "A contact's .cn (CNNIC) audit: processing, waiting for cnnic, failed (with the reason) or pass.",
  effect: 'read',
  input: z.object({ contact_id: id(), gtld: z.boolean().optional().describe('the CNNIC gTLD audit instead') }),
  output: z.object({ contact_id: idOut, status: z.string(), failed_reason: z.string().optional() }),
  toApi: (args) => apiParams({ contact_id: args.contact_id, gtld: flagParam.oneWhenOn(args.gtld) }),
  condense: (body, args) => {
    const reason = text(body.FailedReason);
    return { contact_id: args.contact_id, status: (text(body.CnAuditStatus) ?? 'unknown').toLowerCase(), ...(reason ? { failed_reason: reason } : {}) };
  },
});
