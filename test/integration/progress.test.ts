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
});
