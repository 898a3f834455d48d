import { describe, expect, it } from 'vitest';
import { useHarness } from '../../helpers/tool-test.js';

// The common cases come from the family table (test/helpers/setting-scopes.ts).
const { ok, fail, h } = useHarness();
const records = [{ type: 'a', value: '198.51.100.7' }];

describe('through the client', () => {
  it('an unknown folder name is not_found with a hint naming folder_list, and nothing is written', async () => {
    const error = await fail('set_folder_dns2', { folder: 'Clientz', records });
    expect(error.error).toBe('not_found');
    expect(error.message).toMatch(/Clientz/);
    expect(error.hint).toMatch(/folder_list/);
    expect(h().simulator.requests.map((r) => r.command)).toEqual(['folder_list']);
  });

  it('a folder name and an id that disagree are refused before anything is written', async () => {
    const error = await fail('set_folder_dns2', { folder: 'Parked', folder_id: 0, records });
    expect(error.error).toBe('invalid_input');
    expect(h().simulator.requests.map((r) => r.command)).not.toContain('set_folder_dns2');
  });

  it('neither folder nor folder_id: refused naming both, nothing sent', async () => {
    const error = await fail('set_folder_dns2', { records });
    expect(error.error).toBe('invalid_input');
    expect(error.message).toMatch(/folder_id/);
    expect(h().simulator.requests).toEqual([]);
  });

  it('by name without sync: the records are kept by the folder for domains moved in', async () => {
    await ok('set_folder_dns2', { folder: 'Clients', records, apply_to_new: true });
    await ok('set_folder', { domain: 'widget.dev', folder_id: 0 });
    const dns = (await ok('get_dns', { domain: 'widget.dev' })).dns;
    expect(dns).toMatchObject({ type: 'dynadot_dns', records: [{ type: 'a', value: '198.51.100.7' }] });
  });
});
