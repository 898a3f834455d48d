import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallToolResult } from '@modelcontextprotocol/client';
import { CATALOG } from '../../tools/index.js';
import type { AuditEntry } from '../../src/server/audit.js';
import { errorOf, type Harness, startHarness, textOf } from '../helpers/harness.js';

/**
 * The discovery pair (issue 16): by default the server lists the everyday tools, find_tools and
 * call_tool, and through the pair reaches every tool its profile allows. A call through
 * call_tool is the inner tool's own call: its schema, its gate, its audit.
 */
type Found = { tools: Array<{ name: string; toolset: string; effect: string; listed?: true; input_schema: { type?: string; properties?: Record<string, unknown> } }>; total: number };

const structured = <T>(result: CallToolResult): T => {
  if (result.isError) throw new Error(textOf(result));
  return result.structuredContent as T;
};

describe('the default server', () => {
  let h: Harness;
  const audit: AuditEntry[] = [];
  beforeAll(async () => {
    h = await startHarness({ toolsets: ['default'], audit: (line) => audit.push(line) });
  });
  afterAll(async () => h.close());
  afterEach(() => h.simulator.reset());

  it('lists the everyday tools and the pair, with annotations that neither hide nor inflate what call_tool reaches', async () => {
    const tools = (await h.client.listTools()).tools;
    expect(tools.map((tool) => tool.name)).toEqual([...CATALOG.filter((spec) => spec.everyday).map((spec) => spec.name), 'find_tools', 'call_tool']);
    const call = tools.find((tool) => tool.name === 'call_tool');
    expect(call?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: false });
    expect(tools.find((tool) => tool.name === 'find_tools')?.annotations).toMatchObject({ readOnlyHint: true });
    for (const tool of tools) expect(tool.name).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
  });

  it('find_tools without a query maps every tool of the catalog by toolset', async () => {
    const index = structured<{ toolsets: Record<string, string[]> }>(await h.call('find_tools', {}));
    expect(Object.values(index.toolsets).flat().sort()).toEqual(CATALOG.map((spec) => spec.name).sort());
  });

  it.each([
    ['make a new whois contact', 'create_contact'],
    ['forward a domain to a url', 'set_forwarding'],
    ['which domains expire soon', 'list_domain'],
    ['name server glue ip', 'set_ns_ip'],
    ['account balance', 'get_account_balance'],
    ['default dns for new domains', 'set_default_dns2'],
  ])('find_tools "%s" finds %s among the first five, with its input schema', async (query, name) => {
    const found = structured<Found>(await h.call('find_tools', { query }));
    const match = found.tools.find((tool) => tool.name === name);
    expect(match, found.tools.map((tool) => tool.name).join(', ')).toBeDefined();
    expect(match?.input_schema).toMatchObject({ type: 'object', properties: {} });
    expect(found.tools.length).toBeLessThanOrEqual(5);
  });

  it('find_tools says so when a query names a command no tool serves yet', async () => {
    // Every api3 command is served: set_for_sale stands in for one a newer document adds.
    const lacking = await startHarness({ toolsets: ['default'], notYet: [{ command: 'set_for_sale', toolset: 'aftermarket' }] });
    try {
      const found = structured<{ not_yet?: string[] }>(await lacking.call('find_tools', { query: 'put a domain up for sale' }));
      expect(found.not_yet).toContain('set_for_sale');
      expect(errorOf(await lacking.call('call_tool', { name: 'set_for_sale' })).hint).toMatch(/does not serve yet/);
    } finally {
      await lacking.close();
    }
  });

  it('find_tools refuses unknown arguments and out-of-range limits, naming the field', async () => {
    expect(errorOf(await h.call('find_tools', { q: 'dns' })).message).toMatch(/unknown argument q/);
    expect(errorOf(await h.call('find_tools', { query: 'dns', limit: 500 })).message).toMatch(/limit/);
  });

  it('call_tool runs an unlisted read and answers as the tool itself would', async () => {
    const direct = await startHarness({ toolsets: 'all' });
    try {
      const viaPair = structured<Record<string, unknown>>(await h.call('call_tool', { name: 'contact_list', arguments: {} }));
      expect(viaPair).toEqual(structured(await direct.call('contact_list', {})));
    } finally {
      await direct.close();
    }
  });

  it("call_tool checks the arguments against the inner tool's own schema, and sends nothing when they fail", async () => {
    h.simulator.requests.length = 0;
    const unknown = errorOf(await h.call('call_tool', { name: 'get_contact', arguments: { contact_id: 0, verbose: true } }));
    expect(unknown).toMatchObject({ error: 'invalid_input' });
    expect(unknown.message).toMatch(/get_contact: unknown argument verbose/);
    const bad = errorOf(await h.call('call_tool', { name: 'set_ns_ip', arguments: { server_id: -1, ips: ['192.0.2.1'] } }));
    expect(bad.message).toMatch(/set_ns_ip: server_id/);
    expect(h.simulator.requests).toEqual([]);
  });

  it('call_tool names what it does not know, and never calls itself', async () => {
    expect(errorOf(await h.call('call_tool', { name: 'get_contatc' })).hint).toMatch(/get_contact/);
    expect(errorOf(await h.call('call_tool', { name: 'call_tool' })).message).toMatch(/not found/);
  });

  it("a destructive tool through call_tool keeps its own confirmation: a preview first, once with its id, then a replay", async () => {
    const args = { contact_ids: [2] };
    h.simulator.requests.length = 0;
    const preview = structured<{ preview: { confirmation_id?: string } }>(await h.call('call_tool', { name: 'delete_contact', arguments: args }));
    expect(preview.preview.confirmation_id).toBeTruthy();
    expect(h.simulator.requests.map((r) => r.command)).not.toContain('delete_contact');
    // An id does not carry over to another tool: the gate binds it to delete_contact's call.
    const forged = await h.call('call_tool', { name: 'delete_ns', arguments: { server_ids: [0], confirm: true, confirmation_id: preview.preview.confirmation_id } });
    expect(h.simulator.requests.map((r) => r.command)).not.toContain('delete_ns');
    expect(forged.isError || (forged.structuredContent as { preview?: unknown }).preview !== undefined).toBe(true);
    const confirmed = { name: 'delete_contact', arguments: { ...args, confirm: true, confirmation_id: preview.preview.confirmation_id } };
    const done = structured<Record<string, unknown>>(await h.call('call_tool', confirmed));
    expect(done).not.toHaveProperty('preview');
    expect(h.simulator.requests.filter((r) => r.command === 'delete_contact')).toHaveLength(1);
    expect(audit.filter((line) => line.tool === 'delete_contact').map((line) => line.outcome)).toEqual(['sending', 'done']);
    const again = structured<{ replay?: true }>(await h.call('call_tool', confirmed));
    expect(again.replay).toBe(true);
    expect(h.simulator.requests.filter((r) => r.command === 'delete_contact')).toHaveLength(1);
  });
});

describe('a read-only server', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ toolsets: ['default'], readOnly: true });
  });
  afterAll(async () => h.close());

  it('finds and calls reads only, and says why a write is missing', async () => {
    const tools = (await h.client.listTools()).tools;
    expect(tools.find((tool) => tool.name === 'call_tool')?.annotations).toMatchObject({ readOnlyHint: true });
    const index = structured<{ toolsets: Record<string, string[]> }>(await h.call('find_tools', {}));
    const reachable = Object.values(index.toolsets).flat();
    expect(reachable.sort()).toEqual(CATALOG.filter((spec) => spec.effect === 'read').map((spec) => spec.name).sort());
    const found = structured<Found>(await h.call('find_tools', { query: 'delete contact', limit: 20 }));
    expect(found.tools.every((tool) => tool.effect === 'read')).toBe(true);
    h.simulator.requests.length = 0;
    expect(errorOf(await h.call('call_tool', { name: 'delete_contact', arguments: { contact_ids: [3] } })).hint).toMatch(/read-only/);
    expect(h.simulator.requests).toEqual([]);
  });
});

describe('discover only', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ toolsets: ['discover'], dryRun: true });
  });
  afterAll(async () => h.close());

  it('lists the pair alone and still reaches every tool; dry run holds through call_tool', async () => {
    expect((await h.client.listTools()).tools.map((tool) => tool.name)).toEqual(['find_tools', 'call_tool']);
    const index = structured<{ toolsets: Record<string, string[]> }>(await h.call('find_tools', {}));
    expect(Object.values(index.toolsets).flat()).toHaveLength(CATALOG.length);
    h.simulator.requests.length = 0;
    const answer = structured<{ preview?: unknown; dry_run?: true }>(await h.call('call_tool', { name: 'set_note', arguments: { domain: 'acme-widgets.com', note: 'x' } }));
    expect(answer).toMatchObject({ dry_run: true });
    expect(answer.preview).toBeDefined();
    expect(h.simulator.requests.map((r) => r.command)).not.toContain('set_note');
  });

  it('a tool not listed, called directly, is refused with the way to reach it', async () => {
    const error = errorOf(await h.call('get_dns', { domain: 'acme-widgets.com' }));
    expect(error.hint).toMatch(/call_tool/);
  });
});
