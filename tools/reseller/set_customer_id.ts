import { z } from 'zod';
import { commaList } from '../../src/api3/params.js';
import { asList, type Json, text } from '../../src/server/condense.js';
import { defineTool } from '../../src/server/define.js';
import { domainList, id } from '../../src/server/schemas.js';
import { changed, changedSchema } from '../shared/write.js';

const input = z.object({ domains: domainList(100), customer_id: id() });
type Input = z.infer<typeof input>;

const names = (list: unknown) =>
  asList(list)
    .map((entry) => text(entry.Domain)?.toLowerCase())
    .filter((d): d is string => d !== undefined);

/** api3 answers the domains set, and in SetCustomerIdFailed those it did not set. */
function condense(body: Json, args: Input) {
  const set = names(body.SetCustomerIdSuccess);
  const failed = names(body.SetCustomerIdFailed);
  const done = set.length > 0 || failed.length > 0 ? set : args.domains;
  return { ...changed(done, { customer_id: args.customer_id }), ...(failed.length > 0 ? { not_set: failed } : {}) };
}

export default defineTool({
  name: 'set_customer_id',
  toolset: 'reseller',
  title: 'Set customer id',
  description: 'Resellers: assign domains to a customer id.',
  effect: 'write',
  idempotent: true,
  input,
  output: changedSchema.extend({ not_set: z.array(z.string()).optional() }),
  toApi: (args) => ({ domain: commaList(args.domains) ?? '', customer_id: String(args.customer_id) }),
  condense,
});
