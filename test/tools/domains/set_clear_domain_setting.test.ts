import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StateStore } from '../../../src/server/state-store.js';
import setClearDomainSetting from '../../../tools/domains/set_clear_domain_setting.js';
import { startHarness } from '../../helpers/harness.js';
import { type Json, useHarness } from '../../helpers/tool-test.js';

// The common cases (example, condensing, shape, effect, sweep, confirm gate, the write in a read)
// come from the family table: test/helpers/setting-scopes.ts, run by test/tools/setting-families.test.ts.
const { ok, call, domain, sent } = useHarness();

describe('toApi', () => {
  it('set_clear_domain_setting: every service of the document, dnssec included; nothing else', () => {
    for (const service of ['forward', 'stealth', 'email_forwarding', 'dns', 'dnssec', 'nameservers']) {
      expect(setClearDomainSetting.toApi(setClearDomainSetting.input.parse({ domains: ['a.com', 'b.com'], service }))).toEqual({ domain: 'a.com,b.com', service });
    }
    expect(() => setClearDomainSetting.input.parse({ domains: ['a.com'], service: 'parking' })).toThrow();
  });
});

describe('through the client', () => {
  it('clearing DNS: the domain drops its records and get_dns shows the parking page; others keep theirs', async () => {
    const result = await ok('set_clear_domain_setting', { domains: ['acme-widgets.com', 'widgetlab.io'], service: 'dns', confirm: true });
    expect(result).toEqual({ done: true, domains: ['acme-widgets.com', 'widgetlab.io'], changed: { service: 'dns' } });
    expect((await ok<Json>('get_dns', { domain: 'acme-widgets.com' })).dns).toEqual({ type: 'dynadot_parking', with_ads: false });
    // Not on Dynadot DNS: its name servers stay.
    expect(domain('widgetlab.io').nameServers).toEqual({ kind: 'nameservers', hosts: ['ns1.cloudhost.example', 'ns2.cloudhost.example'] });
  });

  it('clearing email forwarding and DNSSEC: the domain has neither afterwards', async () => {
    await ok('set_clear_domain_setting', { domains: ['acme-widgets.de'], service: 'email_forwarding', confirm: true });
    expect(domain('acme-widgets.de').emailForward).toEqual({ kind: 'none' });
    const key = { algorithm: 'ecdsap256sha256', record: { type: 'ds', key_tag: 2371, digest_type: 'sha256', digest: 'A'.repeat(64) } };
    await ok('set_dnssec', { domain: 'acme-widgets.de', ...key, confirm: true });
    expect(domain('acme-widgets.de').dnssec).toMatchObject({ kind: 'ds', keyTag: 2371 });
    await ok('set_clear_domain_setting', { domains: ['acme-widgets.de'], service: 'dnssec', confirm: true });
    expect(domain('acme-widgets.de').dnssec).toBeUndefined();
  });

  it('clearing name servers takes a snapshot first that names the hosts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dynadot-clear-'));
    const store = new StateStore(dir, false);
    const own = await startHarness({ store });
    try {
      const result = await own.ok<Json>('set_clear_domain_setting', { domains: ['widgetlab.io'], service: 'nameservers', confirm: true });
      expect(result.snapshot_id).toMatch(/^s-/);
      expect(store.get(result.snapshot_id)?.domains).toEqual({ 'widgetlab.io': { type: 'name_servers', name_servers: ['ns1.cloudhost.example', 'ns2.cloudhost.example'] } });
      // Email forwarding does not change what the domain resolves to: no snapshot.
      expect(await own.ok<Json>('set_clear_domain_setting', { domains: ['acme-widgets.de'], service: 'email_forwarding', confirm: true })).not.toHaveProperty('snapshot_id');
    } finally {
      await own.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('safety', () => {
  it('set_clear_domain_setting preview: which domains use the service now, and the records that go', async () => {
    const { details } = ((await call('set_clear_domain_setting', { domains: ['acme-widgets.com', 'widgetlab.io'], service: 'dns' })).structuredContent as Json).preview;
    expect(details.current['acme-widgets.com']).toMatchObject({ service: 'dynadot_dns', uses_it_now: true, ttl: 3600 });
    expect(details.current['acme-widgets.com'].dns_records_dropped).toHaveLength(5);
    expect(details.current['widgetlab.io']).toEqual({ name_servers: ['ns1.cloudhost.example', 'ns2.cloudhost.example'], uses_it_now: false });
    expect(details.warning).toMatch(/stop answering/);
    expect(details.note).toMatch(/parking page/);
    expect(sent('set_clear_domain_setting')).toHaveLength(0);
  });

  it('set_clear_domain_setting preview of a service on a domain that does not use it: nothing dropped', async () => {
    const { details } = ((await call('set_clear_domain_setting', { domains: ['acme-widgets.com'], service: 'forward' })).structuredContent as Json).preview;
    expect(details.current['acme-widgets.com']).toEqual({ service: 'dynadot_dns', ttl: 3600, uses_it_now: false });
    expect(details).not.toHaveProperty('warning');
  });

  it('set_clear_domain_setting preview of dnssec: says no read can tell the key', async () => {
    const { details } = ((await call('set_clear_domain_setting', { domains: ['widget.dev'], service: 'dnssec' })).structuredContent as Json).preview;
    expect(details.note).toMatch(/cannot read a domain's DNSSEC/);
  });
});
