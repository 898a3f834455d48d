import { z } from 'zod';
import { asJson } from '../../src/server/condense.js';
import { defineTool } from '../../src/server/define.js';
import { domainName } from '../../src/server/schemas.js';
import { condenseNameServerSetting, nameServerSettingSchema } from '../shared/domain.js';

export default defineTool({
  name: 'get_dns',
  toolset: 'dns',
  everyday: true,
  title: 'Get DNS records',
  description:
    "Read one domain's DNS setting: its records and TTL when it uses Dynadot DNS, otherwise which service it points to (parking, name servers, forwarding).",
  effect: 'read',
  input: z.object({ domain: domainName }),
  output: z.object({ domain: z.string(), dns: nameServerSettingSchema }),
  toApi: (args) => ({ domain: args.domain }),
  condense: (body, args) => ({
    domain: args.domain,
    dns: condenseNameServerSetting(asJson(body.GetDns).NameServerSettings),
  }),
});
