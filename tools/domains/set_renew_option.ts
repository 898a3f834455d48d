import { forDomains, renewOption } from '../shared/settings.js';
import { currentValuePreview, inTerms, RENEW_TERMS } from '../shared/write.js';

export default forDomains(renewOption, {
  name: 'set_renew_option',
  toolset: 'domains',
  everyday: true,
  title: 'Set renew option',
  description:
    'Set the renew option of domains.',
  // Letting a domain lapse can lose it for good: that value alone needs the user's approval.
  effect: 'destructive',
  needsConfirm: (args) => args.renew_option === 'do_not_renew',
  preview: (args, ctx) =>
    currentValuePreview(
      args.domains,
      ctx,
      (d) => ({ renew_option: inTerms(RENEW_TERMS, d?.renew_option) }),
      'Not renewed at expiry: the domain lapses and may be lost to anyone after its grace periods.',
    ),
});
