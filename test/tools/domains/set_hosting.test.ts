import { describe, expect, it } from 'vitest';
import setHosting from '../../../tools/domains/set_hosting.js';
import {
  badInputSweep,
  condenseExample,
  confirmGateCases,
  exampleQueryCase,
  type Json,
  pinEffect,
  simulatorShapeCase,
  useHarness,
} from '../../helpers/tool-test.js';

const { ok, call, domain, sent } = useHarness();
const toApi = (args: Record<string, unknown>) => setHosting.toApi(setHosting.input.parse(args));

describe('toApi', () => {
  exampleQueryCase(setHosting, { domains: ['domain8.com'], hosting_type: 'advanced', mobile_view: true });

  it('set_hosting: basic, and the mobile view left out when not said', () => {
    expect(toApi({ domains: ['a.com'], hosting_type: 'basic' })).toEqual({ domain: 'a.com', hosting_type: 'basic' });
    expect(toApi({ domains: ['a.com'], hosting_type: 'advanced', mobile_view: false }).mobile_view_on).toBe('no');
  });
});

describe('condense', () => {
  it('set_hosting: says what is now in place', () => {
    expect(condenseExample(setHosting, { domains: ['domain8.com'], hosting_type: 'advanced', mobile_view: true })).toEqual({
      done: true,
      domains: ['domain8.com'],
      changed: { hosting_type: 'advanced', mobile_view: true },
    });
  });
});

describe('simulator', () => {
  simulatorShapeCase(setHosting, (q) => ({ ...q, domain: 'fresh-idea.xyz' }));
});

describe('through the client', () => {
  it('set_hosting with confirm: get_dns shows Dynadot hosting', async () => {
    await ok('set_hosting', { domains: ['fresh-idea.xyz', 'shopwidgets.co'], hosting_type: 'advanced', mobile_view: true, confirm: true });
    expect(domain('fresh-idea.xyz').nameServers).toEqual({ kind: 'hosting', hostingType: 'advanced', mobileView: true });
    expect((await ok<Json>('get_dns', { domain: 'shopwidgets.co' })).dns).toEqual({ type: 'dynadot_hosting' });
  });

  it('set_hosting: the mobile view with basic hosting is refused by the preview, nothing sent', async () => {
    const { preview } = await ok<Json>('set_hosting', { domains: ['fresh-idea.xyz'], hosting_type: 'basic', mobile_view: true, confirm: true });
    expect(preview.refused_because).toEqual(['mobile_view needs hosting_type advanced']);
    expect(preview).not.toHaveProperty('confirmation_id');
    expect(sent('set_hosting')).toHaveLength(0);
    expect(domain('fresh-idea.xyz').nameServers.kind).toBe('parking');
  });
});

describe('safety', () => {
  pinEffect(setHosting, 'destructive');
  confirmGateCases(setHosting, { domains: ['acme-widgets.com', 'widgetlab.io'], hosting_type: 'basic' }, ['list_domain', 'get_dns'], {
    otherArgs: { domains: ['acme-widgets.com', 'widgetlab.io'], hosting_type: 'advanced' },
    changeFacts: {
      what: 'other name servers on one domain',
      change(account) {
        const d = account.domains.get('widgetlab.io');
        if (!d) throw new Error('seed changed');
        d.nameServers = { kind: 'nameservers', hosts: ['ns1.acme-widgets.com'] };
      },
    },
  });

  it('set_hosting preview: what each domain has now', async () => {
    const { details } = ((await call('set_hosting', { domains: ['widgetlab.io', 'acme-widgets.net'], hosting_type: 'basic' })).structuredContent as Json).preview;
    expect(details).toEqual({
      current: { 'widgetlab.io': { name_servers: ['ns1.cloudhost.example', 'ns2.cloudhost.example'] }, 'acme-widgets.net': { service: 'dynadot_parking', with_ads: false } },
    });
  });

  badInputSweep(setHosting, { domains: ['acme-widgets.com'], hosting_type: 'advanced', mobile_view: true });
});
