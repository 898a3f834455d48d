import type { NameServerSetting } from '../shared/domain.js';
import { clearService, forDomains } from '../shared/settings.js';
import { mailNow, servicePreview, serviceNow } from '../shared/service-preview.js';

/** The services that decide what a domain resolves to, as get_dns names each. */
const RESOLVES_AS: Record<string, string> = { forward: 'forwarding', stealth: 'stealth_forwarding', dns: 'dynadot_dns', nameservers: 'name_servers' };

const NOTES: Record<string, string> = {
  email_forwarding: "api3 cannot read a domain's email forwarding: whatever it has is removed.",
  dnssec: "api3 cannot read a domain's DNSSEC: its key at the registry is removed and resolvers stop validating the domain.",
};

const spec = forDomains(clearService(['forward', 'stealth', 'email_forwarding', 'dns', 'dnssec', 'nameservers']), {
  name: 'set_clear_domain_setting',
  toolset: 'domains',
  title: 'Clear a domain service',
  description: 'Switch off one service on domains.',
  /** Per domain: whether it uses that service now, and what goes with it. */
  preview(args, ctx) {
    const type = RESOLVES_AS[args.service];
    const describe = (dns: NameServerSetting) => {
      if (!type) return mailNow(dns);
      if (dns.type === type) return { ...serviceNow(dns), uses_it_now: true };
      const { dns_records_dropped: _kept, ...now } = serviceNow(dns);
      return { ...now, uses_it_now: false };
    };
    return servicePreview(args.domains, ctx, { describe, note: NOTES[args.service] ?? 'A domain whose service is cleared shows the parking page.' });
  },
});

/** Clearing DNS, name servers or a forward changes what the domains resolve to: the server snapshots that first. */
const withSnapshot: typeof spec = { ...spec, snapshotOf: (args) => (RESOLVES_AS[args.service] ? args.domains : []) };
export default withSnapshot;
