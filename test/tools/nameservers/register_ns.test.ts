import { describe, expect, it } from 'vitest';
import registerNs from '../../../tools/nameservers/register_ns.js';
import type { KindOf } from '../../helpers/tool-test.js';
import { badInputSweep, condenseExample, exampleQueryCase, pinEffect, simulate, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, fail, account } = useHarness();

describe('toApi', () => {
  exampleQueryCase(registerNs, { host: 'domain1.com', ip: '192.168.1.1' });

  it('register_ns: an IPv6 glue address goes as ip', () => {
    expect(registerNs.toApi(registerNs.input.parse({ host: 'ns1.acme-widgets.net', ip: '2001:db8::53' }))).toEqual({ host: 'ns1.acme-widgets.net', ip: '2001:db8::53' });
  });
});

describe('condense', () => {
  it('register_ns: the host as api3 answers it (the document has it as "ndomain1.com") and the id as a number', () => {
    expect(condenseExample(registerNs, { host: 'domain1.com', ip: '192.168.1.1' })).toEqual({ server_id: 0, host: 'ndomain1.com' });
  });
});

describe('simulator', () => {
  simulatorShapeCase(registerNs, (q) => ({ ...q, host: 'ns2.acme-widgets.com' }));

  it('register_ns: a host outside the account\'s domains, or without an IP, is refused', () => {
    const outside = simulate('register_ns', { host: 'ns1.example.net', ip: '192.0.2.1' }) as { RegisterNsResponse: { Error: string } };
    expect(outside.RegisterNsResponse.Error).toMatch(/not under a domain in your account/);
    const noIp = simulate('register_ns', { host: 'ns2.acme-widgets.com' }) as { RegisterNsResponse: { Error: string } };
    expect(noIp.RegisterNsResponse.Error).toMatch(/missing required parameter: ip/);
  });
});

describe('through the client', () => {
  it('register_ns: the host under an own domain is in server_list with its glue IP', async () => {
    expect(await ok('register_ns', { host: 'ns2.acme-widgets.com', ip: '203.0.113.54' })).toEqual({ server_id: 3, host: 'ns2.acme-widgets.com' });
    expect((await ok('server_list')).items).toContainEqual({ id: 3, name: 'ns2.acme-widgets.com', ips: ['203.0.113.54'] });
  });

  it('register_ns: the domain itself can be the host, with an IPv6 address', async () => {
    await ok('register_ns', { host: 'widget.dev', ip: '2001:db8::53' });
    expect(account().servers.get(3)).toEqual({ id: 3, name: 'widget.dev', ips: ['2001:db8::53'] });
  });

  it('register_ns for a host outside the account\'s domains: an error, nothing added', async () => {
    const error = await fail('register_ns', { host: 'ns1.example.net', ip: '192.0.2.1' });
    expect(error.message).toMatch(/add_ns/);
    expect(account().servers.size).toBe(3);
  });
});

describe('safety', () => {
  pinEffect(registerNs, 'write');
  // The address is IPv4 or IPv6: the IPv6 kind's invalid values are invalid for both.
  const ipKind: KindOf = (path) => (path[0] === 'ip' ? 'ipv6' : undefined);
  badInputSweep(registerNs, { host: 'ns2.acme-widgets.com', ip: '203.0.113.54' }, { kindOf: ipKind, mustTry: [/^register_ns ip: invalid ipv6 "999\.1\.1\.1"$/, /^register_ns ip: missing required property$/] });
});
