import { describe, expect, it } from 'vitest';
import setDefaultNs from '../../../tools/defaults/set_default_ns.js';
import { badInputSweep, exampleQueryCase, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, fail, account, sent } = useHarness();

describe('toApi', () => {
  exampleQueryCase(setDefaultNs, { name_servers: ['ns1.hosts.com', 'ns2.host.com'] });
});

describe('simulator', () => {
  simulatorShapeCase(setDefaultNs, (q) => ({ ...q, ns0: 'ns1.cloudhost.example', ns1: 'ns2.cloudhost.example' }));
});

describe('through the client', () => {
  it('account_info shows the default, and a domain registered afterwards uses those name servers', async () => {
    await ok('set_default_ns', { name_servers: ['ns1.cloudhost.example', 'ns2.cloudhost.example'] });
    expect((await ok('account_info')).default_name_servers).toEqual({ type: 'name_servers', name_servers: ['ns1.cloudhost.example', 'ns2.cloudhost.example'] });
    await ok('register', { domain: 'brand-new-name.com', years: 1, confirm: true });
    expect((await ok('get_ns', { domain: 'brand-new-name.com' })).name_servers).toEqual(['ns1.cloudhost.example', 'ns2.cloudhost.example']);
  });

  it('a host not registered in the account is refused and the default stays', async () => {
    const error = await fail('set_default_ns', { name_servers: ['ns9.nowhere.example'] });
    expect(error.message).toMatch(/ns9\.nowhere\.example/);
    expect(account().defaults.nameServers).toEqual({ kind: 'parking', withAds: false });
  });
});

describe('safety', () => {
  pinEffect(setDefaultNs, 'write');
  badInputSweep(setDefaultNs, { name_servers: ['ns1.cloudhost.example', 'ns2.cloudhost.example'] });
});
