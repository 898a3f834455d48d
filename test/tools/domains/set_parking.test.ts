import { describe, expect, it } from 'vitest';
import setParking from '../../../tools/domains/set_parking.js';
import { type Json, useHarness } from '../../helpers/tool-test.js';

// The common cases (example, condensing, shape, effect, sweep, confirm gate, the write in a read)
// come from the family table: test/helpers/setting-scopes.ts, run by test/tools/setting-families.test.ts.
const { ok, call, domain, sent } = useHarness();
const toApi = (args: Record<string, unknown>) => setParking.toApi(setParking.input.parse(args));

describe('toApi', () => {
  it('set_parking: domains comma-separated; with_ads yes, or left to api3 (ads on) when not said', () => {
    expect(toApi({ domains: ['a.com', 'b.com'], with_ads: true })).toEqual({ domain: 'a.com,b.com', with_ads: 'yes' });
    expect(toApi({ domains: ['a.com'] })).toEqual({ domain: 'a.com' });
  });
});

describe('through the client', () => {
  it('set_parking with confirm: the domains show the parking page, and get_dns says so', async () => {
    const result = await ok<Json>('set_parking', { domains: ['acme-widgets.com', 'widgetlab.io'], with_ads: false, confirm: true });
    expect(result).toEqual({ done: true, domains: ['acme-widgets.com', 'widgetlab.io'], changed: { with_ads: false } });
    expect(domain('acme-widgets.com').nameServers).toEqual({ kind: 'parking', withAds: false });
    expect(domain('widgetlab.io').nameServers).toEqual({ kind: 'parking', withAds: false });
    expect((await ok<Json>('get_dns', { domain: 'acme-widgets.com' })).dns).toEqual({ type: 'dynadot_parking', with_ads: false });
    expect(sent('set_parking').map((r) => r.params)).toEqual([{ domain: 'acme-widgets.com,widgetlab.io', with_ads: 'no' }]);
  });

  it('set_parking without with_ads: api3 parks with ads (its default)', async () => {
    await ok('set_parking', { domains: ['widget.dev'], confirm: true });
    expect(domain('widget.dev').nameServers).toEqual({ kind: 'parking', withAds: true });
  });

  it('set_parking on a domain not in the account: the preview\'s read refuses it, nothing is sent', async () => {
    const { preview } = await ok<Json>('set_parking', { domains: ['not-mine.com'], confirm: true });
    expect(preview.refused_because).toEqual(['not in this account: not-mine.com']);
    expect(preview).not.toHaveProperty('confirmation_id');
    expect(sent('set_parking')).toHaveLength(0);
  });
});

describe('safety', () => {
  it('set_parking preview: per domain what parking replaces, DNS records as a person writes them', async () => {
    const result = await call('set_parking', { domains: ['acme-widgets.com', 'widgetlab.io', 'acme-widgets.net'] });
    const { current, warning } = (result.structuredContent as Json).preview.details;
    expect(current['acme-widgets.com']).toEqual({
      service: 'dynadot_dns',
      dns_records_dropped: [
        { type: 'a', value: '203.0.113.10' },
        { type: 'mx', value: 'mx1.mailhost.example', priority: 10 },
        { type: 'txt', value: 'v=spf1 include:mailhost.example ~all' },
        { subdomain: 'www', type: 'cname', value: 'acme-widgets.com' },
        { subdomain: 'api', type: 'a', value: '203.0.113.20' },
      ],
      ttl: 3600,
    });
    expect(current['widgetlab.io']).toEqual({ name_servers: ['ns1.cloudhost.example', 'ns2.cloudhost.example'] });
    expect(current['acme-widgets.net']).toEqual({ service: 'dynadot_parking', with_ads: false });
    expect(warning).toMatch(/stop answering/);
    expect(sent('set_parking')).toHaveLength(0);
  });

  it('set_parking preview of domains without DNS records carries no warning; past five domains the rest are counted', async () => {
    const domains = ['widgetlab.io', 'acme-widgets.net', 'shopwidgets.co', 'fresh-idea.xyz', 'acme-widgets.de', 'old-project.org'];
    const { details } = ((await call('set_parking', { domains })).structuredContent as Json).preview;
    expect(details).not.toHaveProperty('warning');
    expect(Object.keys(details.current)).toEqual(domains.slice(0, 5));
    expect(details.and_more_domains).toBe(1);
  });
});
