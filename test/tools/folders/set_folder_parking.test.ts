import { describe, expect, it } from 'vitest';
import { useHarness } from '../../helpers/tool-test.js';

// The common cases come from the family table (test/helpers/setting-scopes.ts).
const { ok, domain } = useHarness();

describe('through the client', () => {
  it('with apply_to_new, a domain moved into the folder later is parked; the ones there keep theirs', async () => {
    const kept = structuredClone(domain('widgetlab.io').nameServers);
    await ok('set_folder_parking', { folder_id: 0, with_ads: true, apply_to_new: true });
    await ok('set_folder', { domain: 'acme-widgets.com', folder_id: 0 });
    expect((await ok('get_dns', { domain: 'acme-widgets.com' })).dns).toMatchObject({ type: 'dynadot_parking', with_ads: true });
    expect(domain('widgetlab.io').nameServers).toEqual(kept);
  });
});
