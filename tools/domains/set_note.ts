import { z } from 'zod';
import { defineTool } from '../../src/server/define.js';
import { domainName, plainText } from '../../src/server/schemas.js';
import { changed, changedSchema } from '../shared/write.js';

const input = z.object({ domain: domainName, note: plainText(1000) });
type Input = z.infer<typeof input>;

const toApi = (args: Input) => ({ domain: args.domain, note: args.note });
const condense = (_body: unknown, args: Input) => changed([args.domain], { note: args.note });

export default defineTool({
  name: 'set_note',
  toolset: 'domains',
  title: 'Set a domain note',
  description: 'Set the private note of one domain (replaces the current note; an empty note clears it).',
  effect: 'write',
  idempotent: true,
  input,
  output: changedSchema,
  toApi,
  condense,
  previous: { domains: (args) => [args.domain], verbose: true, of: (d) => ({ note: d.note ?? '' }) },
});
