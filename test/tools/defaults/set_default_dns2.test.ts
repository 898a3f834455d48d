import { describe, expect, it } from 'vitest';
import setDefaultDns2 from '../../../tools/defaults/set_default_dns2.js';
import { useHarness } from '../../helpers/tool-test.js';

// The common cases come from the family table (test/helpers/setting-scopes.ts).
const { ok } = useHarness();

describe('toApi', () => {
  it('records of every kind, and the ttl', () => {
    expect(
      setDefaultDns2.toApi(
        setDefaultDns2.input.parse({
          records: [
            { type: 'mx', value: 'mx.example.org', priority: 10 },
            { type: 'cname', subdomain: 'www', value: 'example.org' },
          ],
          ttl: 600,
        }),
      ),
    ).toEqual({
      main_record_type0: 'mx',
      main_record0: 'mx.example.org',
      main_recordx0: '10',
      subdomain0: 'www',
      sub_record_type0: 'cname',
      sub_record0: 'example.org',
      ttl: '600',
    });
  });
});

describe('through the client', () => {
  it('a domain registered afterwards starts with sub records too, named for itself', async () => {
    await ok('set_default_dns2', {
      records: [
        { type: 'a', value: '198.51.100.7' },
        { type: 'cname', subdomain: 'www', value: 'brand-new-name.com' },
      ],
      ttl: 600,
    });
    await ok('register', { domain: 'brand-new-name.com', years: 1, confirm: true });
    expect((await ok('get_dns', { domain: 'brand-new-name.com' })).dns).toEqual({
      type: 'dynadot_dns',
      ttl: 600,
      records: [
        { type: 'a', value: '198.51.100.7' },
        { subdomain: 'www', type: 'cname', value: 'brand-new-name.com' },
      ],
    });
  });
});
