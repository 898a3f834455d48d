import { z } from 'zod';
import { defineTool } from '../../src/server/define.js';
import { domainName } from '../../src/server/schemas.js';
import { changed, changedSchema } from '../shared/write.js';

const input = z.object({ domain: domainName });
type Input = z.infer<typeof input>;

const toApi = (args: Input) => ({ domain: args.domain });
const condense = (_body: unknown, args: Input) => changed([args.domain], { locked: true });

export default defineTool({
  name: 'lock_domain',
  toolset: 'domains',
  title: 'Lock a domain',
  description: 'Turn on the transfer lock of one domain, so it cannot be transferred away. Harmless to repeat.',
  effect: 'write',
  idempotent: true,
  input,
  output: changedSchema,
  toApi,
  condense,
  previous: { domains: (args) => [args.domain], of: (d) => ({ locked: d.locked ?? false }) },
});
