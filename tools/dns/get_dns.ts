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
  description: "One domain's DNS: its records and TTL on Dynadot DNS, else the service it points to.",
  effect: 'read',
  input: z.object({ domain: domainName }),
  output: z.object({ domain: z.string(), dns: nameServerSettingSchema }),
  toApi: (args) => ({ domain: args.domain }),
  condense: (body, args) => ({
    domain: args.domain,
    dns: condenseNameServerSetting(asJson(body.GetDns).NameServerSettings),
  }),
});
