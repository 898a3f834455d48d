import { describe, expect, it } from 'vitest';
import setDefaultParking from '../../../tools/defaults/set_default_parking.js';
import { useHarness } from '../../helpers/tool-test.js';

// The common cases come from the family table (test/helpers/setting-scopes.ts).
const { ok, sent } = useHarness();

describe('toApi', () => {
  it('with ads, and the flag left out when not said', () => {
    expect(setDefaultParking.toApi(setDefaultParking.input.parse({ with_ads: true }))).toEqual({ with_ads: 'yes' });
    expect(setDefaultParking.toApi(setDefaultParking.input.parse({}))).toEqual({});
  });
});

describe('through the client', () => {
  it('after name servers as the default, parking with ads becomes the default again', async () => {
    await ok('set_default_ns', { name_servers: ['ns1.cloudhost.example'] });
    await ok('set_default_parking', { with_ads: true });
    expect((await ok('account_info')).default_name_servers).toEqual({ type: 'dynadot_parking', with_ads: true });
    expect(sent('set_default_parking')[0]?.params).toEqual({ with_ads: 'yes' });
  });
});
