import { describe, expect, it } from 'vitest';
import createFolder from '../../../tools/folders/create_folder.js';
import {
  badInputSweep,
  condenseExample,
  exampleQueryCase,
  type Json,
  pinEffect,
  simulate,
  simulatorShapeCase,
  smugglingCase,
  useHarness,
} from '../../helpers/tool-test.js';

const { ok, fail, account, sent, h } = useHarness();

describe('toApi', () => {
  exampleQueryCase(createFolder, { name: 'new' });
});

describe('condense', () => {
  it('create_folder: the new folder\'s id and name', () => {
    expect(condenseExample(createFolder, { name: 'new' })).toEqual({ folder_id: 1, name: 'new' });
  });
});

describe('simulator', () => {
  simulatorShapeCase(createFolder);

  it('create_folder in the simulator: a name taken (case-sensitive), "Default" or empty is refused', () => {
    const answer = (name: string) => (simulate('create_folder', { folder_name: name }) as { FolderCreateResponse: Json }).FolderCreateResponse;
    expect(answer('Clients')).toMatchObject({ ResponseCode: '-1', Error: 'folder name Clients already exists' });
    expect(answer('Default')).toMatchObject({ ResponseCode: '-1' });
    expect(answer('')).toMatchObject({ ResponseCode: '-1', Error: 'missing required parameter: folder_name' });
    expect(answer('clients')).toMatchObject({ ResponseCode: '0', FolderCreateContent: { FolderName: 'clients', FolderId: '2' } });
  });
});

describe('through the client', () => {
  it('create_folder: folder_list shows it, empty, and set_folder moves a domain into it by name', async () => {
    expect(await ok('create_folder', { name: 'Acme Corp' })).toEqual({ folder_id: 2, name: 'Acme Corp' });
    expect((await ok<{ folders: Json[] }>('folder_list')).folders).toContainEqual({ id: 2, name: 'Acme Corp', domains: 0 });
    await ok('set_folder', { domain: 'widget.dev', folder: 'Acme Corp' });
    expect((await ok<Json>('domain_info', { domain: 'widget.dev' })).domain.folder).toEqual({ id: 2, name: 'Acme Corp' });
  });

  it('create_folder with a name already taken: api3\'s refusal, no second folder', async () => {
    const error = await fail('create_folder', { name: 'Parked' });
    expect(error.message).toMatch(/Parked already exists/);
    expect(account().folders.size).toBe(2);
  });

  it('create_folder with an empty or blank name is invalid input, nothing sent', async () => {
    for (const name of ['', '   ']) expect((await fail('create_folder', { name })).error).toBe('invalid_input');
    expect(h().simulator.requests).toEqual([]);
    expect(sent('create_folder')).toEqual([]);
  });
});

describe('safety', () => {
  pinEffect(createFolder, 'write');
  badInputSweep(createFolder, { name: 'Acme Corp' });
  smugglingCase(createFolder, { name: 'R&D=1 &command=delete' }, 'folder_name', 'R&D=1 &command=delete');
});
