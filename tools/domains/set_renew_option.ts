import { z } from 'zod';
import { defineTool } from '../../src/server/define.js';
import { domainList } from '../../src/server/schemas.js';
import { changed, changedSchema } from '../shared/write.js';

const API_OPTION = { auto: 'auto', do_not_renew: 'donot', reset: 'reset' } as const;

export default defineTool({
  name: 'set_renew_option',
  toolset: 'domains',
  title: 'Set renew option',
  description: 'Set auto-renew on or off for up to 100 domains: auto renews from the balance at expiry, do_not_renew lets them lapse, reset clears the choice.',
  effect: 'write',
  idempotent: true,
  input: z.object({ domains: domainList(100), renew_option: z.enum(['auto', 'do_not_renew', 'reset']) }),
  output: changedSchema,
  toApi: (args) => ({ domain: args.domains.join(','), renew_option: API_OPTION[args.renew_option] }),
  condense: (_body, args) => changed(args.domains, { renew_option: args.renew_option }),
});
