import { describe, expect, it } from 'vitest';
import { useHarness } from '../../helpers/tool-test.js';

// The common cases come from the family table (test/helpers/setting-scopes.ts).
const { ok, sent } = useHarness();

describe('through the client', () => {
  it('api3 gets folder_id and sync, as the examples spell them (not the parameter table\'s `even`)', async () => {
    const { preview } = await ok('set_folder_hosting', { folder_id: 0, hosting_type: 'advanced', sync: true });
    await ok('set_folder_hosting', { folder_id: 0, hosting_type: 'advanced', sync: true, confirm: true, confirmation_id: preview.confirmation_id });
    expect(sent('set_folder_hosting').map((r) => r.params)).toEqual([{ folder_id: '0', hosting_type: 'advanced', sync: 'yes' }]);
    expect((await ok('get_dns', { domain: 'widgetlab.io' })).dns).toMatchObject({ type: 'dynadot_hosting' });
  });
});
