import { describe, expect, it } from 'vitest';
import setDefaultForwarding from '../../../tools/defaults/set_default_forwarding.js';
import { badInputSweep, exampleQueryCase, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, fail, account, sent } = useHarness();

describe('toApi', () => {
  exampleQueryCase(setDefaultForwarding, { url: 'http://mydomain.com' });

  it('permanent is is_temp=no; a URL that is not http(s) is refused', () => {
    expect(setDefaultForwarding.toApi(setDefaultForwarding.input.parse({ url: 'https://a.example/', permanent: true }))).toEqual({
      forward_url: 'https://a.example/',
      is_temp: 'no',
    });
    expect(setDefaultForwarding.input.safeParse({ url: 'javascript:alert(1)' }).success).toBe(false);
  });
});

describe('simulator', () => {
  simulatorShapeCase(setDefaultForwarding);
});

describe('through the client', () => {
  it('account_info shows forwarding as the default, and a new domain forwards there', async () => {
    await ok('set_default_forwarding', { url: 'https://example.org/landing' });
    expect((await ok('account_info')).default_name_servers).toMatchObject({ type: 'forwarding', forward_to: 'https://example.org/landing' });
    await ok('register', { domain: 'brand-new-name.com', years: 1, confirm: true });
    expect((await ok('get_dns', { domain: 'brand-new-name.com' })).dns).toMatchObject({ forward_to: 'https://example.org/landing' });
  });
});

describe('safety', () => {
  pinEffect(setDefaultForwarding, 'write');
  badInputSweep(setDefaultForwarding, { url: 'https://example.org/', permanent: true });
});
