import { z } from 'zod';
import { flag } from '../../src/server/condense.js';
import { defineTool } from '../../src/server/define.js';

export default defineTool({
  name: 'is_processing',
  toolset: 'account',
  title: 'Is api3 busy',
  description: 'Whether Dynadot is still processing an earlier request for this account. Check it after an unknown_outcome or busy error before retrying.',
  effect: 'read',
  input: z.object({}),
  output: z.object({ processing: z.boolean(), safe_to_send: z.boolean() }),
  toApi: () => ({}),
  condense: (body) => {
    const processing = flag(body.ResponseMsg) ?? false;
    return { processing, safe_to_send: !processing };
  },
});
