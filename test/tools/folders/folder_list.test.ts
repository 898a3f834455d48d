import { describe, expect, it } from 'vitest';
import folderList from '../../../tools/folders/folder_list.js';
import { exampleRoot } from '../../helpers/examples.js';
import { badInputSweep, condenseExample, exampleQueryCase, type Json, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, account, h } = useHarness();
const commands = () => h().simulator.requests.map((r) => r.command);

describe('toApi', () => {
  exampleQueryCase(folderList, {});
});

describe('condense', () => {
  it('folder_list: the example folder has every setting disabled, so only its id and name are left', () => {
    expect(condenseExample(folderList)).toEqual({ folders: [{ id: 0, name: 'new' }] });
  });

  it('folder_list: enabled settings in the agent\'s terms; the JSON example\'s spelling of the name servers\' status is read too', () => {
    const body = structuredClone(exampleRoot('folder_list').body) as Json;
    const raw = body.FolderList[0];
    raw.DefaultWhois.DefaultWhoisEnableStatus = 'enable';
    raw.DefaultNameServers.DefaultTransferLockEnableStatus = 'enable';
    raw.DefaultRenewOption = { DefaultRenewOptionEnableStatus: 'enable', RenewOption: 'auto renew' };
    raw.DefaultTransferLock = { DefaultTransferLockEnableStatus: 'enable', LockStatus: 'unlocked' };
    expect(folderList.condense(body, { domain_counts: true }, new Map([[0, ['a.com', 'b.com']]]))).toEqual({
      folders: [
        {
          id: 0,
          name: 'new',
          domains: 2,
          settings: {
            contacts: { registrant: 0, admin: 0, technical: 0, billing: 0 },
            name_servers: { type: 'dynadot_parking', with_ads: true },
            renew_option: 'auto',
            locked: false,
          },
        },
      ],
    });
  });
});

describe('simulator', () => {
  simulatorShapeCase(folderList);
});

describe('through the client', () => {
  it('folder_list: each folder with its domain count and only what it gives domains moved in', async () => {
    expect(await ok('folder_list')).toEqual({
      folders: [
        { id: 0, name: 'Clients', domains: 2 },
        { id: 1, name: 'Parked', domains: 0, settings: { name_servers: { type: 'dynadot_parking', with_ads: true } } },
      ],
    });
    // folder_list tells no counts: one list_domain read gives them.
    expect(commands().sort()).toEqual(['folder_list', 'list_domain']);
  });

  it('folder_list without domain counts: one request, folder_list alone', async () => {
    const { folders } = await ok<{ folders: Json[] }>('folder_list', { domain_counts: false });
    expect(folders.map((f) => f.domains)).toEqual([undefined, undefined]);
    expect(commands()).toEqual(['folder_list']);
  });

  it('folder_list: a setting the folder keeps without giving it to new arrivals follows the account default, and is not shown', async () => {
    const clients = account().folders.get(0);
    if (!clients) throw new Error('seed changed');
    clients.settings.renewOption = { value: 'do not renew', enabled: false };
    clients.settings.contacts = { value: { registrant: 1, admin: 1, technical: 1, billing: 1 }, enabled: true };
    const { folders } = await ok<{ folders: Json[] }>('folder_list');
    expect(folders[0]).toEqual({ id: 0, name: 'Clients', domains: 2, settings: { contacts: { registrant: 1, admin: 1, technical: 1, billing: 1 } } });
  });
});

describe('safety', () => {
  pinEffect(folderList, 'read');
  badInputSweep(folderList, { domain_counts: true });
});
