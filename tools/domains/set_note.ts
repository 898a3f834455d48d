import { z } from 'zod';
import { defineTool } from '../../src/server/define.js';
import { domainName, plainText } from '../../src/server/schemas.js';
import { changed, changedSchema } from '../shared/write.js';

export default defineTool({
  name: 'set_note',
  toolset: 'domains',
  title: 'Set a domain note',
  description: 'Set the private note of one domain (replaces the current note; an empty note clears it).',
  effect: 'write',
  idempotent: true,
  input: z.object({ domain: domainName, note: plainText(1000).describe('The note; empty to clear') }),
  output: changedSchema,
  toApi: (args) => ({ domain: args.domain, note: args.note }),
  condense: (_body, args) => changed([args.domain], { note: args.note }),
});
