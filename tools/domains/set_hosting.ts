import { forDomains, hostingWithMobileView } from '../shared/settings.js';
import { servicePreview } from '../shared/service-preview.js';

export default forDomains(hostingWithMobileView, {
  name: 'set_hosting',
  toolset: 'domains',
  title: 'Host domains at Dynadot',
  description: 'Use Dynadot website hosting on domains, replacing their DNS or name servers.',
  async preview(args, ctx) {
    const outcome = await servicePreview(args.domains, ctx);
    // api3 takes the mobile view with advanced hosting only.
    if (args.mobile_view && args.hosting_type !== 'advanced') return { ...outcome, refusals: [...(outcome.refusals ?? []), 'mobile_view needs hosting_type advanced'] };
    return outcome;
  },
});
