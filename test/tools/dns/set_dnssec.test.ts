import { describe, expect, it } from 'vitest';
import setDnssec from '../../../tools/dns/set_dnssec.js';
import { withValue } from '../../helpers/invalid-input.js';
import {
  badInputSweep,
  condenseExample,
  confirmGateCases,
  exampleQueryCase,
  type Json,
  pinEffect,
  simulate,
  simulatorShapeCase,
  useHarness,
} from '../../helpers/tool-test.js';

const { ok, call, domain, sent, h } = useHarness();
const toApi = (args: Record<string, unknown>) => setDnssec.toApi(setDnssec.input.parse(args));

const DIGEST = '8E3B1C7A2F0D9E6B5A4C3D2E1F0A9B8C7D6E5F4A3B2C1D0E9F8A7B6C5D4E3F2A';
const DS = { domain: 'widget.dev', algorithm: 'ecdsap256sha256', record: { type: 'ds', key_tag: 2371, digest_type: 'sha256', digest: DIGEST } };
const EXAMPLE = { domain: 'domain-haha1.com', algorithm: 'rsamd5', record: { type: 'dnskey', flags: 'ksk', public_key: '123' } };

describe('toApi', () => {
  exampleQueryCase(setDnssec, EXAMPLE);

  it('set_dnssec: a DS record as key_tag, digest_type and digest, with the document\'s numbers', () => {
    expect(toApi(DS)).toEqual({ domain_name: 'widget.dev', key_tag: '2371', digest_type: '2', digest: DIGEST, algorithm: '13' });
    expect(toApi({ ...DS, algorithm: 'privateoid', record: { ...DS.record, digest_type: 'sha384', digest: 'ab'.repeat(48) } })).toMatchObject({ digest_type: '4', algorithm: '254' });
    expect(toApi({ domain: 'a.com', algorithm: 'ed25519', record: { type: 'dnskey', flags: 'zsk', public_key: 'mdsswUyr 3DPW132mOi8V9xESWE8jTo0d xCjjnopKl+GqJxpVXckHAeF+KkxLbxIL fDLUT0rAK9iUzy1L53eKGQ==' } })).toEqual({
      domain_name: 'a.com',
      flags: '256',
      // Spaces of the presentation form are dropped: base64 has none.
      public_key: 'mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ==',
      algorithm: '15',
    });
  });

  it('set_dnssec: the digest must be hex of its digest type\'s length; the key base64', () => {
    expect(() => setDnssec.input.parse({ ...DS, record: { ...DS.record, digest_type: 'sha1' } })).toThrow(/40 digits for sha1/);
    expect(() => setDnssec.input.parse({ ...DS, record: { ...DS.record, digest: `${DIGEST.slice(1)}G` } })).toThrow(/must be hex/);
    expect(() => setDnssec.input.parse({ ...EXAMPLE, record: { ...EXAMPLE.record, public_key: 'not base64!' } })).toThrow(/base64/);
    expect(() => setDnssec.input.parse({ ...DS, algorithm: 13 })).toThrow();
  });
});

describe('condense', () => {
  it('set_dnssec: says which key is now in place', () => {
    expect(condenseExample(setDnssec, EXAMPLE)).toEqual({ done: true, domain: 'domain-haha1.com', changed: { algorithm: 'rsamd5', record: EXAMPLE.record } });
  });
});

describe('simulator', () => {
  simulatorShapeCase(setDnssec, (q) => ({ ...q, domain_name: 'acme-widgets.com' }));

  it('set_dnssec in the simulator: refuses a mix of both options, an unknown algorithm and a digest of the wrong length', () => {
    const refused = (params: Record<string, string>) => simulate('set_dnssec', { domain_name: 'acme-widgets.com', ...params }).SetDnssecResponse as Json;
    expect(refused({ algorithm: '13', flags: '257', public_key: 'AA==', key_tag: '1' }).ResponseCode).toBe('-1');
    expect(refused({ algorithm: '9', flags: '257', public_key: 'AA==' }).Error).toMatch(/algorithm/);
    expect(refused({ algorithm: '13', key_tag: '1', digest_type: '2', digest: 'AB' }).Error).toMatch(/digest/);
  });
});

describe('through the client', () => {
  it('set_dnssec with confirm: the domain holds the key; another key replaces it', async () => {
    const result = await ok('set_dnssec', { ...DS, confirm: true });
    expect(result).toEqual({ done: true, domain: 'widget.dev', changed: { algorithm: 'ecdsap256sha256', record: DS.record } });
    expect(domain('widget.dev').dnssec).toEqual({ kind: 'ds', algorithm: 13, keyTag: 2371, digestType: 2, digest: DIGEST });
    await ok('set_dnssec', { domain: 'widget.dev', algorithm: 'ed25519', record: { type: 'dnskey', flags: 'ksk', public_key: 'AwEAAQ==' }, confirm: true });
    expect(domain('widget.dev').dnssec).toEqual({ kind: 'dnskey', algorithm: 15, flags: 257, publicKey: 'AwEAAQ==' });
    // What the domain resolves to is untouched.
    expect((await ok<Json>('get_dns', { domain: 'widget.dev' })).dns.records).toEqual([{ type: 'aaaa', value: '2001:db8::1' }]);
  });

  it('set_dnssec on a domain outside the account: refused by the preview, nothing sent', async () => {
    const { preview } = await ok<Json>('set_dnssec', { ...DS, domain: 'not-mine.com', confirm: true });
    expect(preview.refused_because).toEqual(['not in this account: not-mine.com']);
    expect(preview).not.toHaveProperty('confirmation_id');
    expect(sent('set_dnssec')).toHaveLength(0);
  });
});

describe('safety', () => {
  pinEffect(setDnssec, 'destructive');
  confirmGateCases(setDnssec, DS, ['list_domain', 'get_dns'], {
    otherArgs: { ...DS, record: { ...DS.record, key_tag: 2372 } },
    changeFacts: {
      what: 'the domain moved to other name servers (another signer)',
      change(account) {
        const d = account.domains.get('widget.dev');
        if (!d) throw new Error('seed changed');
        d.nameServers = { kind: 'nameservers', hosts: ['ns1.cloudhost.example'] };
      },
    },
  });

  it('set_dnssec preview: who serves the domain\'s DNS, and that the current key cannot be read', async () => {
    const { details } = ((await call('set_dnssec', { ...DS, domain: 'widgetlab.io' })).structuredContent as Json).preview;
    expect(details).toEqual({ dns_served_by: ['ns1.cloudhost.example', 'ns2.cloudhost.example'], note: expect.stringMatching(/cannot read/) });
    expect(h().simulator.requests.map((r) => r.command)).toEqual(['list_domain', 'get_dns']);
  });

  badInputSweep(setDnssec, DS, {
    extra: [
      { path: ['record', 'digest'], label: 'a sha1-length digest for sha256', args: withValue(DS, ['record', 'digest'], 'ab'.repeat(20)) },
      { path: ['record', 'digest'], label: 'not hex', args: withValue(DS, ['record', 'digest'], 'x'.repeat(64)) },
    ],
    mustTry: [/^set_dnssec algorithm: outside enum/, /^set_dnssec record\.key_tag: above maximum 65535$/, /^set_dnssec record\.digest_type: outside enum/, /^set_dnssec record\.type: unknown discriminator$/],
  });
});
