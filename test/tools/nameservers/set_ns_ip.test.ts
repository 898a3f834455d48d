import { describe, expect, it } from 'vitest';
import setNsIp from '../../../tools/nameservers/set_ns_ip.js';
import { withValue } from '../../helpers/invalid-input.js';
import type { Json, KindOf } from '../../helpers/tool-test.js';
import {
  badInputSweep,
  condenseExample,
  confirmGateCases,
  exampleQueryCase,
  pinEffect,
  simulate,
  simulatorShapeCase,
  useHarness,
} from '../../helpers/tool-test.js';

const { ok, call, account, sent } = useHarness();
const toApi = (args: Record<string, unknown>) => setNsIp.toApi(setNsIp.input.parse(args));

describe('toApi', () => {
  exampleQueryCase(setNsIp, { server_id: 1, ips: ['192.168.1.1'] });

  it('set_ns_ip: up to 9 IPs as ip0..ip8, IPv4 and IPv6 alike; a tenth is refused', () => {
    const ips = Array.from({ length: 9 }, (_, i) => (i % 2 === 0 ? `192.0.2.${i + 1}` : `2001:db8::${i + 1}`));
    const params = toApi({ server_id: 0, ips });
    expect(params.server_id).toBe('0');
    expect(params.ip8).toBe('192.0.2.9');
    expect(params.ip1).toBe('2001:db8::2');
    expect(Object.keys(params)).toHaveLength(10);
    expect(() => setNsIp.input.parse({ server_id: 0, ips: [...ips, '192.0.2.99'] })).toThrow(/at most 9/);
    expect(() => setNsIp.input.parse({ server_id: 0, ips: ['192.0.2.1', '192.0.2.1'] })).toThrow(/only once/);
  });
});

describe('condense', () => {
  it('set_ns_ip: the IPs now set on the host', () => {
    expect(condenseExample(setNsIp, { server_id: 1, ips: ['192.168.1.1'] })).toEqual({ done: true, server_id: 1, ips: ['192.168.1.1'] });
  });
});

describe('simulator', () => {
  // Server 1 of the seed is an outside host (its glue is not kept here); 2 is under acme-widgets.com.
  simulatorShapeCase(setNsIp, (q) => ({ ...q, server_id: '2' }));

  it('set_ns_ip: an unknown id, a host outside the account\'s domains, more than 9 IPs or a bad IP are refused', () => {
    const error = (params: Record<string, string>) => (simulate('set_ns_ip', params) as { SetNsIpResponse: { Error?: string } }).SetNsIpResponse.Error;
    expect(error({ server_id: '99', ip0: '192.0.2.1' })).toMatch(/not found/);
    expect(error({ server_id: '1', ip0: '192.0.2.1' })).toMatch(/not under a domain in your account/);
    expect(error({ server_id: '2', ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`ip${i}`, `192.0.2.${i + 1}`])) })).toMatch(/at most 9/);
    expect(error({ server_id: '2', ip0: '999.1.1.1' })).toMatch(/invalid ip0/);
    expect(error({ server_id: '2' })).toMatch(/missing required parameter: ip0/);
  });
});

describe('through the client', () => {
  it('set_ns_ip with confirm: server_list shows the new IPs in place of the old', async () => {
    const result = await ok('set_ns_ip', { server_id: 2, ips: ['198.51.100.53', '2001:db8::53'], confirm: true });
    expect(result).toEqual({ done: true, server_id: 2, ips: ['198.51.100.53', '2001:db8::53'] });
    expect((await ok('server_list')).items).toContainEqual({ id: 2, name: 'ns1.acme-widgets.com', ips: ['198.51.100.53', '2001:db8::53'] });
  });

  it('set_ns_ip preview: the host, its IPs now, and the domains that resolve through it', async () => {
    account().domains.get('widget.dev')!.nameServers = { kind: 'nameservers', hosts: ['ns1.acme-widgets.com'] };
    const { preview } = (await call('set_ns_ip', { server_id: 2, ips: ['198.51.100.53'] })).structuredContent as Json;
    expect(preview.details).toEqual({
      host: 'ns1.acme-widgets.com',
      ips_now: ['203.0.113.53'],
      used_by: ['widget.dev'],
      warning: expect.stringMatching(/^widget\.dev resolve through this host/),
    });
    expect(preview.confirmation_id).toMatch(/^c1\./);
    expect(sent('set_ns_ip')).toHaveLength(0);
  });

  it('set_ns_ip for an unknown id or an outside host: refused in the preview, no confirmation id, nothing sent', async () => {
    for (const [args, why] of [
      [{ server_id: 42, ips: ['192.0.2.1'] }, /no name server with id 42/],
      [{ server_id: 0, ips: ['192.0.2.1'] }, /ns1\.cloudhost\.example is not under a domain of this account/],
    ] as const) {
      for (const attempt of [args, { ...args, confirm: true }]) {
        const { preview } = (await call('set_ns_ip', attempt)).structuredContent as Json;
        expect(preview.refused_because).toEqual([expect.stringMatching(why)]);
        expect(preview).not.toHaveProperty('confirmation_id');
      }
    }
    expect(sent('set_ns_ip')).toHaveLength(0);
    expect(account().servers.get(0)?.ips).toEqual([]);
  });
});

describe('safety', () => {
  pinEffect(setNsIp, 'destructive');
  confirmGateCases(setNsIp, { server_id: 2, ips: ['198.51.100.53'] }, ['server_list', 'list_domain'], {
    otherArgs: { server_id: 2, ips: ['198.51.100.54'] },
    changeFacts: {
      what: 'an IP added to the host',
      change(sim) {
        sim.servers.get(2)?.ips.push('203.0.113.99');
      },
    },
  });

  it('set_ns_ip with its confirmation: the account holds the new IPs', async () => {
    await ok('set_ns_ip', { server_id: 2, ips: ['198.51.100.53'], confirm: true });
    expect(account().servers.get(2)?.ips).toEqual(['198.51.100.53']);
  });

  const valid = { server_id: 2, ips: ['198.51.100.53', '2001:db8::53'] };
  const ipKind: KindOf = (path) => (path[0] === 'ips' ? 'ipv6' : undefined);
  badInputSweep(setNsIp, valid, {
    kindOf: ipKind,
    extra: [
      { path: ['ips'], label: 'the same IP twice', args: withValue(valid, ['ips'], ['198.51.100.53', '198.51.100.53']) },
      { path: ['ips'], label: '10 distinct IPs', args: withValue(valid, ['ips'], Array.from({ length: 10 }, (_, i) => `192.0.2.${i + 1}`)) },
    ],
    mustTry: [/^set_ns_ip ips: oversized array \(10 items\)$/, /^set_ns_ip ips: empty array below minItems$/, /^set_ns_ip server_id: below minimum 0$/],
  });
});
