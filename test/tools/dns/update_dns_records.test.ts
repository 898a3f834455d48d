import { describe, expect, it } from 'vitest';
import updateDnsRecords from '../../../tools/dns/update_dns_records.js';
import { badInputSweep, confirmGateCases, dnsRecordKinds, type Json, pinEffect, useHarness } from '../../helpers/tool-test.js';

// A composite of get_dns and set_dns2: it has no api3 spelling of its own, so no example query,
// no condensing of an example and no simulator shape of its own.
const { ok, fail, sent, domain } = useHarness();

describe('through the client', () => {
  it('update_dns_records: an A record for www displaces its CNAME, every other record stays', async () => {
    const before = structuredClone(domain('acme-widgets.com').nameServers);
    const result = await ok<Json>('update_dns_records', {
      domain: 'acme-widgets.com',
      set: [{ type: 'a', subdomain: 'www', value: '198.51.100.7' }],
      confirm: true,
    });
    expect(result.removed).toEqual([{ subdomain: 'www', type: 'cname', value: 'acme-widgets.com' }]);
    expect(result.mismatches).toEqual([]);
    const after = domain('acme-widgets.com').nameServers;
    if (after.kind !== 'dns' || before.kind !== 'dns') throw new Error('expected Dynadot DNS');
    expect(after.main).toEqual(before.main);
    expect(after.ttl).toBe(before.ttl);
    expect(after.sub).toEqual([
      { subhost: 'api', type: 'a', value: '203.0.113.20' },
      { subhost: 'www', type: 'a', value: '198.51.100.7' },
    ]);
    expect(sent('set_dns2')[0]?.params.add_dns_to_current_setting).toBeUndefined();
  });

  it('update_dns_records: remove deletes one kind of record; the preview lists it and changes nothing', async () => {
    const preview = await ok<Json>('update_dns_records', { domain: 'acme-widgets.com', remove: [{ type: 'txt' }] });
    expect(preview.preview.details.would_remove).toEqual([{ type: 'txt', value: 'v=spf1 include:mailhost.example ~all' }]);
    expect(sent('set_dns2')).toHaveLength(0);
    await ok('update_dns_records', { domain: 'acme-widgets.com', remove: [{ type: 'txt' }], confirm: true });
    const dns = domain('acme-widgets.com').nameServers;
    expect(dns.kind === 'dns' && dns.main.map((r) => r.type)).toEqual(['a', 'mx']);
  });

  it('update_dns_records refuses a domain not on Dynadot DNS and an empty request, sending no write', async () => {
    expect((await fail('update_dns_records', { domain: 'widgetlab.io', set: [{ type: 'a', value: '192.0.2.1' }], confirm: true })).error).toBe(
      'invalid_input',
    );
    expect((await fail('update_dns_records', { domain: 'acme-widgets.com', confirm: true })).error).toBe('invalid_input');
    expect(sent('set_dns2')).toHaveLength(0);
  });
});

describe('safety', () => {
  pinEffect(updateDnsRecords, 'destructive');
  confirmGateCases(updateDnsRecords, { domain: 'acme-widgets.com', set: [{ type: 'a', subdomain: 'www', value: '198.51.100.1' }] }, ['get_dns']);
  badInputSweep(
    updateDnsRecords,
    {
      domain: 'acme-widgets.com',
      set: [{ type: 'a', subdomain: 'www', value: '192.0.2.1' }],
      remove: [{ subdomain: 'api', type: 'a' }],
      ttl: 300,
      confirm: true,
    },
    // A record's value means what its type says, as in set_dns2's records.
    { kindOf: dnsRecordKinds('set'), mustTry: [/^update_dns_records set\[0\]\.value: invalid ipv4 "999\.1\.1\.1"$/] },
  );
});
