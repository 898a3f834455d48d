import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Tool } from '@modelcontextprotocol/client';
import { CATALOG } from '../../tools/index.js';
import { annotationsFor } from '../../src/server/define.js';
import { type Harness, startHarness, textOf } from '../helpers/harness.js';
import { snapshot } from '../helpers/tool-test.js';

/**
 * The safety gate end to end, where it holds for every tool: invalid input answers with the
 * stable invalid_input code; read-only mode serves read tools only; every tool's advertised
 * annotations follow its effect. Each tool's own confirm gate, preview and pinned effect are in
 * its test file (test/tools/<toolset>/<tool>.test.ts).
 */
type Json = Record<string, any>;

describe('invalid input', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.client.listTools();
  });
  afterAll(async () => h.close());
  beforeEach(() => h.simulator.reset());

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

describe("advertised annotations match each tool's effect", () => {
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
      expect(tool?.title, spec.name).toBe(spec.title);
      expect(a).toEqual(annotationsFor(spec));
      // A read tool is never also destructive, and a write is never advertised read-only.
      expect(a?.readOnlyHint && a?.destructiveHint, spec.name).toBe(false);
    }
  });
});
