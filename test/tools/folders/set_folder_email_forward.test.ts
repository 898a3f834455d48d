import { describe, expect, it } from 'vitest';
import { useHarness } from '../../helpers/tool-test.js';

// The common cases come from the family table (test/helpers/setting-scopes.ts).
const { ok } = useHarness();

describe('through the client', () => {
  it('with sync the preview says where mail goes now as far as reads tell, and that api3 cannot read the forwarding itself', async () => {
    const { preview } = await ok('set_folder_email_forward', { folder_id: 0, email: { type: 'none' }, sync: true });
    expect(preview.details.current['widgetlab.io']).toEqual({ name_servers: ['ns1.cloudhost.example', 'ns2.cloudhost.example'] });
    expect(preview.details.note).toMatch(/cannot read/);
    // Email forwarding is not what a domain resolves to: no snapshot is promised.
    const done = await ok('set_folder_email_forward', { folder_id: 0, email: { type: 'none' }, sync: true, confirm: true, confirmation_id: preview.confirmation_id });
    expect(done).not.toHaveProperty('snapshot_id');
  });
});
