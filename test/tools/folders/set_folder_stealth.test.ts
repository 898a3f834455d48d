import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StateStore } from '../../../src/server/state-store.js';
import { type Json, useHarness } from '../../helpers/tool-test.js';

// The common cases come from the family table (test/helpers/setting-scopes.ts).
// Snapshots are kept in a temp folder of this file's own.
const { ok } = useHarness({ store: new StateStore(mkdtempSync(join(tmpdir(), 'dynadot-set-folder-stealth-')), false) });

describe('through the client', () => {
  it('a synced change is snapshotted first: list_snapshots shows the folder domains it replaced', async () => {
    const args = { folder_id: 0, url: 'https://shop.example/', sync: true };
    const { preview } = await ok('set_folder_stealth', args);
    const done = await ok('set_folder_stealth', { ...args, confirm: true, confirmation_id: preview.confirmation_id });
    const { items } = await ok<{ items: Json[] }>('list_snapshots');
    const taken = items.find((s) => s.id === done.snapshot_id);
    expect(taken).toMatchObject({ tool: 'set_folder_stealth' });
    expect(taken?.domains).toEqual(['acme-widgets.de', 'widgetlab.io']);
  });
});
