import { emailForwarding, forDomains } from '../shared/settings.js';
import { mailNow, servicePreview } from '../shared/service-preview.js';

export default forDomains(emailForwarding, {
  name: 'set_email_forward',
  toolset: 'domains',
  title: 'Set email forwarding',
  description: 'Replace how domains handle email.',
  preview: (args, ctx) =>
    servicePreview(args.domains, ctx, {
      describe: mailNow,
      note: "api3 cannot read a domain's current email forwarding: whatever it has is replaced.",
    }),
});
