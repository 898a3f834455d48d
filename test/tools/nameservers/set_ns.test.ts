import { describe, expect, it } from 'vitest';
import setNs from '../../../tools/nameservers/set_ns.js';
import { textOf } from '../../helpers/harness.js';
import { type Json, useHarness } from '../../helpers/tool-test.js';

// The common cases (example, condensing, shape, effect, sweep, confirm gate, the write in a read)
// come from the family table: test/helpers/setting-scopes.ts, run by test/tools/setting-families.test.ts.
const { ok, call, domain, sent, h } = useHarness();
const toApi = (args: Record<string, unknown>) => setNs.toApi(setNs.input.parse(args));

describe('toApi', () => {
  it('set_ns: up to 13 name servers as ns0..ns12', () => {
    const hosts = Array.from({ length: 13 }, (_, i) => `ns${i}.host.example`);
    const params = toApi({ domains: ['a.com'], name_servers: hosts });
    expect(params.ns12).toBe('ns12.host.example');
    expect(Object.keys(params)).toHaveLength(14);
    expect(() => setNs.input.parse({ domains: ['a.com'], name_servers: [...hosts, 'ns13.host.example'] })).toThrow();
  });
});

describe('through the client', () => {
  it('set_ns with confirm: points domains at registered hosts, and answers what they had before', async () => {
    const hosts = ['ns1.cloudhost.example', 'ns2.cloudhost.example'];
    const result = await ok('set_ns', { domains: ['acme-widgets.net', 'widget.dev'], name_servers: hosts, confirm: true });
    expect(result).toEqual({
      done: true,
      domains: ['acme-widgets.net', 'widget.dev'],
      changed: { name_servers: hosts },
      previous: {
        'acme-widgets.net': { service: 'dynadot_parking' },
        'widget.dev': { service: 'dynadot_dns', records: [{ type: 'aaaa', value: '2001:db8::1' }], ttl: 300 },
      },
    });
    expect(domain('acme-widgets.net').nameServers).toEqual({ kind: 'nameservers', hosts });
    expect(domain('widget.dev').nameServers).toEqual({ kind: 'nameservers', hosts });
    expect((await ok('get_ns', { domain: 'widget.dev' })).name_servers).toEqual(hosts);
  });

  it('set_ns: the previous name servers come from a list_domain read before the one write', async () => {
    const result = await ok('set_ns', { domains: ['widgetlab.io'], name_servers: ['ns1.acme-widgets.com'], confirm: true });
    expect(result.previous).toEqual({ 'widgetlab.io': { name_servers: ['ns1.cloudhost.example', 'ns2.cloudhost.example'] } });
    const commands = h().simulator.requests.map((r) => r.command);
    // The confirmed call reads list_domain once: its check and `previous` share the read.
    expect(commands.slice(commands.lastIndexOf('server_list') + 1).filter((c) => c === 'list_domain' || c === 'set_ns')).toEqual(['list_domain', 'set_ns']);
  });

  it('set_ns with a name server not registered in the account: a preview that says so, no confirmation id, nothing sent', async () => {
    const args = { domains: ['acme-widgets.net'], name_servers: ['ns1.cloudhost.example', 'ns9.nowhere.example', 'ns8.nowhere.example'] };
    for (const attempt of [args, { ...args, confirm: true }, { ...args, confirm: true, confirmation_id: 'c1.123.forged.forged' }]) {
      const result = await call('set_ns', attempt);
      expect(result.isError, textOf(result)).toBeFalsy();
      const preview = (result.structuredContent as Json).preview;
      expect(preview.refused_because).toEqual([expect.stringMatching(/not registered in this account: ns9\.nowhere\.example, ns8\.nowhere\.example\. Add each first: add_ns .*register_ns/)]);
      expect(preview).not.toHaveProperty('confirmation_id');
      // Only tools this server serves are named.
    }
    expect(sent('set_ns')).toHaveLength(0);
    expect(domain('acme-widgets.net').nameServers).toEqual({ kind: 'parking', withAds: false });
  });

  it('set_ns on a domain not in the account is refused by the preview, and nothing is sent', async () => {
    const { preview } = await ok<Json>('set_ns', { domains: ['not-mine.com'], name_servers: ['ns1.cloudhost.example'], confirm: true });
    expect(preview.refused_because).toEqual(['not in this account: not-mine.com']);
    expect(preview).not.toHaveProperty('confirmation_id');
    expect(sent('set_ns')).toHaveLength(0);
  });
});

describe('safety', () => {
  it('set_ns preview shows the name servers replaced', async () => {
    const ns = (await call('set_ns', { domains: ['widgetlab.io'], name_servers: ['ns1.acme-widgets.com'] })).structuredContent as Json;
    expect(ns.preview.details.current).toEqual({ 'widgetlab.io': { name_servers: ['ns1.cloudhost.example', 'ns2.cloudhost.example'] } });
    expect(ns.preview.details).not.toHaveProperty('warning');
    expect(ns.preview.confirmation_id).toMatch(/^c1\./);
  });

  it('set_ns previews list the DNS records to be dropped, as a person writes them', async () => {
    const domains = ['acme-widgets.com', 'widgetlab.io', 'widget.dev', 'acme-widgets.net', 'shopwidgets.co', 'fresh-idea.xyz'];
    const ns = (await call('set_ns', { domains, name_servers: ['ns1.cloudhost.example'] })).structuredContent as Json;
    const { current, and_more_domains, warning } = ns.preview.details;
    expect(current['acme-widgets.com']).toEqual({
      service: 'dynadot_dns',
      ttl: 3600,
      dns_records_dropped: [
        { type: 'a', value: '203.0.113.10' },
        { type: 'mx', value: 'mx1.mailhost.example', priority: 10 },
        { type: 'txt', value: 'v=spf1 include:mailhost.example ~all' },
        { subdomain: 'www', type: 'cname', value: 'acme-widgets.com' },
        { subdomain: 'api', type: 'a', value: '203.0.113.20' },
      ],
    });
    expect(current['widget.dev'].dns_records_dropped).toEqual([{ type: 'aaaa', value: '2001:db8::1' }]);
    // Parked and outside name servers: nothing of Dynadot DNS to drop.
    expect(current['acme-widgets.net']).not.toHaveProperty('dns_records_dropped');
    expect(current['widgetlab.io']).not.toHaveProperty('dns_records_dropped');
    // The first five, the rest counted.
    expect(Object.keys(current)).toEqual(domains.slice(0, 5));
    expect(and_more_domains).toBe(1);
    expect(warning).toMatch(/stop answering/);
    expect(sent('set_ns')).toHaveLength(0);
  });

  // Issue 15: the id binds every domain's setting and service, not only the five the preview lists.
  const SIX = ['acme-widgets.com', 'widgetlab.io', 'widget.dev', 'acme-widgets.net', 'shopwidgets.co', 'fresh-idea.xyz'];
  const confirmAfter = async (args: Json, change: () => void) => {
    const { preview } = (await call('set_ns', args)).structuredContent as Json;
    expect(preview.confirmation_id).toMatch(/^c1\./);
    change();
    const again = await ok<Json>('set_ns', { ...args, confirm: true, confirmation_id: preview.confirmation_id });
    expect(again.preview?.why_not_sent).toMatch(/changed since the preview/);
    expect(sent('set_ns')).toHaveLength(0);
  };

  it('set_ns on 6 domains: the 6th, not listed, moved to Dynadot DNS with an MX record, voids the id', async () => {
    const args = { domains: SIX, name_servers: ['ns1.cloudhost.example'] };
    await confirmAfter(args, () => {
      domain('fresh-idea.xyz').nameServers = { kind: 'dns', ttl: 3600, main: [{ type: 'mx', value: 'mx.mail.example', extra: '10' }], sub: [] };
    });
    expect(domain('fresh-idea.xyz').nameServers).toMatchObject({ kind: 'dns' });
  });

  it('set_ns on a parked domain switched to forwarding after the preview: the id no longer confirms', async () => {
    await confirmAfter({ domains: ['acme-widgets.net'], name_servers: ['ns1.cloudhost.example'] }, () => {
      domain('acme-widgets.net').nameServers = { kind: 'forwarding', url: 'https://elsewhere.example', permanent: true };
    });
  });

  it('set_ns preview reads in bulk: one list_domain, get_dns only for domains on Dynadot DNS', async () => {
    await call('set_ns', { domains: SIX, name_servers: ['ns1.cloudhost.example'] });
    const commands = h().simulator.requests.map((r) => r.command);
    expect(commands).toEqual(['list_domain', 'get_dns', 'get_dns', 'server_list']);
  });

  it('set_ns: other invalid input is refused before anything is sent', async () => {
    const args = { domains: ['acme-widgets.com'], name_servers: [], confirm: true };
    const result = await call('set_ns', args);
    expect(result.isError, JSON.stringify(args)).toBe(true);
    expect(h().simulator.requests).toEqual([]);
  });
});
