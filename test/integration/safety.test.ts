import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { CATALOG } from '../../tools/index.js';
import { annotationsFor } from '../../src/server/define.js';
import type { SimAccount } from '../../src/simulator/state.js';
import { type Harness, startHarness, textOf } from '../helpers/harness.js';

/**
 * The safety gate end to end: destructive calls without `confirm: true` send nothing that
 * changes the account and answer with a preview; read-only mode serves read tools only; the
 * table of destructive tools is pinned here so changing it is a deliberate act.
 */
type Json = Record<string, any>;

/** A deep, comparable copy of everything a destructive call could change. */
function snapshot(account: SimAccount) {
  return JSON.parse(
    JSON.stringify({
      balance: account.balance,
      totalSpending: account.totalSpending,
      domains: [...account.domains.values()],
      orders: account.orders,
    }),
  );
}

/** Destructive calls, each valid and each one that would change the account if confirmed. */
const UNCONFIRMED: Array<{ tool: string; args: Json; reads: string[] }> = [
  { tool: 'register', args: { domain: 'brand-new-name.com', years: 2 }, reads: ['search'] },
  { tool: 'renew', args: { domain: 'acme-widgets.com', years: 1 }, reads: ['renew'] },
  { tool: 'delete', args: { domain: 'fresh-idea.xyz' }, reads: ['domain_info'] },
  { tool: 'set_ns', args: { domains: ['acme-widgets.com'], name_servers: ['ns1.cloudhost.example'] }, reads: ['get_ns'] },
  { tool: 'set_dns2', args: { domains: ['acme-widgets.com'], records: [{ type: 'a', value: '198.51.100.1' }] }, reads: ['get_dns'] },
  { tool: 'update_dns_records', args: { domain: 'acme-widgets.com', set: [{ type: 'a', subdomain: 'www', value: '198.51.100.1' }] }, reads: ['get_dns'] },
];

describe('the confirm gate', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.client.listTools();
  });
  afterAll(async () => h.close());
  beforeEach(() => h.simulator.reset());

  const commands = () => h.simulator.requests.map((r) => r.command);

  for (const { tool, args, reads } of UNCONFIRMED) {
    it(`${tool} without confirm: preview only, nothing mutating sent, state unchanged`, async () => {
      const before = snapshot(h.simulator.account);
      const result = await h.call(tool, args);
      expect(result.isError, textOf(result)).toBeFalsy();
      const preview = (result.structuredContent as Json).preview;
      expect(preview).toBeDefined();
      expect(preview.next_step).toMatch(/confirm: true/);
      expect(preview.summary).toMatch(/nothing was changed/i);
      expect(preview.would_call).toMatchObject(args);
      expect(preview.would_call).not.toHaveProperty('confirm');
      // Only the preview's reads reached api3.
      expect(commands().every((c) => reads.includes(c)), commands().join(',')).toBe(true);
      if (tool !== 'renew') expect(commands()).not.toContain(tool);
      expect(snapshot(h.simulator.account)).toEqual(before);
      // The result holds nothing but the preview: no claim that the change happened.
      expect(Object.keys(result.structuredContent as Json)).toEqual(['preview']);
    });

    it(`${tool} with confirm: false is the same as without`, async () => {
      const before = snapshot(h.simulator.account);
      const result = await h.call(tool, { ...args, confirm: false });
      expect((result.structuredContent as Json).preview).toBeDefined();
      if (tool !== 'renew') expect(commands()).not.toContain(tool);
      expect(snapshot(h.simulator.account)).toEqual(before);
    });
  }

  it('renew preview sends exactly one renew request, a price_check, and shows its price', async () => {
    const result = await h.call('renew', { domain: 'acme-widgets.com', years: 2 });
    const renews = h.simulator.requests.filter((r) => r.command === 'renew');
    expect(renews).toHaveLength(1);
    expect(renews[0]?.params.price_check).toBe('1');
    expect(renews[0]?.params).toMatchObject({ domain: 'acme-widgets.com', duration: '2' });
    expect((result.structuredContent as Json).preview.details).toEqual({ price: { amount: 23.98, currency: 'USD' } });
  });

  it('register preview shows availability and the estimated cost', async () => {
    const result = await h.call('register', { domain: 'brand-new-name.com', years: 2 });
    const { details } = (result.structuredContent as Json).preview;
    expect(details).toMatchObject({
      available: true,
      first_year_price: { amount: 10.99, currency: 'USD' },
      estimated_total: { amount: 21.98, currency: 'USD' },
    });
  });

  it('delete preview names the dates; set_ns and set_dns2 previews show what would be replaced', async () => {
    const del = (await h.call('delete', { domain: 'fresh-idea.xyz' })).structuredContent as Json;
    expect(del.preview.details.registered).toMatch(/^\d{4}-\d\d-\d\dT/);
    const ns = (await h.call('set_ns', { domains: ['widgetlab.io'], name_servers: ['ns1.acme-widgets.com'] })).structuredContent as Json;
    expect(ns.preview.details.current_name_servers).toEqual({ 'widgetlab.io': ['ns1.cloudhost.example', 'ns2.cloudhost.example'] });
    const dns = (await h.call('set_dns2', { domains: ['widget.dev'], records: [{ type: 'a', value: '198.51.100.1' }] })).structuredContent as Json;
    expect(dns.preview.details.replaces_current_records).toEqual({
      'widget.dev': { type: 'dynadot_dns', ttl: 300, records: [{ type: 'aaaa', value: '2001:db8::1' }] },
    });
    expect(dns.preview.details.tip).toMatch(/append: true/);
  });

  it('a preview for an unknown domain is refused up front with not_found', async () => {
    const result = await h.call('delete', { domain: 'not-mine.com' });
    expect(result.isError).toBe(true);
    expect(JSON.parse(textOf(result)).error).toBe('not_found');
    expect(commands()).not.toContain('delete');
  });

  it('set_dns2 with append: true needs no confirm and changes the records', async () => {
    const result = await h.call('set_dns2', { domains: ['acme-widgets.com'], records: [{ type: 'a', subdomain: 'blog', value: '203.0.113.30' }], append: true });
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(result.structuredContent as Json).not.toHaveProperty('preview');
    expect(commands()).toContain('set_dns2');
    const dns = h.simulator.account.domains.get('acme-widgets.com')?.nameServers;
    expect(dns?.kind === 'dns' && dns.sub.some((r) => r.subhost === 'blog' && r.value === '203.0.113.30')).toBe(true);
  });

  it('confirm: "true" (a string) is rejected as invalid input; nothing is sent', async () => {
    const before = snapshot(h.simulator.account);
    const result = await h.call('register', { domain: 'brand-new-name.com', years: 1, confirm: 'true' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/confirm/);
    expect(h.simulator.requests).toEqual([]);
    expect(snapshot(h.simulator.account)).toEqual(before);
  });

  // DESIGN.md: every error is a tool result with a stable code an agent can branch on, and
  // invalid_input is one of them. The SDK's own argument validation answers in plain prose.
  it('invalid input comes back with the stable invalid_input code', async () => {
    const result = await h.call('register', { domain: 'brand-new-name.com', years: 1, confirm: 'true' });
    expect(result.isError).toBe(true);
    let parsed: Json | undefined;
    try {
      parsed = JSON.parse(textOf(result));
    } catch {
      parsed = undefined;
    }
    expect(parsed, textOf(result)).toMatchObject({ error: 'invalid_input' });
  });

  it('other invalid destructive input is refused before anything is sent', async () => {
    for (const [tool, args] of [
      ['register', { domain: 'not a domain', years: 1, confirm: true }],
      ['renew', { domain: 'acme-widgets.com', years: 0, confirm: true }],
      ['set_ns', { domains: ['acme-widgets.com'], name_servers: [], confirm: true }],
      ['set_dns2', { domains: ['acme-widgets.com'], records: [], confirm: true }],
      ['delete', { domain: 'fresh-idea.xyz', confirm: 1 }],
    ] as const) {
      const result = await h.call(tool, args as Json);
      expect(result.isError, `${tool} ${JSON.stringify(args)}`).toBe(true);
    }
    expect(h.simulator.requests).toEqual([]);
  });
});

describe('read-only mode', () => {
  let h: Harness;
  let tools: Tool[];
  beforeAll(async () => {
    h = await startHarness({ readOnly: true });
    tools = (await h.client.listTools()).tools;
  });
  afterAll(async () => h.close());

  it('lists exactly the tools whose readOnlyHint is true', () => {
    const expected = CATALOG.filter((s) => s.effect === 'read').map((s) => s.name);
    expect(tools.map((t) => t.name)).toEqual(expected);
    for (const tool of tools) expect(tool.annotations?.readOnlyHint, tool.name).toBe(true);
    expect(tools.length).toBeGreaterThan(0);
  });

  it('refuses register, even with confirm, and sends nothing', async () => {
    const result = await h.call('register', { domain: 'brand-new-name.com', years: 1, confirm: true });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/register/);
    expect(h.simulator.requests.map((r) => r.command)).not.toContain('register');
    expect(h.simulator.account.domains.has('brand-new-name.com')).toBe(false);
  });

  it('still answers reads', async () => {
    const result = await h.ok<{ total: number }>('list_domain', {});
    expect(result.total).toBe(h.simulator.account.domains.size);
  });

  it('tells the agent it is read-only', () => {
    expect(h.client.getInstructions()).toMatch(/read-only/i);
  });
});

describe('the effect table', () => {
  it('destructive tools are pinned: register, renew, delete, set_ns, set_dns2, update_dns_records', () => {
    expect(
      CATALOG.filter((s) => s.effect === 'destructive')
        .map((s) => s.name)
        .sort(),
    ).toEqual(['delete', 'register', 'renew', 'set_dns2', 'set_ns', 'update_dns_records']);
  });

  it('every tool\'s effect is pinned', () => {
    expect(Object.fromEntries(CATALOG.map((s) => [s.name, s.effect]))).toEqual({
      search: 'read',
      tld_price: 'read',
      list_domain: 'read',
      domain_info: 'read',
      register: 'destructive',
      renew: 'destructive',
      delete: 'destructive',
      lock_domain: 'write',
      set_note: 'write',
      set_renew_option: 'write',
      set_privacy: 'write',
      get_dns: 'read',
      set_dns2: 'destructive',
      update_dns_records: 'destructive',
      get_ns: 'read',
      server_list: 'read',
      set_ns: 'destructive',
      contact_list: 'read',
      get_contact: 'read',
      account_info: 'read',
      get_account_balance: 'read',
      is_processing: 'read',
    });
  });

  it('only set_dns2 may waive confirm, and only when appending', () => {
    const waivers = CATALOG.filter((s) => s.needsConfirm !== undefined).map((s) => s.name);
    expect(waivers).toEqual(['set_dns2']);
    const setDns2 = CATALOG.find((s) => s.name === 'set_dns2');
    const records = [{ type: 'a', value: '192.0.2.1' }];
    expect(setDns2?.needsConfirm?.(setDns2.input.parse({ domains: ['a.com'], records }))).toBe(true);
    expect(setDns2?.needsConfirm?.(setDns2.input.parse({ domains: ['a.com'], records, append: true }))).toBe(false);
  });

  describe('advertised annotations match each tool\'s effect', () => {
    let h: Harness;
    let tools: Tool[];
    beforeAll(async () => {
      h = await startHarness();
      tools = (await h.client.listTools()).tools;
    });
    afterAll(async () => h.close());

    it('for every tool in the catalog', () => {
      expect(tools.map((t) => t.name).sort()).toEqual(CATALOG.map((s) => s.name).sort());
      for (const spec of CATALOG) {
        const tool = tools.find((t) => t.name === spec.name);
        const a = tool?.annotations;
        expect(a, spec.name).toBeDefined();
        expect(a?.readOnlyHint, spec.name).toBe(spec.effect === 'read');
        expect(a?.destructiveHint, spec.name).toBe(spec.effect === 'destructive');
        expect(a?.idempotentHint, spec.name).toBe(spec.idempotent ?? spec.effect === 'read');
        expect(a?.openWorldHint, spec.name).toBe(true);
        expect(a?.title, spec.name).toBe(spec.title);
        expect(a).toEqual(annotationsFor(spec));
        // A read tool is never also destructive, and a write is never advertised read-only.
        expect(a?.readOnlyHint && a?.destructiveHint, spec.name).toBe(false);
      }
    });

    it('destructive tools say in their description that they need confirm', () => {
      for (const spec of CATALOG.filter((s) => s.effect === 'destructive')) {
        expect(spec.description, spec.name).toMatch(/confirm/i);
      }
    });
  });
});
