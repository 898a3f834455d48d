import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StateStore } from '../../src/server/state-store.js';
import { type Harness, startHarness } from '../helpers/harness.js';

/**
 * Issue 20, item 5: a call of many steps says how far it is when the client asks (MCP progress
 * with a progressToken), and a call the client gave up on sends no step it had not begun.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ store: new StateStore(mkdtempSync(join(tmpdir(), 'dynadot-progress-')), false) });
});
afterAll(async () => h.close());

const DOMAINS = ['acme-widgets.com', 'widget.dev', 'widgetlab.io'];
const structured = (result: { structuredContent?: unknown }) => result.structuredContent as Record<string, unknown>;

async function parkAll(): Promise<string> {
  const done = structured(await h.call('set_parking', { domains: DOMAINS, confirm: true }));
  return String(done.snapshot_id);
}

describe('progress', () => {
  it('restore_settings reports each domain as it is put back, when the client asked', async () => {
    h.simulator.reset();
    const snapshotId = await parkAll();
    const preview = structured(await h.call('restore_settings', { snapshot_id: snapshotId })).preview as { confirmation_id: string };
    const steps: Array<{ progress: number; total?: number; message?: string }> = [];
    const result = await h.client.callTool(
      { name: 'restore_settings', arguments: { snapshot_id: snapshotId, confirm: true, confirmation_id: preview.confirmation_id } },
      { onprogress: (p) => steps.push(p) },
    );
    expect(structured(result).all_restored).toBe(true);
    expect(steps.map((s) => [s.progress, s.total])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(steps[0]?.message).toMatch(/acme-widgets\.com/);
  });

  it('without a progress token nothing extra is sent and the answer is the same', async () => {
    h.simulator.reset();
    const snapshotId = await parkAll();
    const result = structured(await h.call('restore_settings', { snapshot_id: snapshotId, confirm: true }));
    expect(result.all_restored).toBe(true);
  });

  it('a restore the client cancels mid-way sends no domain it had not begun', async () => {
    h.simulator.reset();
    const snapshotId = await parkAll();
    const preview = structured(await h.call('restore_settings', { snapshot_id: snapshotId })).preview as { confirmation_id: string };
    h.simulator.requests.length = 0;
    // Each api3 answer takes a while, so the cancel lands while the first domain is being put back.
    h.simulator.setLatency(150);
    const controller = new AbortController();
    const call = h.client
      .callTool({ name: 'restore_settings', arguments: { snapshot_id: snapshotId, confirm: true, confirmation_id: preview.confirmation_id } }, { signal: controller.signal })
      .catch((error: unknown) => error);
    await h.simulator.nextRequest('set_dns2');
    controller.abort();
    await call;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    h.simulator.setLatency(0);
    const restoredDomains = h.simulator.requests.filter((r) => r.command === 'set_dns2').map((r) => r.params.domain);
    expect(restoredDomains).toEqual(['acme-widgets.com']);
  });

  /** Five domains on Dynadot DNS, so reading what a change replaces costs a get_dns each. */
  const ON_DNS = ['acme-widgets.com', 'widget.dev', 'acme-widgets.net', 'widgetlab.io', 'shopwidgets.co'];
  async function allOnDynadotDns(): Promise<void> {
    await h.call('set_dns2', { domains: ON_DNS.slice(2), records: [{ type: 'a', value: '192.0.2.10' }], confirm: true });
  }

  it('a set_ns over many domains reports each domain whose settings it reads, then its one send, rising to the total', async () => {
    h.simulator.reset();
    await allOnDynadotDns();
    const args = { domains: ON_DNS, name_servers: ['ns1.cloudhost.example', 'ns2.cloudhost.example'] };
    const preview = structured(await h.call('set_ns', args)).preview as { confirmation_id?: string; refused_because?: string[] };
    expect(preview.confirmation_id, JSON.stringify(preview.refused_because)).toBeDefined();
    const steps: Array<{ progress: number; total?: number; message?: string }> = [];
    const result = await h.client.callTool(
      { name: 'set_ns', arguments: { ...args, confirm: true, confirmation_id: preview.confirmation_id } },
      { onprogress: (p) => steps.push(p) },
    );
    expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
    const progress = steps.map((s) => s.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(new Set(progress).size).toBe(progress.length);
    for (const domain of ON_DNS) expect(steps.some((s) => s.message === `current settings of ${domain} read`)).toBe(true);
    expect(steps.at(-1)?.message).toBe('set_ns sent');
    expect(steps.at(-1)?.progress).toBe(steps.at(-1)?.total);
  });

  it('set_dns2 reports its read-back domain by domain; bulk_register reports its send', async () => {
    h.simulator.reset();
    const steps: Array<{ progress: number; total?: number; message?: string }> = [];
    await h.client.callTool(
      { name: 'set_dns2', arguments: { domains: ['acme-widgets.com', 'widget.dev'], records: [{ type: 'txt', value: 'v=spf1 -all' }], append: true } },
      { onprogress: (p) => steps.push(p) },
    );
    expect(steps.filter((s) => /read back$/.test(s.message ?? '')).map((s) => s.message)).toEqual(['acme-widgets.com read back', 'widget.dev read back']);
    const bulk: Array<{ message?: string }> = [];
    const registered = await h.client.callTool(
      { name: 'bulk_register', arguments: { domains: ['zq-progress-1.com', 'zq-progress-2.com'], confirm: true, confirmation_id: await bulkPreviewId() } },
      { onprogress: (p) => bulk.push(p) },
    );
    expect(registered.isError, JSON.stringify(registered.content)).toBeFalsy();
    expect(bulk.map((s) => s.message)).toContain('bulk_register sent');
  });

  async function bulkPreviewId(): Promise<string> {
    const preview = structured(await h.call('bulk_register', { domains: ['zq-progress-1.com', 'zq-progress-2.com'] })).preview as { confirmation_id?: string };
    return String(preview.confirmation_id);
  }

  it('a multi-domain set_ns the client cancels while its current settings are read is never sent', async () => {
    h.simulator.reset();
    await allOnDynadotDns();
    const args = { domains: ON_DNS, name_servers: ['ns1.cloudhost.example', 'ns2.cloudhost.example'] };
    const preview = structured(await h.call('set_ns', args)).preview as { confirmation_id?: string };
    h.simulator.requests.length = 0;
    h.simulator.setLatency(100);
    const controller = new AbortController();
    const call = h.client
      .callTool({ name: 'set_ns', arguments: { ...args, confirm: true, confirmation_id: preview.confirmation_id } }, { signal: controller.signal })
      .catch((error: unknown) => error);
    await h.simulator.nextRequest('get_dns');
    controller.abort();
    await call;
    await new Promise((resolve) => setTimeout(resolve, 800));
    h.simulator.setLatency(0);
    expect(h.simulator.requests.filter((r) => r.command === 'set_ns')).toEqual([]);
    expect(h.simulator.requests.filter((r) => r.command === 'get_dns').length).toBeLessThan(ON_DNS.length);
  });
});
