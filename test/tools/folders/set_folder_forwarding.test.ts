import { describe, expect, it } from 'vitest';
import { useHarness } from '../../helpers/tool-test.js';

// The common cases come from the family table (test/helpers/setting-scopes.ts).
const { ok } = useHarness();

describe('through the client', () => {
  it('an empty folder with sync: the preview says no domain changes now', async () => {
    const { folder_id: folderId } = await ok<{ folder_id: number }>('create_folder', { name: 'Empty' });
    const { preview } = await ok('set_folder_forwarding', { folder_id: folderId, url: 'https://shop.example/', sync: true });
    expect(preview.details.synced_domains).toEqual([]);
    expect(preview.details.note).toMatch(/no domains/);
  });

  it("with sync the preview shows what each domain points at now, the service it loses", async () => {
    const { preview } = await ok('set_folder_forwarding', { folder_id: 0, url: 'https://shop.example/', sync: true });
    expect(preview.details.current['widgetlab.io']).toEqual({ name_servers: ['ns1.cloudhost.example', 'ns2.cloudhost.example'] });
    expect(typeof preview.confirmation_id).toBe('string');
  });
});
