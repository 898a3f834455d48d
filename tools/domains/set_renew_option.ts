import { forDomains, renewOption } from '../shared/settings.js';
import { domainsNow, inTerms, notInAccount, perDomain, RENEW_TERMS } from '../shared/write.js';

export default forDomains(renewOption, {
  name: 'set_renew_option',
  toolset: 'domains',
  title: 'Set renew option',
  description:
    'Set auto-renew for up to 100 domains: auto renews from the balance at expiry, do_not_renew lets them lapse (needs confirm), reset clears the choice.',
  // Letting a domain lapse can lose it for good: that value alone needs the user's approval.
  effect: 'destructive',
  needsConfirm: (args) => args.renew_option === 'do_not_renew',
  async preview(args, ctx) {
    const found = await domainsNow(args.domains, ctx);
    const shown = perDomain(args.domains, (d) => ({ renew_option: inTerms(RENEW_TERMS, found.get(d)?.renew_option), expires: found.get(d)?.expires }));
    const refusals = notInAccount(args.domains, found);
    return {
      facts: { ...shown, note: 'Not renewed at expiry: the domain lapses and may be lost to anyone after its grace periods.' },
      ...(refusals ? { refusals } : {}),
    };
  },
});
