import { describe, expect, it } from 'vitest';
import setNs from '../../../tools/nameservers/set_ns.js';
import { withValue } from '../../helpers/invalid-input.js';
import {
  badInputSweep,
  condenseExample,
  confirmGateCases,
  exampleQueryCase,
  type Json,
  pinEffect,
  simulatorShapeCase,
  useHarness,
} from '../../helpers/tool-test.js';

const { ok, fail, call, domain, h } = useHarness();
const toApi = (args: Record<string, unknown>) => setNs.toApi(setNs.input.parse(args));

describe('toApi', () => {
  exampleQueryCase(setNs, { domains: ['domain1.com', 'domain2.com'], name_servers: ['ns1.hostns.com', 'ns2.hostns.com'] });

  it('set_ns: up to 13 name servers as ns0..ns12', () => {
    const hosts = Array.from({ length: 13 }, (_, i) => `ns${i}.host.example`);
    const params = toApi({ domains: ['a.com'], name_servers: hosts });
    expect(params.ns12).toBe('ns12.host.example');
    expect(Object.keys(params)).toHaveLength(14);
    expect(() => setNs.input.parse({ domains: ['a.com'], name_servers: [...hosts, 'ns13.host.example'] })).toThrow();
  });
});

describe('condense', () => {
  it('set_ns: says what is now in place', () => {
    expect(condenseExample(setNs, { domains: ['domain1.com', 'domain2.com'], name_servers: ['ns1.hostns.com', 'ns2.hostns.com'] })).toEqual({
      done: true,
      domains: ['domain1.com', 'domain2.com'],
      changed: { name_servers: ['ns1.hostns.com', 'ns2.hostns.com'] },
    });
  });
});

describe('simulator', () => {
  simulatorShapeCase(setNs, (q) => ({ ...q, domain: 'acme-widgets.com,widget.dev', ns0: 'ns1.cloudhost.example', ns1: 'ns2.cloudhost.example' }));
});

describe('through the client', () => {
  it('set_ns with confirm: points domains at registered hosts', async () => {
    const hosts = ['ns1.cloudhost.example', 'ns2.cloudhost.example'];
    const result = await ok('set_ns', { domains: ['acme-widgets.net', 'widget.dev'], name_servers: hosts, confirm: true });
    expect(result).toEqual({ done: true, domains: ['acme-widgets.net', 'widget.dev'], changed: { name_servers: hosts } });
    expect(domain('acme-widgets.net').nameServers).toEqual({ kind: 'nameservers', hosts });
    expect(domain('widget.dev').nameServers).toEqual({ kind: 'nameservers', hosts });
    expect((await ok('get_ns', { domain: 'widget.dev' })).name_servers).toEqual(hosts);
  });

  it('set_ns with an unknown name server is an error and changes nothing', async () => {
    const error = await fail('set_ns', { domains: ['acme-widgets.net'], name_servers: ['ns9.nowhere.example'], confirm: true });
    expect(error.error).toBe('not_found');
    expect(error.message).toMatch(/ns9\.nowhere\.example/);
    expect(domain('acme-widgets.net').nameServers).toEqual({ kind: 'parking', withAds: false });
  });
});

describe('safety', () => {
  pinEffect(setNs, 'destructive');
  confirmGateCases(setNs, { domains: ['acme-widgets.com'], name_servers: ['ns1.cloudhost.example'] }, ['get_ns']);

  it('set_ns preview shows what would be replaced', async () => {
    const ns = (await call('set_ns', { domains: ['widgetlab.io'], name_servers: ['ns1.acme-widgets.com'] })).structuredContent as Json;
    expect(ns.preview.details.current_name_servers).toEqual({ 'widgetlab.io': ['ns1.cloudhost.example', 'ns2.cloudhost.example'] });
  });

  it('set_ns: other invalid input is refused before anything is sent', async () => {
    const args = { domains: ['acme-widgets.com'], name_servers: [], confirm: true };
    const result = await call('set_ns', args);
    expect(result.isError, JSON.stringify(args)).toBe(true);
    expect(h().simulator.requests).toEqual([]);
  });

  const valid = { domains: ['acme-widgets.com'], name_servers: ['ns1.cloudhost.example', 'ns2.cloudhost.example'] };
  badInputSweep(setNs, valid, {
    extra: [
      {
        path: ['name_servers'],
        label: '14 distinct name servers',
        args: withValue(valid, ['name_servers'], Array.from({ length: 14 }, (_, i) => `ns${i}.example.com`)),
      },
    ],
    mustTry: [/^set_ns domains: oversized array \(101 items\)$/, /^set_ns name_servers: oversized array \(14 items\)$/],
  });
});
