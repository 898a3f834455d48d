import { describe, expect, it } from 'vitest';
import setDefaultDns2 from '../../../tools/defaults/set_default_dns2.js';
import { badInputSweep, exampleQueryCase, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, fail, account, sent } = useHarness();

describe('toApi', () => {
  exampleQueryCase(setDefaultDns2, { records: [{ type: 'aaaa', value: '0:0:0:0:0:0:0:1' }] });

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

describe('simulator', () => {
  simulatorShapeCase(setDefaultDns2);
});

describe('through the client', () => {
  it('a domain registered afterwards starts on Dynadot DNS with these records', async () => {
    await ok('set_default_dns2', { records: [{ type: 'a', value: '198.51.100.7' }, { type: 'cname', subdomain: 'www', value: 'brand-new-name.com' }], ttl: 600 });
    expect((await ok('account_info')).default_name_servers).toMatchObject({ type: 'dynadot_dns', ttl: 600 });
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

describe('safety', () => {
  pinEffect(setDefaultDns2, 'write');
  badInputSweep(setDefaultDns2, { records: [{ type: 'a', subdomain: 'www', value: '192.0.2.1' }, { type: 'mx', value: 'mail.example.net', priority: 10 }], ttl: 3600 });
});
