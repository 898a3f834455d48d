import { describe, expect, it } from 'vitest';
import setHosting from '../../../tools/domains/set_hosting.js';
import { type Json, useHarness } from '../../helpers/tool-test.js';

// The common cases (example, condensing, shape, effect, sweep, confirm gate, the write in a read)
// come from the family table: test/helpers/setting-scopes.ts, run by test/tools/setting-families.test.ts.
const { ok, call, domain, sent } = useHarness();
const toApi = (args: Record<string, unknown>) => setHosting.toApi(setHosting.input.parse(args));

describe('toApi', () => {
  it('set_hosting: basic, and the mobile view left out when not said', () => {
    expect(toApi({ domains: ['a.com'], hosting_type: 'basic' })).toEqual({ domain: 'a.com', hosting_type: 'basic' });
    expect(toApi({ domains: ['a.com'], hosting_type: 'advanced', mobile_view: false }).mobile_view_on).toBe('no');
  });
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
  it('set_hosting preview: what each domain has now', async () => {
    const { details } = ((await call('set_hosting', { domains: ['widgetlab.io', 'acme-widgets.net'], hosting_type: 'basic' })).structuredContent as Json).preview;
    expect(details).toEqual({
      current: { 'widgetlab.io': { name_servers: ['ns1.cloudhost.example', 'ns2.cloudhost.example'] }, 'acme-widgets.net': { service: 'dynadot_parking', with_ads: false } },
    });
  });
});
