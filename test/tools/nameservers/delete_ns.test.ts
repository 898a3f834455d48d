import { describe, expect, it } from 'vitest';
import deleteNs from '../../../tools/nameservers/delete_ns.js';
import { withValue } from '../../helpers/invalid-input.js';
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
  exampleQueryCase(deleteNs, { server_ids: [0] });

  it('delete_ns: several ids as one comma-separated server_id', () => {
    expect(deleteNs.toApi(deleteNs.input.parse({ server_ids: [2, 0, 17] }))).toEqual({ server_id: '2,0,17' });
  });
});

describe('condense', () => {
  it('delete_ns: the ids deleted', () => {
    expect(condenseExample(deleteNs, { server_ids: [0] })).toEqual({ deleted: true, server_ids: [0] });
  });
});

describe('simulator', () => {
  // Server 0 of the seed is the name server of widgetlab.io; 2 is used by no domain.
  simulatorShapeCase(deleteNs, (q) => ({ ...q, server_id: '2' }));

  it('delete_ns: a host still in use or an unknown id is refused, and nothing of the request is deleted', () => {
    const response = (params: Record<string, string>) => {
      const answer = simulate('delete_ns', params) as { DeleteNsResponse: { ResponseCode: number | string; Error?: string } };
      return answer.DeleteNsResponse;
    };
    expect(response({ server_id: '2,0' }).Error).toMatch(/ns1\.cloudhost\.example is in use by widgetlab\.io/);
    expect(response({ server_id: '2,9' }).Error).toMatch(/name server 9 not found/);
    expect(response({ server_id: '2' }).ResponseCode).toBe(0);
  });
});

describe('through the client', () => {
  it('delete_ns with confirm: the host is gone from server_list', async () => {
    expect(await ok('delete_ns', { server_ids: [2], confirm: true })).toEqual({ deleted: true, server_ids: [2] });
    expect((await ok('server_list')).items.map((s: Json) => s.name)).toEqual(['ns1.cloudhost.example', 'ns2.cloudhost.example']);
  });

  it('delete_ns of two unused hosts at once', async () => {
    const added = await ok('add_ns', { host: 'ns1.example.net' });
    await ok('delete_ns', { server_ids: [2, added.server_id], confirm: true });
    expect([...account().servers.keys()]).toEqual([0, 1]);
  });

  it('delete_ns preview: each host with its IPs, and that no domain uses it', async () => {
    const { preview } = (await call('delete_ns', { server_ids: [2] })).structuredContent as Json;
    expect(preview.details).toEqual({ hosts: [{ server_id: 2, host: 'ns1.acme-widgets.com', ips: ['203.0.113.53'], used_by: [] }] });
    expect(preview.confirmation_id).toMatch(/^c1\./);
  });

  it('delete_ns of a host in use or an unknown id: refused in the preview naming the domains, no id, nothing sent', async () => {
    const args = { server_ids: [0, 2, 77] };
    for (const attempt of [args, { ...args, confirm: true }, { ...args, confirm: true, confirmation_id: 'c1.1.forged.forged' }]) {
      const { preview } = (await call('delete_ns', attempt)).structuredContent as Json;
      expect(preview.refused_because).toEqual([
        expect.stringMatching(/no name server with id 77/),
        expect.stringMatching(/ns1\.cloudhost\.example is the name server of widgetlab\.io: .*set_ns/),
      ]);
      expect(preview.details.hosts[0]).toEqual({ server_id: 0, host: 'ns1.cloudhost.example', used_by: ['widgetlab.io'] });
      expect(preview).not.toHaveProperty('confirmation_id');
    }
    expect(sent('delete_ns')).toHaveLength(0);
    expect(account().servers.size).toBe(3);
  });
});

describe('safety', () => {
  pinEffect(deleteNs, 'destructive');
  confirmGateCases(deleteNs, { server_ids: [2] }, ['server_list', 'list_domain'], {
    otherArgs: { server_ids: [3] },
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

  it('delete_ns: a host that came into use after the preview is refused at confirm, nothing sent', async () => {
    const { preview } = (await call('delete_ns', { server_ids: [2] })).structuredContent as Json;
    account().domains.get('widget.dev')!.nameServers = { kind: 'nameservers', hosts: ['ns1.acme-widgets.com'] };
    const again = (await call('delete_ns', { server_ids: [2], confirm: true, confirmation_id: preview.confirmation_id })).structuredContent as Json;
    expect(again.preview.refused_because).toEqual([expect.stringMatching(/name server of widget\.dev/)]);
    expect(sent('delete_ns')).toHaveLength(0);
    expect(account().servers.has(2)).toBe(true);
  });

  const valid = { server_ids: [2] };
  badInputSweep(deleteNs, valid, {
    extra: [{ path: ['server_ids'], label: 'the same id twice', args: withValue(valid, ['server_ids'], [2, 2]) }],
    mustTry: [/^delete_ns server_ids: oversized array \(21 items\)$/, /^delete_ns server_ids: empty array below minItems$/, /^delete_ns server_ids\[0\]: fraction for an integer$/],
  });
});
