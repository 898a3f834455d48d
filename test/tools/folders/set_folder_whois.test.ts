import { describe, expect, it } from 'vitest';
import { useHarness } from '../../helpers/tool-test.js';

// The common cases come from the family table (test/helpers/setting-scopes.ts).
const { ok, domain, sent } = useHarness();
const contacts = { registrant: 1, admin: 1, technical: 1, billing: 1 };

describe('through the client', () => {
  it('with sync the preview shows each domain of the folder with its contacts now; confirmed, both take the new ones', async () => {
    const { preview } = await ok('set_folder_whois', { folder_id: 0, contacts, sync: true });
    expect(preview.details.synced_domains).toEqual(['acme-widgets.de', 'widgetlab.io']);
    expect(preview.details.current['acme-widgets.de'].contacts).toEqual(domain('acme-widgets.de').contacts);
    expect(preview.details.note).toMatch(/60 days/);
    await ok('set_folder_whois', { folder_id: 0, contacts, sync: true, confirm: true, confirmation_id: preview.confirmation_id });
    for (const name of ['acme-widgets.de', 'widgetlab.io']) expect(domain(name).contacts).toEqual(contacts);
  });

  it('without sync no domain changes and no confirmation is asked', async () => {
    const before = structuredClone(domain('widgetlab.io').contacts);
    expect(await ok('set_folder_whois', { folder_id: 0, contacts })).toMatchObject({ done: true });
    expect(domain('widgetlab.io').contacts).toEqual(before);
    expect(sent('set_folder_whois')).toHaveLength(1);
  });
});
