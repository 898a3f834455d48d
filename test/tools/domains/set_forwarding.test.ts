import { describe, expect, it } from 'vitest';
import setForwarding from '../../../tools/domains/set_forwarding.js';
import { type Json, useHarness } from '../../helpers/tool-test.js';

// The common cases (example, condensing, shape, effect, sweep, confirm gate, the write in a read)
// come from the family table: test/helpers/setting-scopes.ts, run by test/tools/setting-families.test.ts.
const { ok, call, domain, sent } = useHarness();
const toApi = (args: Record<string, unknown>) => setForwarding.toApi(setForwarding.input.parse(args));

describe('toApi', () => {
  it('set_forwarding: permanent is api3\'s is_temp=no, temporary is_temp=yes, unsaid left out (302)', () => {
    expect(toApi({ domains: ['a.com'], url: 'https://b.example/x', permanent: true })).toEqual({ domain: 'a.com', forward_url: 'https://b.example/x', is_temp: 'no' });
    expect(toApi({ domains: ['a.com'], url: 'https://b.example/x', permanent: false }).is_temp).toBe('yes');
    expect(() => setForwarding.input.parse({ domains: ['a.com'], url: 'ftp://b.example/' })).toThrow();
  });
});

describe('through the client', () => {
  it('set_forwarding with confirm: get_dns and domain_info show the forward', async () => {
    const result = await ok('set_forwarding', { domains: ['widget.dev', 'acme-widgets.net'], url: 'https://shop.example/', permanent: true, confirm: true });
    expect(result).toEqual({ done: true, domains: ['widget.dev', 'acme-widgets.net'], changed: { url: 'https://shop.example/', permanent: true } });
    expect(domain('widget.dev').nameServers).toEqual({ kind: 'forwarding', url: 'https://shop.example/', permanent: true });
    expect((await ok<Json>('get_dns', { domain: 'acme-widgets.net' })).dns).toEqual({ type: 'forwarding', forward_to: 'https://shop.example/' });
    expect((await ok<Json>('domain_info', { domain: 'widget.dev' })).domain.name_servers).toEqual({ type: 'forwarding', forward_to: 'https://shop.example/' });
    expect(sent('set_forwarding').map((r) => r.params)).toEqual([{ domain: 'widget.dev,acme-widgets.net', forward_url: 'https://shop.example/', is_temp: 'no' }]);
  });

  it('set_forwarding with a domain outside the account: a preview that refuses it, nothing sent', async () => {
    const { preview } = await ok<Json>('set_forwarding', { domains: ['widget.dev', 'not-mine.com'], url: 'https://shop.example/', confirm: true });
    expect(preview.refused_because).toEqual(['not in this account: not-mine.com']);
    expect(preview).not.toHaveProperty('confirmation_id');
    // The domain that is there is still shown.
    expect(Object.keys(preview.details.current)).toEqual(['widget.dev']);
    expect(sent('set_forwarding')).toHaveLength(0);
    expect(domain('widget.dev').nameServers.kind).toBe('dns');
  });
});

describe('safety', () => {
  it('set_forwarding preview: per domain what the forward replaces, DNS records as a person writes them', async () => {
    const domains = ['acme-widgets.com', 'widgetlab.io', 'acme-widgets.net', 'shopwidgets.co', 'fresh-idea.xyz', 'acme-widgets.de'];
    const { details } = ((await call('set_forwarding', { domains, url: 'https://shop.example/' })).structuredContent as Json).preview;
    expect(details.current['acme-widgets.com']).toEqual({
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
    expect(details.current['widgetlab.io']).toEqual({ name_servers: ['ns1.cloudhost.example', 'ns2.cloudhost.example'] });
    expect(details.current['acme-widgets.net']).toEqual({ service: 'dynadot_parking', with_ads: false });
    expect(Object.keys(details.current)).toEqual(domains.slice(0, 5));
    expect(details.and_more_domains).toBe(1);
    expect(details.warning).toMatch(/stop answering/);
  });
});
