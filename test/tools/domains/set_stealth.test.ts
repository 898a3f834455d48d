import { describe, expect, it } from 'vitest';
import setStealth from '../../../tools/domains/set_stealth.js';
import { type Json, smugglingCase, useHarness } from '../../helpers/tool-test.js';

// The common cases (example, condensing, shape, effect, sweep, confirm gate, the write in a read)
// come from the family table: test/helpers/setting-scopes.ts, run by test/tools/setting-families.test.ts.
const { ok, call, domain, sent } = useHarness();

describe('toApi', () => {
  it('set_stealth: the title is optional and left out when not said', () => {
    expect(setStealth.toApi(setStealth.input.parse({ domains: ['a.com', 'b.com'], url: 'https://b.example/' }))).toEqual({
      domain: 'a.com,b.com',
      stealth_url: 'https://b.example/',
    });
  });
});

describe('through the client', () => {
  it('set_stealth with confirm: get_dns and domain_info show the stealth forward, with the title kept', async () => {
    const result = await ok('set_stealth', { domains: ['acme-widgets.net'], url: 'https://shop.example/', title: 'Acme shop', confirm: true });
    expect(result).toEqual({ done: true, domains: ['acme-widgets.net'], changed: { url: 'https://shop.example/', title: 'Acme shop' } });
    expect(domain('acme-widgets.net').nameServers).toEqual({ kind: 'stealth', url: 'https://shop.example/', title: 'Acme shop' });
    expect((await ok<Json>('get_dns', { domain: 'acme-widgets.net' })).dns).toEqual({ type: 'stealth_forwarding', forward_to: 'https://shop.example/' });
    expect((await ok<Json>('domain_info', { domain: 'acme-widgets.net' })).domain.name_servers.type).toBe('stealth_forwarding');
  });
});

describe('safety', () => {
  it('set_stealth preview: the records the domain loses', async () => {
    const { details } = ((await call('set_stealth', { domains: ['widget.dev'], url: 'https://shop.example/' })).structuredContent as Json).preview;
    expect(details).toEqual({
      current: { 'widget.dev': { service: 'dynadot_dns', dns_records_dropped: [{ type: 'aaaa', value: '2001:db8::1' }], ttl: 300 } },
      warning: expect.stringMatching(/stop answering/),
    });
    expect(sent('set_stealth')).toHaveLength(0);
  });

  smugglingCase(setStealth, { domains: ['acme-widgets.net'], url: 'https://shop.example/', title: 'Tom & Jerry = fun', confirm: true }, 'stealth_title', 'Tom & Jerry = fun');
});
