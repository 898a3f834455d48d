import { describe, expect, it } from 'vitest';
import { useHarness } from '../../helpers/tool-test.js';

// The common cases come from the family table (test/helpers/setting-scopes.ts).
const { ok, sent } = useHarness();

describe('through the client', () => {
  it('sync with do_not_renew shows each domain with its renew option and expiry, and changes nothing until confirmed', async () => {
    const { preview } = await ok('set_folder_renew_option', { folder: 'Clients', renew_option: 'do_not_renew', sync: true });
    expect(Object.keys(preview.details.current)).toEqual(['acme-widgets.de', 'widgetlab.io']);
    expect(preview.details.current['widgetlab.io']).toHaveProperty('expires');
    expect(preview.details.note).toMatch(/lapse/);
    expect(sent('set_folder_renew_option')).toEqual([]);
    await ok('set_folder_renew_option', { folder: 'Clients', renew_option: 'do_not_renew', sync: true, confirm: true, confirmation_id: preview.confirmation_id });
    for (const name of ['acme-widgets.de', 'widgetlab.io']) expect((await ok('domain_info', { domain: name })).domain.renew_option).toBe('do_not_renew');
  });

  it('sync with auto is a plain write: every domain of the folder renews automatically', async () => {
    expect(await ok('set_folder_renew_option', { folder_id: 0, renew_option: 'auto', sync: true })).toMatchObject({ done: true, folder_id: 0 });
    expect((await ok('domain_info', { domain: 'widgetlab.io' })).domain.renew_option).toBe('auto');
  });
});
