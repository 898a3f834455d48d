import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tool } from '@modelcontextprotocol/client';
import { CATALOG } from '../../tools/index.js';
import { TOOL_NAME_PATTERN } from '../../src/server/define.js';
import { TOOLSET_NAMES } from '../../src/server/toolsets.js';
import { selectTools } from '../../src/server/server.js';
import { EXAMPLE_COMMANDS, exampleFor } from '../helpers/examples.js';
import { type Harness, startHarness } from '../helpers/harness.js';

/**
 * The catalog's meta-test: what every tool must satisfy before any client sees it. Claude
 * Desktop drops a server's whole tool list for one bad name; the Anthropic API rejects a request
 * whose tool schema has a top-level union; every description is paid for in every conversation.
 */
const NAME = /^[a-zA-Z0-9_-]{1,64}$/;

describe('catalog specs', () => {
  it('is not empty and every name is unique', () => {
    expect(CATALOG.length).toBeGreaterThan(0);
    const names = CATALOG.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
  });

  for (const spec of CATALOG) {
    describe(spec.name, () => {
      it('name fits ^[a-zA-Z0-9_-]{1,64}$ and is an api3 command of the document', () => {
        expect(spec.name).toMatch(NAME);
        expect(spec.name).toMatch(TOOL_NAME_PATTERN);
        // A composite has its own name, which must never shadow an api3 command.
        expect(EXAMPLE_COMMANDS.has(spec.name)).toBe(!spec.composite);
        // Deprecated commands belong to the legacy toolset only.
        if (!spec.composite && exampleFor(spec.name).deprecated_use) expect(spec.toolset).toBe('legacy');
      });

      it('has a title and a short description', () => {
        expect(spec.title.trim().length).toBeGreaterThan(0);
        expect(spec.title.length).toBeLessThanOrEqual(60);
        expect(spec.description.trim().length).toBeGreaterThan(20);
        expect(spec.description.length).toBeLessThanOrEqual(300);
      });

      it('belongs to a known toolset and has input and output object schemas', () => {
        expect(TOOLSET_NAMES).toContain(spec.toolset);
        expect(spec.input.def.type).toBe('object');
        expect(spec.output.def.type).toBe('object');
        // An api3 command has its spelling and condensing; a composite has only run, no stubs.
        if (spec.composite) {
          expect(typeof spec.run).toBe('function');
          expect(spec).not.toHaveProperty('toApi');
          expect(spec).not.toHaveProperty('condense');
        } else {
          expect(typeof spec.toApi).toBe('function');
          expect(typeof spec.condense).toBe('function');
        }
      });

      it('does not declare confirm itself (the server adds it to destructive tools)', () => {
        expect(Object.keys(spec.input.shape)).not.toContain('confirm');
      });
    });
  }
});

describe('tools/list as a client sees it', () => {
  let h: Harness;
  let tools: Tool[];
  beforeAll(async () => {
    h = await startHarness();
    tools = (await h.client.listTools()).tools;
  });
  afterAll(async () => h.close());

  it('lists every catalog tool, in catalog order', () => {
    expect(tools.map((t) => t.name)).toEqual(CATALOG.map((s) => s.name));
  });

  it('is deterministic: two lists are identical', async () => {
    const again = (await h.client.listTools()).tools;
    expect(again).toEqual(tools);
    expect(JSON.stringify(again)).toBe(JSON.stringify(tools));
  });

  it('is the same from a second server built from the same catalog', async () => {
    const other = await startHarness();
    try {
      expect((await other.client.listTools()).tools).toEqual(tools);
    } finally {
      await other.close();
    }
  });

  it('every input schema is a plain object at the top level: no anyOf, oneOf, allOf, not', () => {
    for (const tool of tools) {
      const schema = tool.inputSchema as Record<string, unknown>;
      expect(schema.type, tool.name).toBe('object');
      for (const key of ['anyOf', 'oneOf', 'allOf', 'not', 'enum', '$ref']) expect(schema, `${tool.name}.${key}`).not.toHaveProperty(key);
      expect(typeof schema.properties, tool.name).toBe('object');
    }
  });

  it('no schema carries $schema: it tells a model nothing and is paid for in every conversation', () => {
    for (const tool of tools) {
      expect(tool.inputSchema, tool.name).not.toHaveProperty('$schema');
      expect(tool.outputSchema ?? {}, tool.name).not.toHaveProperty('$schema');
    }
  });

  it('every required input name is a declared property', () => {
    for (const tool of tools) {
      const schema = tool.inputSchema as { properties: Record<string, unknown>; required?: string[] };
      for (const name of schema.required ?? []) expect(Object.keys(schema.properties), `${tool.name}.${name}`).toContain(name);
    }
  });

  it('every destructive tool takes an optional boolean confirm; no other tool does', () => {
    for (const spec of CATALOG) {
      const schema = tools.find((t) => t.name === spec.name)?.inputSchema as { properties: Record<string, any>; required?: string[] };
      if (spec.effect === 'destructive') {
        expect(schema.properties.confirm, spec.name).toMatchObject({ type: 'boolean' });
        expect(schema.properties.confirmation_id, spec.name).toMatchObject({ type: 'string' });
        expect(schema.required ?? [], spec.name).not.toContain('confirm');
      } else {
        expect(schema.properties, spec.name).not.toHaveProperty('confirm');
      }
    }
  });

  it('every tool has an outputSchema of type object', () => {
    for (const tool of tools) {
      expect(tool.outputSchema, tool.name).toBeDefined();
      expect(tool.outputSchema?.type, tool.name).toBe('object');
      expect(typeof tool.outputSchema?.properties, tool.name).toBe('object');
    }
  });

  it('destructive tools can answer with a preview: their outputSchema has preview and requires nothing else', () => {
    for (const spec of CATALOG.filter((s) => s.effect === 'destructive')) {
      const schema = tools.find((t) => t.name === spec.name)?.outputSchema as { properties: Record<string, any>; required?: string[] };
      expect(schema.properties, spec.name).toHaveProperty('preview');
      expect(schema.required ?? [], spec.name).toEqual([]);
    }
  });

  it('titles and descriptions reach the client unchanged', () => {
    for (const spec of CATALOG) {
      const tool = tools.find((t) => t.name === spec.name);
      expect(tool?.title ?? tool?.annotations?.title, spec.name).toBe(spec.title);
      expect(tool?.description, spec.name).toBe(spec.description);
    }
  });

  it('tool definitions stay small (they are sent with every conversation)', () => {
    // About 4 characters a token: no tool above ~2K tokens, and ~600 tokens a tool on average.
    for (const tool of tools) expect(JSON.stringify(tool).length, tool.name).toBeLessThan(8_000);
    expect(JSON.stringify(tools).length / tools.length).toBeLessThan(2_500);
  });
});

describe('tool selection', () => {
  const names = (selection: Parameters<typeof selectTools>[1]) => selectTools(CATALOG, selection).map((s) => s.name);

  it('the default lists the everyday tools of every toolset, in catalog order; all lists every tool', () => {
    expect(names({})).toEqual(CATALOG.filter((s) => s.everyday).map((s) => s.name));
    expect(names({ toolsets: 'all' })).toEqual(CATALOG.map((s) => s.name));
  });

  it('a toolset list narrows; --tools adds single tools on top', () => {
    expect(names({ toolsets: ['dns'] })).toEqual(['get_dns', 'set_dns2', 'update_dns_records', 'set_dnssec']);
    expect(names({ toolsets: ['dns'], tools: ['get_ns', 'search'] })).toEqual(['search', 'get_dns', 'set_dns2', 'update_dns_records', 'set_dnssec', 'get_ns']);
    expect(names({ toolsets: [] })).toEqual([]);
  });

  it('read-only wins over every other choice', () => {
    expect(names({ toolsets: ['dns'], readOnly: true })).toEqual(['get_dns']);
    expect(names({ toolsets: ['dns'], tools: ['register', 'get_ns'], readOnly: true })).toEqual(['get_dns', 'get_ns']);
    expect(names({ toolsets: 'all', readOnly: true })).toEqual(CATALOG.filter((s) => s.effect === 'read').map((s) => s.name));
  });

  it('a harness with one toolset advertises only it', async () => {
    const h = await startHarness({ toolsets: ['contacts'] });
    try {
      const contacts = CATALOG.filter((s) => s.toolset === 'contacts').map((s) => s.name);
      expect(contacts).toContain('contact_list');
      expect((await h.client.listTools()).tools.map((t) => t.name)).toEqual(contacts);
      expect(h.client.getInstructions()).toMatch(/Toolsets served: contacts/);
    } finally {
      await h.close();
    }
  });
});
