import { describe, expect, it } from 'vitest';
import setEmailForward from '../../../tools/domains/set_email_forward.js';
import { type Json, useHarness } from '../../helpers/tool-test.js';

// The common cases (example, condensing, shape, effect, sweep, confirm gate, the write in a read)
// come from the family table: test/helpers/setting-scopes.ts, run by test/tools/setting-families.test.ts.
const { ok, call, domain, sent } = useHarness();
const toApi = (args: Record<string, unknown>) => setEmailForward.toApi(setEmailForward.input.parse(args));

describe('toApi', () => {
  it('set_email_forward: mail hosts with their distance; none is donot; at most 10 forwards and 3 hosts', () => {
    expect(toApi({ domains: ['a.com', 'b.com'], email: { type: 'mx', hosts: [{ host: 'mx1.example.org', distance: 0 }, { host: 'mx2.example.org', distance: 10 }] } })).toEqual({
      domain: 'a.com,b.com',
      forward_type: 'mx',
      mx_host0: 'mx1.example.org',
      mx_distance0: '0',
      mx_host1: 'mx2.example.org',
      mx_distance1: '10',
    });
    expect(toApi({ domains: ['a.com'], email: { type: 'none' } })).toEqual({ domain: 'a.com', forward_type: 'donot' });
    const host = { host: 'mx1.example.org', distance: 0 };
    expect(() => setEmailForward.input.parse({ domains: ['a.com'], email: { type: 'mx', hosts: [host, host, host, host] } })).toThrow();
    const forward = { mailbox: 'a', to: 'x@example.org' };
    expect(() => setEmailForward.input.parse({ domains: ['a.com'], email: { type: 'forward', forwards: Array(11).fill(forward) } })).toThrow();
  });
});

describe('through the client', () => {
  it('set_email_forward with confirm: the domains forward their mail as set', async () => {
    const email = { type: 'forward', forwards: [{ mailbox: 'info', to: 'owner@example.org' }, { mailbox: 'sales', to: 'team@example.org' }] };
    const result = await ok('set_email_forward', { domains: ['acme-widgets.com', 'acme-widgets.de'], email, confirm: true });
    expect(result).toEqual({ done: true, domains: ['acme-widgets.com', 'acme-widgets.de'], changed: { email } });
    const forwards = [{ username: 'info', to: 'owner@example.org' }, { username: 'sales', to: 'team@example.org' }];
    expect(domain('acme-widgets.com').emailForward).toEqual({ kind: 'forward', forwards });
    expect(domain('acme-widgets.de').emailForward).toEqual({ kind: 'forward', forwards });
    // What the domains resolve to is untouched.
    expect((await ok<Json>('get_dns', { domain: 'acme-widgets.com' })).dns.records).toHaveLength(5);
  });

  it('set_email_forward none: the domain stops forwarding', async () => {
    await ok('set_email_forward', { domains: ['acme-widgets.de'], email: { type: 'none' }, confirm: true });
    expect(domain('acme-widgets.de').emailForward).toEqual({ kind: 'none' });
    expect(sent('set_email_forward').map((r) => r.params)).toEqual([{ domain: 'acme-widgets.de', forward_type: 'donot' }]);
  });
});

describe('safety', () => {
  it('set_email_forward preview: where mail goes now as far as reads tell, and that the rest cannot be read', async () => {
    const { details } = ((await call('set_email_forward', { domains: ['acme-widgets.com', 'widgetlab.io', 'acme-widgets.de'], email: { type: 'none' } })).structuredContent as Json).preview;
    expect(details.current).toEqual({
      'acme-widgets.com': { service: 'dynadot_dns', mx_records: [{ type: 'mx', value: 'mx1.mailhost.example', priority: 10 }] },
      'widgetlab.io': { name_servers: ['ns1.cloudhost.example', 'ns2.cloudhost.example'] },
      'acme-widgets.de': { service: 'dynadot_parking' },
    });
    expect(details.note).toMatch(/cannot read/);
    expect(details).not.toHaveProperty('warning');
  });
});
