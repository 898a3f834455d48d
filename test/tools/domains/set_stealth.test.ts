import { describe, expect, it } from 'vitest';
import setStealth from '../../../tools/domains/set_stealth.js';
import {
  badInputSweep,
  condenseExample,
  confirmGateCases,
  exampleQueryCase,
  type Json,
  pinEffect,
  simulatorShapeCase,
  smugglingCase,
  useHarness,
} from '../../helpers/tool-test.js';

const { ok, call, domain, sent } = useHarness();

// The examples file cut the title at its quote and lost the URL; the document's request has both.
const LOST = { stealth_title: "obama's shop", stealth_url: 'http://www.obamashop.com' };

describe('toApi', () => {
  exampleQueryCase(setStealth, { domains: ['domain1.com'], url: 'http://www.obamashop.com', title: "obama's shop" }, { lost: LOST });

  it('set_stealth: the title is optional and left out when not said', () => {
    expect(setStealth.toApi(setStealth.input.parse({ domains: ['a.com', 'b.com'], url: 'https://b.example/' }))).toEqual({
      domain: 'a.com,b.com',
      stealth_url: 'https://b.example/',
    });
  });
});

describe('condense', () => {
  it('set_stealth: says what is now in place, on which domains', () => {
    expect(condenseExample(setStealth, { domains: ['domain1.com'], url: 'http://www.obamashop.com', title: "obama's shop" })).toEqual({
      done: true,
      domains: ['domain1.com'],
      changed: { url: 'http://www.obamashop.com', title: "obama's shop" },
    });
  });
});

describe('simulator', () => {
  simulatorShapeCase(setStealth, (q) => ({ ...q, ...LOST, domain: 'acme-widgets.net' }));
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
  pinEffect(setStealth, 'destructive');
  confirmGateCases(setStealth, { domains: ['widget.dev'], url: 'https://shop.example/' }, ['list_domain', 'get_dns'], {
    otherArgs: { domains: ['widget.dev'], url: 'https://shop.example/', title: 'Shop' },
    changeFacts: {
      what: 'the domain moved to other name servers',
      change(account) {
        const d = account.domains.get('widget.dev');
        if (!d) throw new Error('seed changed');
        d.nameServers = { kind: 'nameservers', hosts: ['ns1.cloudhost.example'] };
      },
    },
  });

  it('set_stealth preview: the records the domain loses', async () => {
    const { details } = ((await call('set_stealth', { domains: ['widget.dev'], url: 'https://shop.example/' })).structuredContent as Json).preview;
    expect(details).toEqual({
      current: { 'widget.dev': { service: 'dynadot_dns', dns_records_dropped: [{ type: 'aaaa', value: '2001:db8::1' }], ttl: 300 } },
      warning: expect.stringMatching(/stop answering/),
    });
    expect(sent('set_stealth')).toHaveLength(0);
  });

  badInputSweep(setStealth, { domains: ['acme-widgets.com'], url: 'https://shop.example/', title: 'Shop' }, { kindOf: (path) => (path[0] === 'url' ? 'url' : undefined) });
  smugglingCase(setStealth, { domains: ['acme-widgets.net'], url: 'https://shop.example/', title: 'Tom & Jerry = fun', confirm: true }, 'stealth_title', 'Tom & Jerry = fun');
});
