import { servicePreview } from '../shared/service-preview.js';
import { forDomains, parking } from '../shared/settings.js';

export default forDomains(parking, {
  name: 'set_parking',
  toolset: 'domains',
  title: 'Park domains',
  description: "Show Dynadot's parking page on domains, replacing their DNS or name servers.",
  /**
   * Per domain (the first few): the setting it has now, which parking replaces, with its DNS
   * records as a person writes them; the confirmation binds every domain's.
   */
  preview: (args, ctx) =>
    servicePreview(args.domains, ctx, { warning: 'The DNS records listed stop answering (website, email, verification) while the domain is parked.' }),
});
