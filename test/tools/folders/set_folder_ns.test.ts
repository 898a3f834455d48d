import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StateStore } from '../../../src/server/state-store.js';
import { type Json, useHarness } from '../../helpers/tool-test.js';

// The common cases come from the family table (test/helpers/setting-scopes.ts).
// Snapshots are kept in a temp folder of this file's own.
const { ok, sent, domain } = useHarness({ store: new StateStore(mkdtempSync(join(tmpdir(), 'dynadot-set-folder-ns-')), false) });
const NEW_HOSTS = ['ns1.acme-widgets.com', 'ns2.cloudhost.example'];

describe('through the client', () => {
  it('a new folder, two domains moved in, set_folder_ns with sync: the preview names both, get_ns shows the change, restore_settings puts both back', async () => {
    const { folder_id: folderId } = await ok<{ folder_id: number }>('create_folder', { name: 'Launch' });
    for (const name of ['acme-widgets.com', 'widget.dev']) await ok('set_folder', { domain: name, folder_id: folderId });
    const before = await Promise.all(['acme-widgets.com', 'widget.dev'].map((name) => ok<Json>('get_ns', { domain: name })));

    const args = { folder: 'Launch', name_servers: NEW_HOSTS, sync: true };
    const { preview } = await ok('set_folder_ns', args);
    expect(preview.details.folder).toEqual({ id: folderId, name: 'Launch' });
    expect(preview.details.synced_domains).toEqual(['acme-widgets.com', 'widget.dev']);
    expect(Object.keys(preview.details.current)).toEqual(['acme-widgets.com', 'widget.dev']);
    expect(sent('set_folder_ns')).toEqual([]);

    const done = await ok('set_folder_ns', { ...args, confirm: true, confirmation_id: preview.confirmation_id });
    expect(done).toMatchObject({ done: true, folder_id: folderId, changed: { name_servers: NEW_HOSTS } });
    // The name was looked up: api3 got the id.
    expect(sent('set_folder_ns').map((r) => r.params.folder_id)).toEqual([String(folderId)]);
    for (const name of ['acme-widgets.com', 'widget.dev']) expect((await ok<Json>('get_ns', { domain: name })).name_servers).toEqual(NEW_HOSTS);

    expect(typeof done.snapshot_id).toBe('string');
    expect(await ok('restore_settings', { snapshot_id: done.snapshot_id, confirm: true })).not.toHaveProperty('preview');
    const after = await Promise.all(['acme-widgets.com', 'widget.dev'].map((name) => ok<Json>('get_ns', { domain: name })));
    expect(after).toEqual(before);
    expect(domain('acme-widgets.com').folderId).toBe(folderId);
  });

  it('without sync it is a plain write: the folder keeps the setting, its domains keep theirs', async () => {
    const kept = structuredClone(domain('widgetlab.io').nameServers);
    const done = await ok('set_folder_ns', { folder_id: 0, name_servers: NEW_HOSTS, apply_to_new: true });
    expect(done).toMatchObject({ done: true, folder_id: 0 });
    expect(domain('widgetlab.io').nameServers).toEqual(kept);
    expect(sent('set_folder_ns').map((r) => r.params)).toEqual([{ folder_id: '0', ns0: NEW_HOSTS[0], ns1: NEW_HOSTS[1], enable: 'yes' }]);
  });
});
