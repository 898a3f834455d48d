import { describe, expect, it } from 'vitest';
import { useHarness } from '../../helpers/tool-test.js';

// The common cases come from the family table (test/helpers/setting-scopes.ts).
const { ok, fail, sent, h } = useHarness();

describe('through the client', () => {
  it('an aaaa with one a, a txt, mail hosts and subdomain records go out in the legacy parameters', async () => {
    const records = [
      { type: 'aaaa', value: '2001:db8::7' },
      { type: 'a', value: '192.0.2.1' },
      { type: 'txt', value: 'v=spf1 -all' },
      { type: 'mx', value: 'mx1.mailhost.example', priority: 10 },
      { type: 'mx', value: 'mx2.mailhost.example', priority: 20 },
      { type: 'a', subdomain: 'www', value: '192.0.2.1' },
    ];
    await ok('set_default_dns', { records });
    expect(sent('set_default_dns').map((r) => r.params)).toEqual([
      {
        main_record_type: 'aaaa',
        main_record: '2001:db8::7',
        main_record2: '192.0.2.1',
        main_txt: 'v=spf1 -all',
        mx_host0: 'mx1.mailhost.example',
        mx_distance0: '10',
        mx_host1: 'mx2.mailhost.example',
        mx_distance1: '20',
        subdomain0: 'www',
        sub_record_type0: 'a',
        sub_record0: '192.0.2.1',
      },
    ]);
    const defaults = (await ok('account_info')).default_name_servers;
    expect(defaults).toMatchObject({ type: 'dynadot_dns' });
    expect(defaults.records).toHaveLength(6);
  });

  it.each([
    [[{ type: 'txt', value: 'x' }], /needs one a, aaaa or cname/],
    [[{ type: 'a', value: '192.0.2.1' }, { type: 'cname', value: 'x.example.net' }], /one a, aaaa or cname/],
    [[{ type: 'a', value: '192.0.2.1' }, { type: 'forward', value: 'https://x.example/' }], /no forward records/],
    [[{ type: 'a', value: '192.0.2.1' }, { type: 'mx', subdomain: 'mail', value: 'mx.example.net', priority: 1 }], /not mx/],
  ])('records the legacy parameters cannot hold are refused naming the DNS2 command, nothing sent (%#)', async (records, why) => {
    const error = await fail('set_default_dns', { records });
    expect(error.error).toBe('invalid_input');
    expect(error.message).toMatch(why);
    expect(error.message).toMatch(/DNS2 command/);
    expect(h().simulator.requests).toEqual([]);
  });
});
