import { z } from 'zod';
import { asJson } from '../../src/server/condense.js';
import { defineTool } from '../../src/server/define.js';
import { domainName } from '../../src/server/schemas.js';
import { condenseDomain, domainSchema } from '../shared/domain.js';

export default defineTool({
  name: 'domain_info',
  toolset: 'domains',
  everyday: true,
  title: 'Domain details',
  description: "One domain's details: expiry, lock, privacy, renew option, DNS or name servers, contacts, folder, note.",
  effect: 'read',
  input: z.object({ domain: domainName }),
  output: z.object({ domain: domainSchema }),
  toApi: (args) => ({ domain: args.domain }),
  condense: (body) => ({ domain: condenseDomain(asJson(body.DomainInfo)) }),
});
