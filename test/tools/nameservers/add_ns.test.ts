import { describe, expect, it } from 'vitest';
import addNs from '../../../tools/nameservers/add_ns.js';
import { badInputSweep, condenseExample, exampleQueryCase, pinEffect, simulate, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, call, account, sent } = useHarness();

describe('toApi', () => {
  exampleQueryCase(addNs, { host: 'ns1.mydomain.com' });

  it('add_ns: the host as written by the agent, normalised (case, trailing dot)', () => {
    expect(addNs.toApi(addNs.input.parse({ host: 'NS1.Example.NET.' }))).toEqual({ host: 'ns1.example.net' });
  });
});

describe('condense', () => {
  it('add_ns: the new host and its server id, a number', () => {
    expect(condenseExample(addNs, { host: 'ns1.mydomain.com' })).toEqual({ server_id: 0, host: 'ns1.mydomain.com' });
  });

  it('add_ns: a string ServerId reads as a number; a missing Host falls back to the one asked for', () => {
    const body = { ResponseCode: '0', Status: 'success', AddNsContent: { Server: { ServerId: '17' } } };
    expect(addNs.condense(body, addNs.input.parse({ host: 'ns1.example.net' }))).toEqual({ server_id: 17, host: 'ns1.example.net' });
  });
});

describe('simulator', () => {
  simulatorShapeCase(addNs);

  it('add_ns: a host already in the account is refused', () => {
    const answer = simulate('add_ns', { host: 'ns1.cloudhost.example' }) as { AddNsResponse: { ResponseCode: string; Error: string } };
    expect(answer.AddNsResponse.ResponseCode).toBe('-1');
    expect(answer.AddNsResponse.Error).toMatch(/already exists.*server id 0/);
  });
});

describe('through the client', () => {
  it('add_ns: the host is in server_list under the id it answered, without IPs, and set_ns can use it', async () => {
    const added = await ok('add_ns', { host: 'ns1.example.net' });
    expect(added).toEqual({ server_id: 3, host: 'ns1.example.net' });
    expect((await ok('server_list')).items).toContainEqual({ id: 3, name: 'ns1.example.net' });
    expect(account().servers.get(3)).toEqual({ id: 3, name: 'ns1.example.net', ips: [] });
    await ok('set_ns', { domains: ['acme-widgets.net'], name_servers: ['ns1.example.net'], confirm: true });
    expect((await ok('get_ns', { domain: 'acme-widgets.net' })).name_servers).toEqual(['ns1.example.net']);
  });

  it('add_ns twice: the second is an error and the account keeps one host of that name', async () => {
    await ok('add_ns', { host: 'ns2.example.net' });
    const again = await call('add_ns', { host: 'ns2.example.net' });
    expect(again.isError).toBe(true);
    expect([...account().servers.values()].filter((s) => s.name === 'ns2.example.net')).toHaveLength(1);
    expect(sent('add_ns')).toHaveLength(2);
  });
});

describe('safety', () => {
  pinEffect(addNs, 'write');
  badInputSweep(addNs, { host: 'ns1.example.net' }, { mustTry: [/^add_ns host: invalid domain/] });
});
