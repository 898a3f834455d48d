import { describe, expect, it } from 'vitest';
import deleteNsByDomain from '../../../tools/nameservers/delete_ns_by_domain.js';
import type { Json } from '../../helpers/tool-test.js';
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

describe('toApi', () => {
  exampleQueryCase(deleteNsByDomain, { host: 'ns1.testnameserver.com' });
});

describe('condense', () => {
  it('delete_ns_by_domain: the host deleted', () => {
    expect(condenseExample(deleteNsByDomain, { host: 'ns1.testnameserver.com' })).toEqual({ deleted: true, host: 'ns1.testnameserver.com' });
  });
});

describe('simulator', () => {
  simulatorShapeCase(deleteNsByDomain, (q) => ({ ...q, server_domain: 'ns1.acme-widgets.com' }));

  it('delete_ns_by_domain: a host in use or unknown is refused', () => {
    const error = (host: string) => (simulate('delete_ns_by_domain', { server_domain: host }) as { DeleteNsResponse: { Error?: string } }).DeleteNsResponse.Error;
    expect(error('ns2.cloudhost.example')).toMatch(/in use by widgetlab\.io/);
    expect(error('ns7.nowhere.example')).toMatch(/not found in your account/);
  });
});

describe('through the client', () => {
  it('delete_ns_by_domain with confirm: the host is gone from server_list', async () => {
    expect(await ok('delete_ns_by_domain', { host: 'NS1.acme-widgets.com', confirm: true })).toEqual({ deleted: true, host: 'ns1.acme-widgets.com' });
    expect((await ok('server_list')).items.map((s: Json) => s.name)).not.toContain('ns1.acme-widgets.com');
    expect(account().servers.has(2)).toBe(false);
  });

  it('delete_ns_by_domain preview: the host, its id and IPs, and that no domain uses it', async () => {
    const { preview } = (await call('delete_ns_by_domain', { host: 'ns1.acme-widgets.com' })).structuredContent as Json;
    expect(preview.details).toEqual({ hosts: [{ server_id: 2, host: 'ns1.acme-widgets.com', ips: ['203.0.113.53'], used_by: [] }] });
  });

  it('delete_ns_by_domain of a host in use, or unknown: refused in the preview, no id, nothing sent', async () => {
    for (const [host, why] of [
      ['ns2.cloudhost.example', /ns2\.cloudhost\.example is the name server of widgetlab\.io/],
      ['ns7.nowhere.example', /no name server ns7\.nowhere\.example in this account/],
    ] as const) {
      for (const attempt of [{ host }, { host, confirm: true }]) {
        const { preview } = (await call('delete_ns_by_domain', attempt)).structuredContent as Json;
        expect(preview.refused_because).toEqual([expect.stringMatching(why)]);
        expect(preview).not.toHaveProperty('confirmation_id');
      }
    }
    expect(sent('delete_ns_by_domain')).toHaveLength(0);
    expect(account().servers.size).toBe(3);
  });
});

describe('safety', () => {
  pinEffect(deleteNsByDomain, 'destructive');
  confirmGateCases(deleteNsByDomain, { host: 'ns1.acme-widgets.com' }, ['server_list', 'list_domain'], {
    otherArgs: { host: 'ns9.example.net' },
    prepareOther(sim) {
      sim.servers.set(3, { id: 3, name: 'ns9.example.net', ips: [] });
    },
    changeFacts: {
      what: 'an IP added to the host',
      change(sim) {
        sim.servers.get(2)?.ips.push('203.0.113.99');
      },
    },
  });
  badInputSweep(deleteNsByDomain, { host: 'ns1.acme-widgets.com' }, { mustTry: [/^delete_ns_by_domain host: invalid domain/] });
});
