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
  confirmGateCases(updateDnsRecords, { domain: 'acme-widgets.com', set: [{ type: 'a', subdomain: 'www', value: '198.51.100.1' }] }, ['get_dns'], {
    otherArgs: { domain: 'acme-widgets.com', set: [{ type: 'a', subdomain: 'www', value: '198.51.100.2' }] },
    changeFacts: {
      what: 'the www record replaced is edited',
      change(account) {
        const dns = account.domains.get('acme-widgets.com')?.nameServers;
        if (dns?.kind !== 'dns') throw new Error('seed changed');
        dns.sub[0] = { subhost: 'www', type: 'cname', value: 'elsewhere.example' };
      },
    },
    // A composite: its write is the set_dns2 it calls.
    writes: ['set_dns2'],
  });

  it('update_dns_records preview lists each record as written (MX priority included), not api3\'s extra', async () => {
    const preview = (
      await ok<Json>('update_dns_records', { domain: 'acme-widgets.com', set: [{ type: 'mx', value: 'mx.newmail.example', priority: 20 }] })
    ).preview;
    expect(preview.details.would_remove).toEqual([{ type: 'mx', value: 'mx1.mailhost.example', priority: 10 }]);
    expect(preview.details.would_add).toEqual([{ type: 'mx', value: 'mx.newmail.example', priority: 20 }]);
    expect(JSON.stringify(preview.details)).not.toContain('extra');
    expect(sent('set_dns2')).toHaveLength(0);
  });

  it('update_dns_records: a record set exactly as it is now is not listed as removed and added', async () => {
    const preview = (
      await ok<Json>('update_dns_records', {
        domain: 'acme-widgets.com',
        set: [
          { type: 'mx', value: 'MX1.mailhost.example.', priority: 10 },
          { type: 'a', subdomain: 'api', value: '203.0.113.21' },
        ],
      })
    ).preview;
    expect(preview.details.would_remove).toEqual([{ subdomain: 'api', type: 'a', value: '203.0.113.20' }]);
    expect(preview.details.would_add).toEqual([{ subdomain: 'api', type: 'a', value: '203.0.113.21' }]);
    expect(preview.details.already_in_place).toEqual([{ type: 'mx', value: 'MX1.mailhost.example.', priority: 10 }]);
    // The same MX with another priority is a change, listed both ways.
    const other = (await ok<Json>('update_dns_records', { domain: 'acme-widgets.com', set: [{ type: 'mx', value: 'mx1.mailhost.example', priority: 5 }] })).preview;
    expect(other.details.would_remove).toEqual([{ type: 'mx', value: 'mx1.mailhost.example', priority: 10 }]);
    expect(other.details.would_add).toEqual([{ type: 'mx', value: 'mx1.mailhost.example', priority: 5 }]);
    expect(other.details).not.toHaveProperty('already_in_place');
  });

  it('update_dns_records: no text is cut, in the summary or in a long TXT value', async () => {
    const spf = `v=spf1 ${Array.from({ length: 30 }, (_, i) => `include:_spf${i}.mailhost.example`).join(' ')} ~all`;
    const preview = (await ok<Json>('update_dns_records', { domain: 'acme-widgets.com', set: [{ type: 'txt', value: spf }] })).preview;
    expect(preview.summary).toMatch(/keeping the others\.$/);
    expect(preview.details.would_add).toEqual([{ type: 'txt', value: spf }]);
    expect(preview.details.would_remove).toEqual([{ type: 'txt', value: 'v=spf1 include:mailhost.example ~all' }]);
  });
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

describe('add keeps every other record', () => {
  /** A small seeded generator (mulberry32), so a failing case can be replayed from its seed. */
  const generator = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const recordFrom = (random: () => number) => {
    const int = (n: number) => Math.floor(random() * n);
    const on = random() < 0.5 ? {} : { subdomain: ['www', 'api', '_dmarc', 'mail'][int(4)] };
    switch (int(3)) {
      case 0:
        return { type: 'a', ...on, value: `192.0.2.${1 + int(254)}` };
      case 1:
        return { type: 'mx', ...on, value: `mx${int(5)}.mailhost.example`, priority: int(50) };
      default:
        return { type: 'txt', ...on, value: `token-${int(1000)}` };
    }
  };
  const key = (r: Json) => JSON.stringify([r.subdomain ?? '', r.type, r.value, r.priority ?? null]);

  for (let n = 0; n < 12; n++) {
    const seed = 0xadd0 + n;
    it(`case ${n} [seed 0x${seed.toString(16)}]: the records after are exactly those before plus the new ones`, async () => {
      const random = generator(seed);
      const current = Array.from({ length: 1 + Math.floor(random() * 6) }, () => recordFrom(random));
      const unique = [...new Map(current.map((r) => [key(r), r])).values()];
      await ok('set_dns2', { domains: ['acme-widgets.com'], records: unique, confirm: true });
      const before = (await ok('get_dns', { domain: 'acme-widgets.com' })).dns.records as Json[];
      const wanted = Array.from({ length: 1 + Math.floor(random() * 3) }, () => recordFrom(random));
      const add = [...new Map(wanted.map((r) => [key(r), r])).values()];
      const done = await ok('update_dns_records', { domain: 'acme-widgets.com', add, confirm: true });
      expect(done).not.toHaveProperty('preview');
      const after = ((await ok('get_dns', { domain: 'acme-widgets.com' })).dns.records as Json[]).map(key).sort();
      const expected = [...new Set([...before.map(key), ...add.map(key)])].sort();
      expect(after).toEqual(expected);
    });
  }

  it('a record already there is not added again, and the preview says it is in place', async () => {
    const mx = { type: 'mx', value: 'mx1.mailhost.example', priority: 10 };
    const { preview } = await ok('update_dns_records', { domain: 'acme-widgets.com', add: [mx] });
    expect(preview.details.already_in_place).toEqual([mx]);
    expect(preview.details.would_add).toEqual([]);
  });

  it('a CNAME added beside other records of its name: the preview names what breaks', async () => {
    const { preview } = await ok('update_dns_records', { domain: 'acme-widgets.com', add: [{ type: 'cname', subdomain: 'api', value: 'edge.example.net' }] });
    expect(preview.details.breaks).toEqual([expect.stringMatching(/CNAME of api stands beside its A record/)]);
  });

  it('a CNAME set at the domain itself: the preview says mail and TXT stop answering', async () => {
    const { preview } = await ok('update_dns_records', { domain: 'acme-widgets.com', set: [{ type: 'cname', value: 'edge.example.net' }] });
    expect(preview.details.breaks).toEqual([expect.stringMatching(/CNAME at the domain itself.*MX/)]);
  });
});
