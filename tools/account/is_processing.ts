import { z } from 'zod';
import { describeUnfinished } from '../../src/server/audit.js';
import { flag } from '../../src/server/condense.js';
import { defineTool } from '../../src/server/define.js';

export default defineTool({
  name: 'is_processing',
  toolset: 'account',
  title: 'Is api3 busy',
  description: 'Whether Dynadot is still processing an earlier request: check after unknown_outcome or busy, before retrying.',
  effect: 'read',
  input: z.object({}),
  output: z.object({
    processing: z.boolean(),
    safe_to_send: z.boolean(),
    warning: z.string().optional().describe('a change whose outcome the audit log never recorded (the server stopped while sending it)'),
  }),
  toApi: () => ({}),
  // Not a read of api3: what the audit log said at start-up, answered beside api3's state.
  before: async (_args, ctx) => ctx.unfinished,
  condense: (body, _args, unfinished) => {
    const processing = flag(body.ResponseMsg) ?? false;
    return { processing, safe_to_send: !processing, ...(unfinished ? { warning: describeUnfinished(unfinished) } : {}) };
  },
});
