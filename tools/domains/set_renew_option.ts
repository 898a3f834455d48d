import { forDomains, renewOption } from '../shared/settings.js';

export default forDomains(renewOption, {
  name: 'set_renew_option',
  toolset: 'domains',
  title: 'Set renew option',
  description: 'Set auto-renew on or off for up to 100 domains: auto renews from the balance at expiry, do_not_renew lets them lapse, reset clears the choice.',
});
