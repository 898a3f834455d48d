import { z } from 'zod';
import { apiParams } from '../../src/api3/params.js';
import { defineTool } from '../../src/server/define.js';
import { domainName, id, plainText } from '../../src/server/schemas.js';

export default defineTool({
  name: 'set_transfer_auth_code',
  toolset: 'transfers',
  title: 'Resend a transfer auth code',
  description: 'Resend the auth code of a transfer in.',
  effect: 'write',
  sensitive: ['auth_code'],
  input: z.object({ domain: domainName, auth_code: plainText(128).min(1), order_id: id().optional() }),
  output: z.object({ domain: z.string(), auth_code_sent: z.literal(true) }),
  toApi: (args) => apiParams({ domain: args.domain, auth_code: args.auth_code, order_id: args.order_id }),
  condense: (_body, args) => ({ domain: args.domain, auth_code_sent: true as const }),
});
