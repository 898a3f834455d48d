import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StateStore } from '../../../src/server/state-store.js';
import { useHarness } from '../../helpers/tool-test.js';

// The common cases come from the family table (test/helpers/setting-scopes.ts).
// Snapshots are kept in a temp folder of this file's own.
const { ok, fail, h } = useHarness({ store: new StateStore(mkdtempSync(join(tmpdir(), 'dynadot-set-clear-folder-setting-')), false) });

async function confirmed(args: Record<string, unknown>) {
  const { preview } = await ok('set_clear_folder_setting', args);
  return ok('set_clear_folder_setting', { ...args, confirm: true, confirmation_id: preview.confirmation_id });
}

describe('through the client', () => {
  it('clearing name servers with sync: each domain says whether it uses them now, and a snapshot is taken', async () => {
    const { preview } = await ok('set_clear_folder_setting', { folder_id: 0, service: 'nameservers', sync: true });
    expect(preview.details.current['widgetlab.io']).toMatchObject({ uses_it_now: true });
    expect(await confirmed({ folder_id: 0, service: 'nameservers', sync: true })).toHaveProperty('snapshot_id');
  });

  it('clearing email forwarding with sync takes no snapshot (no read shows it)', async () => {
    expect(await confirmed({ folder_id: 0, service: 'email_forwarding', sync: true })).not.toHaveProperty('snapshot_id');
  });

  it('dnssec is a domain setting: refused for a folder, nothing sent', async () => {
    const error = await fail('set_clear_folder_setting', { folder_id: 0, service: 'dnssec' });
    expect(error.error).toBe('invalid_input');
    expect(error.message).toMatch(/service/);
    expect(h().simulator.requests).toEqual([]);
  });
});
