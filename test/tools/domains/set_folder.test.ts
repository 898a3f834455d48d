import { describe, expect, it } from 'vitest';
import setFolder from '../../../tools/domains/set_folder.js';
import { badInputSweep, condenseExample, exampleQueryCase, type Json, pinEffect, simulate, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, fail, call, domain, sent, h } = useHarness();
const toApi = (args: Record<string, unknown>) => setFolder.toApi(setFolder.input.parse(args));

describe('toApi', () => {
  exampleQueryCase(setFolder, { domain: 'domian1.com', folder: 'folder1' });

  it('set_folder: by id as api3\'s folder_id (0 is a real id); a folder is needed by name or id', () => {
    expect(toApi({ domain: 'a.com', folder_id: 0 })).toEqual({ domain: 'a.com', folder_id: '0' });
    expect(toApi({ domain: 'a.com', folder: 'Default' })).toEqual({ domain: 'a.com', folder: 'Default' });
    expect(() => setFolder.input.parse({ domain: 'a.com' })).toThrow(/folder/);
  });
});

describe('condense', () => {
  it('set_folder: says where the domain is now', () => {
    expect(condenseExample(setFolder, { domain: 'domian1.com', folder: 'folder1' })).toEqual({ done: true, domain: 'domian1.com', folder: 'folder1' });
  });
});

describe('simulator', () => {
  simulatorShapeCase(setFolder, (q) => ({ ...q, domain: 'acme-widgets.com', folder: 'Clients' }));

  it('set_folder in the simulator: names are case-sensitive, an unknown folder or id is refused', () => {
    expect(simulate('set_folder', { domain: 'acme-widgets.com', folder: 'clients' }).SetFolderResponse).toMatchObject({ ResponseCode: '-1', Error: expect.stringMatching(/clients not found/) });
    expect(simulate('set_folder', { domain: 'acme-widgets.com', folder_id: '9' }).SetFolderResponse).toMatchObject({ ResponseCode: '-1' });
  });
});

describe('through the client', () => {
  it('set_folder by name: domain_info shows the folder; the folder\'s settings for new arrivals apply', async () => {
    const result = await ok('set_folder', { domain: 'acme-widgets.com', folder: 'Parked' });
    expect(result).toEqual({ done: true, domain: 'acme-widgets.com', folder: 'Parked' });
    expect((await ok<Json>('domain_info', { domain: 'acme-widgets.com' })).domain.folder).toEqual({ id: 1, name: 'Parked' });
    // Parked parks whatever is moved into it.
    expect((await ok<Json>('get_dns', { domain: 'acme-widgets.com' })).dns).toEqual({ type: 'dynadot_parking', with_ads: true });
  });

  it('set_folder by id, then out of every folder with "Default"', async () => {
    await ok('set_folder', { domain: 'widget.dev', folder_id: 0 });
    expect(domain('widget.dev').folderId).toBe(0);
    // Clients gives nothing to domains moved in: the DNS stays.
    expect(domain('widget.dev').nameServers.kind).toBe('dns');
    await ok('set_folder', { domain: 'widget.dev', folder: 'Default' });
    expect((await ok<Json>('domain_info', { domain: 'widget.dev' })).domain).not.toHaveProperty('folder');
    expect(sent('set_folder').map((r) => r.params)).toEqual([{ domain: 'widget.dev', folder_id: '0' }, { domain: 'widget.dev', folder: 'Default' }]);
  });

  it('set_folder into a folder that does not exist: not_found naming folder_list, nothing sent, the domain stays where it was', async () => {
    const error = await fail('set_folder', { domain: 'widgetlab.io', folder: 'Nope' });
    expect(error).toMatchObject({ error: 'not_found', message: 'no folder named "Nope"', hint: expect.stringMatching(/^folder_list lists every folder/) });
    expect((await fail('set_folder', { domain: 'widgetlab.io', folder_id: 9 })).hint).toMatch(/folder_list/);
    expect(sent('set_folder')).toEqual([]);
    expect(domain('widgetlab.io').folderId).toBe(0);
  });

  it('set_folder looks the folder up with one folder_list read; "Default" (no folder) needs none', async () => {
    await ok('set_folder', { domain: 'widgetlab.io', folder: 'Parked' });
    expect(h().simulator.requests.map((r) => r.command)).toEqual(['folder_list', 'set_folder']);
    await ok('set_folder', { domain: 'widgetlab.io', folder: 'Default' });
    expect(h().simulator.requests.map((r) => r.command)).toEqual(['folder_list', 'set_folder', 'set_folder']);
  });
});

describe('safety', () => {
  pinEffect(setFolder, 'write');

  it('set_folder without a folder is refused before anything is sent', async () => {
    const result = await call('set_folder', { domain: 'widgetlab.io' });
    expect(result.isError).toBe(true);
    expect(JSON.parse((result.content[0] as { text: string }).text)).toMatchObject({ error: 'invalid_input', message: expect.stringMatching(/folder/) });
    expect(h().simulator.requests).toEqual([]);
  });

  badInputSweep(setFolder, { domain: 'acme-widgets.com', folder: 'Clients', folder_id: 0 });
});
