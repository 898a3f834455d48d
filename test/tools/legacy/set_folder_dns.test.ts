import { describe, expect, it } from 'vitest';
import { useHarness } from '../../helpers/tool-test.js';

// The common cases come from the family table (test/helpers/setting-scopes.ts).
const { ok, sent, tools } = useHarness({ toolsets: 'all' });

describe('through the client', () => {
  it('its description names the replacement', () => {
    expect(tools().find((t) => t.name === 'set_folder_dns')?.description).toMatch(/use set_folder_dns2/);
  });

  it('by folder name with sync: the preview names the folder domains; confirmed, they use the records', async () => {
    const args = { folder: 'Clients', records: [{ type: 'a', value: '198.51.100.7' }], sync: true };
    const { preview } = await ok('set_folder_dns', args);
    expect(preview.details.synced_domains).toEqual(['acme-widgets.de', 'widgetlab.io']);
    await ok('set_folder_dns', { ...args, confirm: true, confirmation_id: preview.confirmation_id });
    expect(sent('set_folder_dns').map((r) => r.params)).toEqual([{ folder_id: '0', main_record_type: 'a', main_record: '198.51.100.7', sync: 'yes' }]);
    expect((await ok('get_dns', { domain: 'widgetlab.io' })).dns).toMatchObject({ type: 'dynadot_dns', records: [{ type: 'a', value: '198.51.100.7' }] });
  });
});
