import { describe, expect, it } from 'vitest';
import setFolderName from '../../../tools/folders/set_folder_name.js';
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

const { ok, fail, account, sent } = useHarness();
const toApi = (args: Record<string, unknown>) => setFolderName.toApi(setFolderName.input.parse(args));

describe('toApi', () => {
  exampleQueryCase(setFolderName, { folder_id: 0, new_name: 'new' });

  it('set_folder_name: api3 takes the folder by id; a folder by name or id is needed', () => {
    expect(toApi({ folder_id: 3, new_name: 'B' })).toEqual({ folder_id: '3', folder_name: 'B' });
    expect(setFolderName.toApi(setFolderName.input.parse({ folder: 'A', new_name: 'B' }), { id: 5, name: 'A' })).toEqual({ folder_id: '5', folder_name: 'B' });
    expect(() => setFolderName.input.parse({ new_name: 'B' })).toThrow(/folder/);
  });
});

describe('condense', () => {
  it('set_folder_name: the folder and its new name', () => {
    expect(condenseExample(setFolderName, { folder_id: 0, new_name: 'new' })).toEqual({ done: true, folder_id: 0, name: 'new' });
  });
});

describe('simulator', () => {
  simulatorShapeCase(setFolderName);

  it('set_folder_name in the simulator: another folder\'s name or an unknown id is refused; its own name is fine', () => {
    const answer = (params: Record<string, string>) => (simulate('set_folder_name', params) as { SetFolderNameResponse: Json }).SetFolderNameResponse;
    expect(answer({ folder_id: '0', folder_name: 'Parked' })).toMatchObject({ ResponseCode: '-1', Error: 'folder name Parked already exists' });
    expect(answer({ folder_id: '9', folder_name: 'X' })).toMatchObject({ ResponseCode: '-1', Error: 'folder 9 not found' });
    expect(answer({ folder_id: '0', folder_name: 'Clients' })).toMatchObject({ ResponseCode: '0' });
  });
});

describe('through the client', () => {
  it('set_folder_name by name: looked up to its id, and folder_list and domain_info show the new name', async () => {
    expect(await ok('set_folder_name', { folder: 'Clients', new_name: 'Clients 2026' })).toEqual({ done: true, folder_id: 0, name: 'Clients 2026' });
    expect(sent('set_folder_name').map((r) => r.params)).toEqual([{ folder_id: '0', folder_name: 'Clients 2026' }]);
    expect((await ok<{ folders: Json[] }>('folder_list')).folders[0]).toMatchObject({ id: 0, name: 'Clients 2026' });
    expect((await ok<Json>('domain_info', { domain: 'widgetlab.io' })).domain.folder).toEqual({ id: 0, name: 'Clients 2026' });
  });

  it('set_folder_name by id: no lookup, one request', async () => {
    await ok('set_folder_name', { folder_id: 1, new_name: 'Parking lot' });
    expect(account().folders.get(1)?.name).toBe('Parking lot');
    expect(sent('folder_list')).toEqual([]);
  });

  it('set_folder_name of an unknown folder: not_found naming folder_list, nothing sent', async () => {
    const error = await fail('set_folder_name', { folder: 'clients', new_name: 'X' });
    expect(error).toMatchObject({ error: 'not_found', message: 'no folder named "clients"', hint: expect.stringMatching(/folder_list/) });
    expect(sent('set_folder_name')).toEqual([]);
    const byId = await fail('set_folder_name', { folder_id: 9, new_name: 'X' });
    expect(byId).toMatchObject({ error: 'not_found', hint: expect.stringMatching(/folder_list/) });
  });

  it('set_folder_name to a name another folder has: api3\'s refusal, the name stays', async () => {
    expect((await fail('set_folder_name', { folder_id: 0, new_name: 'Parked' })).message).toMatch(/already exists/);
    expect(account().folders.get(0)?.name).toBe('Clients');
  });
});

describe('safety', () => {
  pinEffect(setFolderName, 'write');
  badInputSweep(setFolderName, { folder: 'Clients', folder_id: 0, new_name: 'Clients 2026' });
  smugglingCase(setFolderName, { folder_id: 0, new_name: 'R&D=1 &command=delete' }, 'folder_name', 'R&D=1 &command=delete');
});
