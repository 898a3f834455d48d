import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { StateStore } from '../../src/server/state-store.js';
import { type Harness, startHarness, textOf } from '../helpers/harness.js';

/**
 * Issue 11, as a user asks it on the demo account: "forward acme-widgets.com to
 * https://shop.example/". Through the SDK client, the agent's way: set_forwarding previews what
 * the forward replaces (the domain's DNS records), the user approves, the confirmed call forwards
 * the domain after a snapshot of its records; get_dns and domain_info show the forward, and the
 * snapshot holds what was there.
 */
type Json = Record<string, any>;

const dir = mkdtempSync(join(tmpdir(), 'dynadot-forwarding-'));
const store = new StateStore(dir, true);
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ demo: true, store });
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => h.simulator.reset());

const structured = async (name: string, args: Json): Promise<Json> => {
  const result = await h.call(name, args);
  expect(result.isError, textOf(result)).toBeFalsy();
  return result.structuredContent as Json;
};
const commands = () => h.simulator.requests.map((r) => r.command);

describe('forwarding a domain on Dynadot DNS to a URL', () => {
  const domain = 'acme-widgets.com';
  const url = 'https://shop.example/';

  it('the preview shows the records that stop answering, and nothing is sent before approval', async () => {
    const { preview, demo } = await structured('set_forwarding', { domains: [domain], url });
    expect(demo).toBe(true);
    expect(preview.details.current[domain].dns_records_dropped).toHaveLength(5);
    expect(preview.details.warning).toMatch(/stop answering/);
    expect(preview.confirmation_id).toMatch(/^c1\./);
    expect(commands()).not.toContain('set_forwarding');
    expect(h.simulator.account.domains.get(domain)?.nameServers.kind).toBe('dns');
  });

  it('approved: get_dns and domain_info show the forward, and the snapshot holds the records it replaced', async () => {
    const before = await structured('get_dns', { domain });
    const { preview } = await structured('set_forwarding', { domains: [domain], url, permanent: true });
    const done = await structured('set_forwarding', { domains: [domain], url, permanent: true, confirm: true, confirmation_id: preview.confirmation_id });
    expect(done).toMatchObject({ done: true, domains: [domain], changed: { url, permanent: true }, snapshot_id: expect.stringMatching(/^s-/) });
    expect(commands().filter((c) => c === 'set_forwarding')).toHaveLength(1);

    expect((await structured('get_dns', { domain })).dns).toEqual({ type: 'forwarding', forward_to: url });
    expect((await structured('domain_info', { domain })).domain.name_servers).toEqual({ type: 'forwarding', forward_to: url });
    expect(h.simulator.account.domains.get(domain)?.nameServers).toEqual({ kind: 'forwarding', url, permanent: true });

    const snapshot = store.get(done.snapshot_id);
    expect(snapshot?.tool).toBe('set_forwarding');
    expect(snapshot?.domains).toEqual({ [domain]: before.dns });
    expect((await structured('list_snapshots', { domain })).items[0]).toMatchObject({ id: done.snapshot_id, tool: 'set_forwarding' });
  });

  it('a second forward replaces the first; get_dns follows it', async () => {
    await structured('set_forwarding', { domains: [domain], url, confirm: true });
    await structured('set_forwarding', { domains: [domain], url: 'https://other.example/page', confirm: true });
    expect((await structured('get_dns', { domain })).dns).toEqual({ type: 'forwarding', forward_to: 'https://other.example/page' });
    expect(h.simulator.account.domains.get(domain)?.nameServers).toEqual({ kind: 'forwarding', url: 'https://other.example/page', permanent: false });
  });
});
