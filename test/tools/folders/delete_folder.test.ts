import { describe, expect, it } from 'vitest';
import deleteFolder from '../../../tools/folders/delete_folder.js';
import {
  badInputSweep,
  condenseExample,
  confirmGateCases,
  exampleQueryCase,
  type Json,
  pinEffect,
  simulate,
  simulatorShapeCase,
  useHarness,
} from '../../helpers/tool-test.js';

const { ok, fail, call, account, domain, sent, h } = useHarness();
const commands = () => h().simulator.requests.map((r) => r.command);

describe('toApi', () => {
  exampleQueryCase(deleteFolder, { folder_ids: [0, 1] });
});

describe('condense', () => {
  it('delete_folder: the ids deleted', () => {
    expect(condenseExample(deleteFolder, { folder_ids: [0, 1] })).toEqual({ deleted: [0, 1] });
  });
});

describe('simulator', () => {
  simulatorShapeCase(deleteFolder);

  it('delete_folder in the simulator: an unknown id refuses the whole request', () => {
    const sim = structuredClone(account());
    const answer = simulate('delete_folder', { folder_id: '0,9' }, sim) as { DeleteFolderResponse: Json };
    expect(answer.DeleteFolderResponse).toMatchObject({ ResponseCode: '-1', Error: 'folder 9 not found' });
    expect(sim.folders.size).toBe(2);
  });
});

describe('through the client', () => {
  it('delete_folder of a folder with domains needs confirmation; then its domains are in no folder', async () => {
    const { preview } = await ok('delete_folder', { folders: ['Clients'] });
    expect(preview.details).toEqual({ folders: [{ id: 0, name: 'Clients', domains_leaving: ['acme-widgets.de', 'widgetlab.io'], domain_count: 2 }] });
    expect(commands()).not.toContain('delete_folder');
    expect(domain('widgetlab.io').folderId).toBe(0);

    const done = await ok('delete_folder', { folders: ['Clients'], confirm: true, confirmation_id: preview.confirmation_id });
    expect(done).toEqual({ deleted: [0] });
    expect(sent('delete_folder').map((r) => r.params)).toEqual([{ folder_id: '0' }]);
    expect((await ok<Json>('domain_info', { domain: 'widgetlab.io' })).domain).not.toHaveProperty('folder');
    const listed = await ok<{ items: Json[] }>('list_domain', { verbose: true });
    expect(listed.items.filter((d) => d.folder !== undefined)).toEqual([]);
    // They keep the settings they have.
    expect(domain('widgetlab.io').nameServers).toEqual({ kind: 'nameservers', hosts: ['ns1.cloudhost.example', 'ns2.cloudhost.example'] });
    expect((await ok<{ folders: Json[] }>('folder_list')).folders.map((f) => f.name)).toEqual(['Parked']);
  });

  it('delete_folder: the preview names the settings the folder gives domains moved in, which are lost', async () => {
    const { preview } = await ok('delete_folder', { folder_ids: [1] });
    expect(preview.details.folders).toEqual([{ id: 1, name: 'Parked', settings_lost: { name_servers: { type: 'dynadot_parking', with_ads: true } } }]);
    expect(preview.confirmation_id).toMatch(/^c1\./);
  });

  it('delete_folder of an unknown folder: not_found naming folder_list, nothing sent', async () => {
    const error = await fail('delete_folder', { folders: ['Nope'], confirm: true });
    expect(error).toMatchObject({ error: 'not_found', hint: expect.stringMatching(/folder_list/) });
    expect(sent('delete_folder')).toEqual([]);
  });

  it('delete_folder by id and by name of the same folder: deleted once', async () => {
    const { preview } = await ok('delete_folder', { folder_ids: [1], folders: ['Parked'] });
    expect(preview.details.folders).toHaveLength(1);
    const result = await call('delete_folder', { folder_ids: [1], folders: ['Parked'], confirm: true, confirmation_id: preview.confirmation_id });
    expect(result.structuredContent).toEqual({ deleted: [1] });
    expect(sent('delete_folder').map((r) => r.params)).toEqual([{ folder_id: '1' }]);
  });
});

describe('safety', () => {
  pinEffect(deleteFolder, 'destructive');
  confirmGateCases(deleteFolder, { folder_ids: [0] }, ['folder_list', 'list_domain'], {
    otherArgs: { folder_ids: [1] },
    changeFacts: {
      what: 'a domain was moved into the folder',
      change: (sim) => {
        const moved = sim.domains.get('widget.dev');
        if (moved) moved.folderId = 0;
      },
    },
  });
  badInputSweep(deleteFolder, { folder_ids: [0], folders: ['Clients'] });

  it('delete_folder without a folder, or with one twice, is invalid input', async () => {
    expect((await fail('delete_folder', {})).error).toBe('invalid_input');
    expect((await fail('delete_folder', { folder_ids: [0, 0] })).message).toMatch(/folder_ids/);
    expect(h().simulator.requests).toEqual([]);
  });
});
