import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { StateStore } from '../../../src/server/state-store.js';
import listSnapshots from '../../../tools/undo/list_snapshots.js';
import { errorOf, type Harness, startHarness } from '../../helpers/harness.js';
import { badInputSweep, condenseExample, type Json, pinEffect, useHarness } from '../../helpers/tool-test.js';

// A composite that reads the server's own state folder: it sends nothing to api3.
const dir = mkdtempSync(join(tmpdir(), 'dynadot-list-snapshots-'));
const { ok, h } = useHarness({ store: new StateStore(dir, false) });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `change` with the clock at `iso` (Date only: timers and I/O run as usual). */
async function at<T>(iso: string, change: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date(iso) });
  try {
    return await change();
  } finally {
    vi.useRealTimers();
  }
}

describe('through the client', () => {
  // Snapshot ids sort by their second; the changes are a second apart, in a year later than any other test's.
  let first: string;
  let second: string;
  let third: string;
  beforeAll(async () => {
    const changed = async (tool: string, args: Record<string, unknown>) => {
      const result = await ok<Json>(tool, { ...args, confirm: true });
      expect(result.snapshot_id, JSON.stringify(result)).toMatch(/^s-\d{8}T\d{9}Z-[0-9a-f]{6}$/);
      return result.snapshot_id as string;
    };
    first = await at('2099-03-01T10:00:00Z', () => changed('set_dns2', { domains: ['widget.dev'], records: [{ type: 'a', value: '192.0.2.7' }] }));
    second = await at('2099-03-01T10:00:01Z', () => changed('set_ns', { domains: ['acme-widgets.com'], name_servers: ['ns1.cloudhost.example'] }));
    third = await at('2099-03-01T10:00:02Z', () => changed('set_parking', { domains: ['widget.dev', 'acme-widgets.net'] }));
  });

  it('list_snapshots: newest first, each with its time, tool, domains and a one-line summary', async () => {
    const before = h().simulator.requests.length;
    const { items, has_more } = await ok<Json>('list_snapshots', {});
    expect(items.slice(0, 3).map((i: Json) => i.id)).toEqual([third, second, first]);
    expect(items[1]).toEqual({
      id: second,
      time: '2099-03-01T10:00:01Z',
      tool: 'set_ns',
      domains: ['acme-widgets.com'],
      summary: 'before set_ns: acme-widgets.com had Dynadot DNS, 5 records, TTL 3600',
    });
    expect(items[0]).toMatchObject({ tool: 'set_parking', domains: ['widget.dev', 'acme-widgets.net'] });
    expect(items[0].summary).toMatch(/^before set_parking: widget\.dev had Dynadot DNS, 1 records, TTL 300 \(\+1 more domains\)$/);
    expect(has_more).toBe(false);
    // Read from the state folder only: nothing reached api3.
    expect(h().simulator.requests.length).toBe(before);
  });

  it('list_snapshots filters by domain, still newest first', async () => {
    expect((await ok<Json>('list_snapshots', { domain: 'widget.dev' })).items.map((i: Json) => i.id)).toEqual([third, first]);
    expect((await ok<Json>('list_snapshots', { domain: 'ACME-widgets.net' })).items.map((i: Json) => i.id)).toEqual([third]);
    expect((await ok<Json>('list_snapshots', { domain: 'widgetlab.io' })).items).toEqual([]);
  });

  it('list_snapshots: limit keeps the newest, and has_more says there are more', async () => {
    expect(await ok<Json>('list_snapshots', { domain: 'widget.dev', limit: 1 })).toMatchObject({ items: [{ id: third }], has_more: true });
    expect((await ok<Json>('list_snapshots', { domain: 'widget.dev', limit: 2 })).has_more).toBe(false);
  });

  it('list_snapshots is a composite: it has no api3 answer to condense', () => {
    expect(() => condenseExample(listSnapshots)).toThrow(/composite/);
  });
});

describe('without a state folder', () => {
  let bare: Harness;
  beforeAll(async () => {
    bare = await startHarness();
  });
  afterAll(async () => bare?.close());

  it('list_snapshots says the server keeps no state, and names DYNADOT_STATE_DIR', async () => {
    const error = errorOf(await bare.call('list_snapshots', {}));
    expect(error.error).toBe('api_error');
    expect(error.hint).toMatch(/this server keeps no state: DYNADOT_STATE_DIR/);
  });
});

describe('a demo session', () => {
  const demoDir = mkdtempSync(join(tmpdir(), 'dynadot-demo-snapshots-'));
  let demo: Harness;
  beforeAll(async () => {
    demo = await startHarness({ demo: true, store: new StateStore(demoDir, true) });
  });
  afterAll(async () => {
    await demo?.close();
    rmSync(demoDir, { recursive: true, force: true });
  });

  it('demo snapshots stay in the demo: under <dir>/demo/, and a real-account store of the same folder lists none', async () => {
    const result = await demo.ok<Json>('set_dns2', { domains: ['widget.dev'], records: [{ type: 'a', value: '192.0.2.8' }], confirm: true });
    expect(result.demo).toBe(true);
    expect(readdirSync(join(demoDir, 'demo', 'snapshots'))).toEqual([`${result.snapshot_id}.json`]);
    expect(existsSync(join(demoDir, 'snapshots'))).toBe(false);
    expect((await demo.ok<Json>('list_snapshots', {})).items.map((i: Json) => i.id)).toEqual([result.snapshot_id]);
    const real = new StateStore(demoDir, false);
    expect(real.list({ limit: 100 }).items).toEqual([]);
    expect(real.get(result.snapshot_id)).toBeUndefined();
  });
});

describe('safety', () => {
  pinEffect(listSnapshots, 'read');
  badInputSweep(listSnapshots, { domain: 'acme-widgets.com', limit: 20 });
});
