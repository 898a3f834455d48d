import { describe, expect, it } from 'vitest';
import { toolContext } from '../helpers/context.js';
import { type Api3ToolSpec, invoke } from '../../src/server/define.js';
import { Api3Error } from '../../src/api3/errors.js';
import { forDomains, renewOption } from '../../tools/shared/settings.js';
import { FAMILIES, familySpec } from '../helpers/setting-scopes.js';
import { FakeApi } from '../helpers/fake-api.js';

/**
 * The setting families (tools/shared/settings.ts) beyond the cases every scoped command gets from
 * the family table (test/helpers/setting-scopes.ts: the document's example query and condensing,
 * the simulator's shape, the pinned effect, the sweep, the confirm gate, the write in a read):
 * how the scopes decide the effect, the payloads' rules in every scope, and what a write on
 * domains answers as replaced. Specs are the catalog's where served, else as the family builds them.
 */
const spec = (command: string) => familySpec(command) as Api3ToolSpec;

describe('the scopes decide the effect', () => {
  it('domains: destructive where the payload replaces what a domain has, write for a flag', () => {
    expect(spec('set_ns').effect).toBe('destructive');
    // The family's flag is a write; set_renew_option, served, is destructive for do_not_renew alone (its own file).
    expect(forDomains(renewOption, { name: 'set_renew_option', title: 't', description: 'd', toolset: 'domains' }).effect).toBe('write');
  });

  it('folder: destructive only with sync; without it nothing live changes and no confirm is needed', async () => {
    const folder = spec('set_folder_ns');
    expect(folder.effect).toBe('destructive');
    const args = { folder_id: 2, name_servers: ['ns1.example.com'] };
    // The folder scope decides on the input alone: no api3 is needed to tell.
    const noApi = toolContext({ call: () => Promise.reject(new Error('no api3 here')) });
    expect(await folder.needsConfirm?.(folder.input.parse({ ...args, sync: true }), noApi)).toBe(true);
    expect(await folder.needsConfirm?.(folder.input.parse(args), noApi)).toBe(false);
    expect(folder.toApi(folder.input.parse({ ...args, sync: false, apply_to_new: false }))).toEqual({ folder_id: '2', ns0: 'ns1.example.com', enable: 'no', sync: 'no' });
    // As on domains, the renew option harms only with do_not_renew: synced, that alone needs confirm.
    const renew = spec('set_folder_renew_option');
    expect(renew.effect).toBe('destructive');
    expect(await renew.needsConfirm?.(renew.input.parse({ folder_id: 2, renew_option: 'do_not_renew', sync: true }), noApi)).toBe(true);
    expect(await renew.needsConfirm?.(renew.input.parse({ folder_id: 2, renew_option: 'do_not_renew' }), noApi)).toBe(false);
    expect(await renew.needsConfirm?.(renew.input.parse({ folder_id: 2, renew_option: 'auto', sync: true }), noApi)).toBe(false);
  });

  it('default: always a write (it changes no live domain)', () => {
    for (const row of FAMILIES) {
      const command = row.scopes.default?.command as string;
      expect(spec(command).effect, command).toBe('write');
    }
  });

  it('a default\'s result says what is now in place, and where', () => {
    // The document's examples in each scope are the family table's condensing cases.
    const byDefault = spec('set_default_renew_option');
    expect(byDefault.condense({}, byDefault.input.parse({ renew_option: 'do_not_renew' }))).toEqual({
      done: true,
      account_default: true,
      changed: { renew_option: 'do_not_renew' },
    });
  });

  it('payload rules hold in every scope: 13 name servers at most, forwarding needs an http(s) URL, 10 forwards, 3 mail hosts', () => {
    const hosts = Array.from({ length: 14 }, (_, i) => `ns${i}.example.com`);
    expect(spec('set_default_ns').input.safeParse({ name_servers: hosts }).success).toBe(false);
    expect(spec('set_folder_forwarding').input.safeParse({ folder_id: 0, url: 'ftp://x.example.com' }).success).toBe(false);
    // The URL parser would silently drop a newline; the value is refused instead of cleaned.
    expect(spec('set_default_forwarding').input.safeParse({ url: 'https://a.example/\nx' }).success).toBe(false);
    const forwards = Array.from({ length: 11 }, (_, i) => ({ mailbox: `m${i}`, to: 'a@example.org' }));
    expect(spec('set_default_email_forward').input.safeParse({ email: { type: 'forward', forwards } }).success).toBe(false);
    const mx = Array.from({ length: 4 }, (_, i) => ({ host: `mx${i}.example.com`, distance: i }));
    expect(spec('set_default_email_forward').input.safeParse({ email: { type: 'mx', hosts: mx } }).success).toBe(false);
    expect(spec('set_clear_domain_setting').input.safeParse({ domains: ['a.com'], service: 'dnssec' }).success).toBe(true);
  });

  it('email by MX host: hosts and distances as mx_host0.. and mx_distance0..; none is forward_type donot', () => {
    const setting = spec('set_default_email_forward');
    const mx = { email: { type: 'mx', hosts: [{ host: 'mx1.example.com', distance: 0 }, { host: 'mx2.example.com', distance: 10 }] } };
    expect(setting.toApi(setting.input.parse(mx))).toEqual({
      forward_type: 'mx',
      mx_host0: 'mx1.example.com',
      mx_distance0: '0',
      mx_host1: 'mx2.example.com',
      mx_distance1: '10',
    });
    expect(setting.toApi(setting.input.parse({ email: { type: 'none' } }))).toEqual({ forward_type: 'donot' });
  });

  it('forwarding: permanent is api3 is_temp=no, temporary is_temp=yes', () => {
    const setting = spec('set_default_forwarding');
    expect(setting.toApi(setting.input.parse({ url: 'https://a.example', permanent: true })).is_temp).toBe('no');
    expect(setting.toApi(setting.input.parse({ url: 'https://a.example', permanent: false })).is_temp).toBe('yes');
  });
});

describe('a write on domains answers what it replaced', () => {
  /** list_domain as api3 answers it, for domains given as [name, name server setting, renew option]. */
  const listed = (domains: Array<[string, Record<string, unknown>, string]>) => ({
    root: 'ListDomainInfoResponse',
    body: {
      ResponseCode: 0,
      Status: 'success',
      MainDomains: domains.map(([Name, NameServerSettings, RenewOption]) => ({ Name, Expiration: '1361430589062', NameServerSettings, RenewOption, Privacy: 'full' })),
    },
  });
  const dns = {
    Type: 'Dynadot DNS',
    MainDomains: [{ RecordType: 'MX', Value: 'mx.example.com', Value2: '10' }],
    SubDomains: [{ Subhost: 'go', RecordType: 'FORWARD', Value: 'https://example.org/', Value2: '2' }],
    TTL: '300',
  };
  const outside = { Type: 'Name Servers', NameServers: [{ ServerId: '', ServerName: 'ns1.other.example' }] };

  it('set_ns: one list_domain read, then the one write; previous in the terms of the fields, records as written', async () => {
    const api = new FakeApi({
      list_domain: () => listed([['a.com', dns, 'auto renew'], ['b.com', outside, 'do not renew'], ['c.com', { Type: 'Dynadot Parking', WithAds: 'No' }, 'auto renew']]),
      set_ns: () => ({ root: 'SetNsResponse', body: { ResponseCode: 0, Status: 'success' } }),
    });
    const setting = spec('set_ns');
    const result = await invoke(setting, setting.input.parse({ domains: ['a.com', 'b.com'], name_servers: ['ns1.hostns.com'] }), toolContext(api));
    expect(result).toEqual({
      done: true,
      domains: ['a.com', 'b.com'],
      changed: { name_servers: ['ns1.hostns.com'] },
      previous: {
        'a.com': {
          service: 'dynadot_dns',
          records: [
            { type: 'mx', value: 'mx.example.com', priority: 10 },
            { subdomain: 'go', type: 'forward', value: 'https://example.org/', permanent: false },
          ],
          ttl: 300,
        },
        'b.com': { name_servers: ['ns1.other.example'] },
      },
    });
    expect(api.requests.map((r) => [r.command, r.mutates])).toEqual([
      ['list_domain', false],
      ['set_ns', true],
    ]);
    expect(setting.output.safeParse(result).success).toBe(true);
  });

  it('set_renew_option: api3\'s words become the values the tool takes, so previous can be sent back as is', async () => {
    const api = new FakeApi({
      list_domain: () => listed([['a.com', outside, 'auto renew'], ['b.com', outside, 'do not renew'], ['c.com', outside, 'no renew option']]),
      set_renew_option: () => ({ root: 'SetRenewOptionResponse', body: { ResponseCode: 0, Status: 'success' } }),
    });
    const setting = spec('set_renew_option');
    const result = await invoke(setting, setting.input.parse({ domains: ['a.com', 'b.com', 'c.com'], renew_option: 'auto' }), toolContext(api));
    expect(result.previous).toEqual({ 'a.com': { renew_option: 'auto' }, 'b.com': { renew_option: 'do_not_renew' }, 'c.com': { renew_option: 'reset' } });
  });

  it('a failed read of the previous values never blocks the write: the answer leaves previous out', async () => {
    const api = new FakeApi({
      list_domain: () => {
        throw new Api3Error('busy', 'api3: system_busy');
      },
      set_renew_option: () => ({ root: 'SetRenewOptionResponse', body: { ResponseCode: 0, Status: 'success' } }),
    });
    const setting = spec('set_renew_option');
    const result = await invoke(setting, setting.input.parse({ domains: ['a.com'], renew_option: 'auto' }), toolContext(api));
    expect(result).toEqual({ done: true, domains: ['a.com'], changed: { renew_option: 'auto' } });
    expect(api.requests.map((r) => r.command)).toEqual(['list_domain', 'set_renew_option']);
  });

  it('a write api3 refuses is an error, whatever the read before it found', async () => {
    const api = new FakeApi({
      list_domain: () => listed([]),
      set_ns: () => {
        throw new Api3Error('not_found', 'api3: a.com not found');
      },
    });
    const setting = spec('set_ns');
    await expect(invoke(setting, setting.input.parse({ domains: ['a.com'], name_servers: ['ns1.hostns.com'] }), toolContext(api))).rejects.toMatchObject({ code: 'not_found' });
  });
});
