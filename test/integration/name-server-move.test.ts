import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness, textOf } from '../helpers/harness.js';

/**
 * Issue 11's task, as a new user asks it on the demo account: "move <domain>'s name servers to
 * ns1.example.net and ns2.example.net". Through the SDK client, the agent's way: set_ns's preview
 * says which hosts to add and with which tool; add_ns (outside hosts) or register_ns (hosts under
 * an own domain) adds them; set_ns, previewed and confirmed, moves the domain; get_ns, domain_info
 * and server_list show it; the hosts cannot be deleted while the domain uses them.
 */
type Json = Record<string, any>;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ demo: true });
  await h.client.listTools();
});
afterAll(async () => h.close());
beforeEach(() => h.simulator.reset());

const structured = async (name: string, args: Json): Promise<Json> => {
  const result = await h.call(name, args);
  expect(result.isError, textOf(result)).toBeFalsy();
  return result.structuredContent as Json;
};
const commands = () => h.simulator.requests.map((r) => r.command);

describe('moving a domain to two new outside name servers', () => {
  const domain = 'acme-widgets.net';
  const hosts = ['ns1.example.net', 'ns2.example.net'];

  it('set_ns first: the preview names the hosts to add and the tool, and gives no confirmation id', async () => {
    const { preview } = await structured('set_ns', { domains: [domain], name_servers: hosts });
    expect(preview.refused_because).toEqual([expect.stringMatching(/ns1\.example\.net, ns2\.example\.net\. Add each first: add_ns .*register_ns/)]);
    expect(preview).not.toHaveProperty('confirmation_id');
    expect(commands()).not.toContain('set_ns');
  });

  it('add_ns both, then set_ns previewed and confirmed: get_ns, domain_info and server_list show the move', async () => {
    const added = [];
    for (const host of hosts) added.push(await structured('add_ns', { host }));
    expect(added).toEqual([
      { server_id: 3, host: 'ns1.example.net', demo: true },
      { server_id: 4, host: 'ns2.example.net', demo: true },
    ]);
    expect((await structured('server_list', {})).items).toEqual(expect.arrayContaining([{ id: 3, name: hosts[0] }, { id: 4, name: hosts[1] }]));

    // The preview the user approves: what the domain has now (the parking page), and an id.
    const { preview } = await structured('set_ns', { domains: [domain], name_servers: hosts });
    expect(preview.refused_because).toBeUndefined();
    expect(preview.details.current[domain]).toEqual({ service: 'dynadot_parking', with_ads: false });
    const done = await structured('set_ns', { domains: [domain], name_servers: hosts, confirm: true, confirmation_id: preview.confirmation_id });
    expect(done).toMatchObject({ done: true, domains: [domain], changed: { name_servers: hosts }, previous: { [domain]: { service: 'dynadot_parking' } } });

    expect((await structured('get_ns', { domain })).name_servers).toEqual(hosts);
    expect((await structured('domain_info', { domain })).domain.name_servers).toEqual({ type: 'name_servers', name_servers: hosts });
    expect(h.simulator.account.domains.get(domain)?.nameServers).toEqual({ kind: 'nameservers', hosts });
  });

  it('after the move the new hosts cannot be deleted: the preview names the domain, nothing is sent', async () => {
    for (const host of hosts) await structured('add_ns', { host });
    await structured('set_ns', { domains: [domain], name_servers: hosts, confirm: true });
    const { preview } = await structured('delete_ns_by_domain', { host: hosts[0], confirm: true });
    expect(preview.refused_because).toEqual([expect.stringMatching(new RegExp(`ns1\\.example\\.net is the name server of ${domain.replace('.', '\\.')}`))]);
    const byId = await structured('delete_ns', { server_ids: [3, 4], confirm: true });
    expect(byId.preview.refused_because).toHaveLength(2);
    expect(commands().filter((c) => c.startsWith('delete_ns'))).toEqual([]);
    expect(h.simulator.account.servers.size).toBe(5);
  });
});

describe('moving a domain to hosts under one of the account\'s own domains', () => {
  it('register_ns with IPs, set_ns_ip for a second address, then set_ns: the domain resolves through its own hosts', async () => {
    const own = ['ns1.acme-widgets.net', 'ns2.acme-widgets.net'];
    const { preview } = await structured('set_ns', { domains: ['widget.dev'], name_servers: own });
    expect(preview.refused_because?.[0]).toMatch(/register_ns/);

    const first = await structured('register_ns', { host: own[0], ip: '198.51.100.1' });
    const second = await structured('register_ns', { host: own[1], ip: '198.51.100.2' });
    await structured('set_ns_ip', { server_id: second.server_id, ips: ['198.51.100.2', '2001:db8::2'], confirm: true });
    expect((await structured('server_list', {})).items).toEqual(
      expect.arrayContaining([
        { id: first.server_id, name: own[0], ips: ['198.51.100.1'] },
        { id: second.server_id, name: own[1], ips: ['198.51.100.2', '2001:db8::2'] },
      ]),
    );

    await structured('set_ns', { domains: ['widget.dev'], name_servers: own, confirm: true });
    expect((await structured('get_ns', { domain: 'widget.dev' })).name_servers).toEqual(own);

    // Their glue now carries widget.dev: changing it says so before anything is sent.
    const glue = await structured('set_ns_ip', { server_id: first.server_id, ips: ['198.51.100.9'] });
    expect(glue.preview.details).toMatchObject({ host: own[0], ips_now: ['198.51.100.1'], used_by: ['widget.dev'] });
  });
});
