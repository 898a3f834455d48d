import { defineTool, invokeRead } from '../../src/server/define.js';
import getDomainInfo from '../domains/domain_info.js';
import { fastTransferFacts, fastTransferInput, fastTransferOutput } from '../shared/fast-transfer.js';

export default defineTool({
  name: 'set_sedo_confirm_action',
  toolset: 'aftermarket',
  title: 'Sedo fast-transfer sale',
  description: 'Approve or decline a Sedo sale of your domain.',
  effect: 'destructive',
  input: fastTransferInput,
  output: fastTransferOutput,
  toApi: (args) => ({ domain: args.domain, action: args.approve ? 'confirm_sedo' : 'delete_from_sedo' }),
  condense: (_body, args) => ({ domain: args.domain, approved: args.approve }),
  async preview(args, ctx) {
    const { domain } = await invokeRead(getDomainInfo, { domain: args.domain }, ctx);
    return { facts: fastTransferFacts('Sedo', args.approve, domain) };
  },
});
