import { invokeRead } from '../../src/server/define.js';
import getDns from '../dns/get_dns.js';
import { asWritten } from '../shared/dns-records.js';
import { forDomains, nameServersBefore, parking } from '../shared/settings.js';
import { SHOWN_DOMAINS } from '../shared/write.js';

export default forDomains(parking, {
  name: 'set_parking',
  toolset: 'domains',
  title: 'Park domains',
  description: "Show Dynadot's parking page on up to 100 domains, replacing their DNS records or name servers. Needs confirm.",
  /**
   * Per domain (the first few): the setting it has now, which parking replaces, with its DNS
   * records as a person writes them. get_dns answers not_found for a domain outside the
   * account: that error is the answer.
   */
  async preview(args, ctx) {
    const shown = args.domains.slice(0, SHOWN_DOMAINS);
    const current: Record<string, unknown> = {};
    let dropsRecords = false;
    for (const domain of shown) {
      const { dns } = await invokeRead(getDns, { domain }, ctx);
      if (dns.type === 'dynadot_dns') {
        const dropped = (dns.records ?? []).map(asWritten);
        current[domain] = { service: dns.type, dns_records_dropped: dropped, ttl: dns.ttl };
        dropsRecords ||= dropped.length > 0;
      } else current[domain] = { ...nameServersBefore(dns), ...(dns.with_ads === undefined ? {} : { with_ads: dns.with_ads }) };
    }
    return {
      facts: {
        current,
        ...(args.domains.length > shown.length ? { and_more_domains: args.domains.length - shown.length } : {}),
        ...(dropsRecords ? { warning: 'The DNS records listed stop answering (website, email, verification) while the domain is parked.' } : {}),
      },
    };
  },
});
