import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/client';
import { InMemoryTransport } from '@modelcontextprotocol/client';
import type { CallToolResult, Tool } from '@modelcontextprotocol/client';
import { CATALOG } from '../../tools/index.js';
import { NOT_YET } from '../../tools/not-yet.js';
import { accountPort } from '../../tools/ports.js';
import { Api3Client } from '../../src/api3/client.js';
import { buildServer, type Selection } from '../../src/server/server.js';
import { TOOLSET_NAMES } from '../../src/server/toolsets.js';
import { startSimulator, type Simulator } from '../../src/simulator/server.js';
import { errorOf, TEST_KEY } from '../helpers/harness.js';

/**
 * Item 8 of issue 9: every hint, description and instruction names only tools the running
 * server serves, or says how to enable them. Servers are built here with the selection given as
 * is (test/helpers/harness.ts turns "no toolsets" into all of them), against the simulator.
 */
type Json = Record<string, any>;

/** A catalog tool counts as named when written as is (underscored names) or in backticks (one-word names). */
function mentions(text: string, name: string): boolean {
  return name.includes('_') ? new RegExp(`(?<![\\w-])${name}(?![\\w-])`).test(text) : text.includes(`\`${name}\``);
}

/**
 * What a text gets wrong: each unserved tool it names outside its "Not served here" note, and not
 * listed in that note with a way to get it (a toolset to enable, or that the server is read-only).
 */
function problems(text: string, served: ReadonlySet<string>): string[] {
  const at = text.indexOf('Not served here:');
  const said = at < 0 ? text : text.slice(0, at);
  const note = at < 0 ? '' : text.slice(at);
  return CATALOG.filter((spec) => !served.has(spec.name) && mentions(said, spec.name))
    .filter((spec) => {
      const listed = mentions(note, spec.name);
      const how = new RegExp(`toolset ${spec.toolset}\\b[^]*DYNADOT_TOOLSETS`).test(note) || /read-only|no-purchases/.test(note);
      return !(listed && how);
    })
    .map((spec) => `${spec.name} in: ${text}`);
}

const toolsetsWithTools = new Set(CATALOG.map((spec) => spec.toolset));
/** The toolsets whose tools a selection's profile allows: what call_tool reaches. */
const reachableSets = (selection: Selection) =>
  new Set(CATALOG.filter((spec) => !selection.readOnly || spec.effect === 'read').map((spec) => spec.toolset));
const emptyToolsets = TOOLSET_NAMES.filter((name) => !toolsetsWithTools.has(name));

let simulator: Simulator;
let keys = 0;

beforeAll(async () => {
  simulator = await startSimulator({ maxConcurrentPerKey: 1 });
});
afterAll(async () => simulator.close());

interface Served {
  client: Client;
  tools: Tool[];
  served: Set<string>;
  call(name: string, args: Record<string, unknown>): Promise<CallToolResult>;
  close(): Promise<void>;
}

/**
 * A server with this selection; `lacking` names a catalog command to leave out and call not
 * served yet (every api3 command is served today: it stands in for one a newer document adds).
 */
async function serve(selection: Selection, lacking?: string): Promise<Served> {
  const api = new Api3Client({
    apiUrl: simulator.url,
    apiKey: `${TEST_KEY}-served-${process.pid}-${keys++}`,
    timeoutMs: 300,
    concurrency: 1,
    ratePerMinute: 100_000,
    readRetries: 2,
    retryBaseMs: 5,
  });
  const notYet = lacking ? [...NOT_YET, { command: lacking, toolset: 'aftermarket' as const }] : NOT_YET;
  const catalog = CATALOG.filter((spec) => spec.name !== lacking);
  const server = buildServer({ api, account: accountPort, catalog, demo: false, notYet, ...selection });
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'served-names', version: '1.0.0' });
  await Promise.all([server.connect(serverTransport), client.connect(clientTransport)]);
  const tools = (await client.listTools()).tools;
  return {
    client,
    tools,
    served: new Set(tools.map((tool) => tool.name)),
    call: (name, args) => client.callTool({ name, arguments: args }) as Promise<CallToolResult>,
    async close() {
      await client.close();
      await server.close();
      await api.close();
    },
  };
}

/** Which errors each selection can be made to produce: get_dns reads, set_dns2 writes, register previews. */
interface Probes {
  getDns: boolean;
  setDns2: boolean;
  register: boolean;
}
const SELECTIONS: Array<[string, Selection, Probes]> = [
  ['--toolsets dns', { toolsets: ['dns'] }, { getDns: true, setDns2: true, register: false }],
  ['--read-only', { readOnly: true }, { getDns: true, setDns2: false, register: false }],
  ['the default set', {}, { getDns: true, setDns2: true, register: true }],
  ['all', { toolsets: 'all' }, { getDns: true, setDns2: true, register: true }],
  ['--toolsets defaults', { toolsets: ['defaults'] }, { getDns: false, setDns2: false, register: false }],
  ['--toolsets domains', { toolsets: ['domains'] }, { getDns: false, setDns2: false, register: true }],
  ['--toolsets discover', { toolsets: ['discover'] }, { getDns: false, setDns2: false, register: false }],
];

describe.each(SELECTIONS)('a server with %s', (_name, selection, probes) => {
  let s: Served;
  beforeAll(async () => {
    s = await serve(selection);
  });
  afterAll(async () => s.close());
  beforeEach(() => simulator.reset());

  it('serves the tools its probes use, and no others of them', () => {
    expect(s.tools.length).toBeGreaterThan(0);
    expect([s.served.has('get_dns'), s.served.has('set_dns2'), s.served.has('register')]).toEqual([probes.getDns, probes.setDns2, probes.register]);
  });

  it('the instructions name the served toolsets, and only toolsets that have tools', () => {
    const instructions = s.client.getInstructions() ?? '';
    for (const name of emptyToolsets) expect(instructions, name).not.toMatch(new RegExp(`\\b${name}\\b`));
    expect(problems(instructions, s.served)).toEqual([]);
    if (s.served.has('find_tools')) {
      // With the discovery pair, every toolset it reaches is named, listed or not.
      const line = instructions.split('\n').find((l) => l.startsWith('Listed:')) ?? '';
      for (const name of reachableSets(selection)) expect(line, name).toMatch(new RegExp(`\\b${name}\\b`));
      return;
    }
    const servedSets = new Set(CATALOG.filter((spec) => s.served.has(spec.name)).map((spec) => spec.toolset));
    const line = instructions.split('\n').find((l) => l.startsWith('Toolsets served:')) ?? '';
    for (const name of TOOLSET_NAMES) expect(new RegExp(`\\b${name} \\(`).test(line), `${name} in ${line}`).toBe(servedSets.has(name));
  });

  it('the instructions say how to enable every other toolset that has tools for this server', () => {
    const instructions = s.client.getInstructions() ?? '';
    if (s.served.has('find_tools')) {
      // Nothing to enable: call_tool reaches every toolset the profile allows.
      expect(instructions).not.toMatch(/^Not served:/m);
      expect(instructions).toMatch(/call_tool calls it by name/);
      return;
    }
    const others = [...toolsetsWithTools].filter(
      (name) => !CATALOG.some((spec) => spec.toolset === name && s.served.has(spec.name)) && CATALOG.some((spec) => spec.toolset === name && (!selection.readOnly || spec.effect === 'read')),
    );
    const line = instructions.split('\n').find((l) => l.startsWith('Not served:'));
    if (others.length === 0) {
      expect(line).toBeUndefined();
      return;
    }
    expect(line).toMatch(/DYNADOT_TOOLSETS/);
    for (const name of others) expect(line, name).toMatch(new RegExp(`\\b${name} \\(`));
  });

  it('no tool description or input field description names an unserved tool without saying how to get it', () => {
    const found: string[] = [];
    for (const tool of s.tools) {
      found.push(...problems(tool.description ?? '', s.served));
      for (const field of Object.values((tool.inputSchema.properties ?? {}) as Record<string, { description?: string }>)) {
        found.push(...problems(field.description ?? '', s.served));
      }
    }
    expect(found).toEqual([]);
  });

  it('a tool that is not served: the error says how to get it', async () => {
    const missing = CATALOG.find((spec) => !s.served.has(spec.name) && spec.name.includes('_'));
    if (!missing) return expect(s.served.size).toBe(CATALOG.length);
    const error = errorOf(await s.call(missing.name, {}));
    expect(error.error).toBe('invalid_input');
    expect(problems(`${error.message} ${error.hint ?? ''}`, s.served)).toEqual([]);
    expect(error.hint).toMatch(selection.readOnly && missing.effect !== 'read' ? /read-only/ : new RegExp(`${missing.name} \\(toolset ${missing.toolset}\\)`));
  });

  it.runIf(probes.getDns)('not_found: the hint names only served tools, or how to enable them', async () => {
    const error = errorOf(await s.call('get_dns', { domain: 'not-in-this-account.com' }));
    expect(error.error).toBe('not_found');
    expect(error.hint).toBeDefined();
    expect(problems(`${error.message} ${error.hint}`, s.served)).toEqual([]);
  });

  it.runIf(probes.getDns)('busy: the hint names only served tools, or how to enable them', async () => {
    simulator.injectFault({ kind: 'busy', times: 10 });
    const error = errorOf(await s.call('get_dns', { domain: 'acme-widgets.com' }));
    expect(error.error).toBe('busy');
    expect(error.hint).toMatch(/is_processing/);
    expect(problems(`${error.message} ${error.hint}`, s.served)).toEqual([]);
  });

  it.runIf(probes.setDns2)('unknown_outcome: the hint names only served tools, or how to enable them', async () => {
    simulator.injectFault({ kind: 'hang', command: 'set_dns2' });
    // Appending to a domain on Dynadot DNS needs no confirmation: the write is sent at once.
    const records = [{ subdomain: 'x', type: 'a', value: '192.0.2.7' }];
    const error = errorOf(await s.call('set_dns2', { domains: ['acme-widgets.com'], records, append: true }));
    expect(error.error).toBe('unknown_outcome');
    expect(error.hint).toMatch(/is_processing/);
    expect(problems(`${error.message} ${error.hint}`, s.served)).toEqual([]);
  });

  it.runIf(probes.register)('a preview refusal names only served tools, or how to enable them', async () => {
    const result = await s.call('register', { domain: 'brand-new-name.com', years: 1, contacts: { registrant: 99 } });
    const preview = (result.structuredContent as Json | undefined)?.preview;
    expect(preview?.refused_because, JSON.stringify(result.content)).toEqual(expect.arrayContaining([expect.stringMatching(/contact 99/)]));
    const texts = [preview.summary, preview.next_step, ...(preview.refused_because as string[])];
    expect(texts.flatMap((text: string) => problems(text, s.served))).toEqual([]);
  });
});

describe('the note itself', () => {
  let s: Served;
  beforeAll(async () => {
    s = await serve({ toolsets: ['dns'] });
  });
  afterAll(async () => s.close());
  beforeEach(() => simulator.reset());

  it('a dns-only server does not send the agent to list_domain without saying how to enable it', async () => {
    const error = errorOf(await s.call('get_dns', { domain: 'not-in-this-account.com' }));
    expect(error.hint).toMatch(/list_domain/);
    expect(error.hint).toMatch(/Not served here: list_domain \(toolset domains\); enable with DYNADOT_TOOLSETS or --toolsets\.$/);
  });

  it('groups several unserved tools by toolset, once, and stays short', async () => {
    simulator.injectFault({ kind: 'hang', command: 'set_dns2' });
    const records = [{ subdomain: 'x', type: 'a', value: '192.0.2.7' }];
    const error = errorOf(await s.call('set_dns2', { domains: ['acme-widgets.com'], records, append: true }));
    const note = (error.hint ?? '').slice((error.hint ?? '').indexOf('Not served here:'));
    expect(note).toBe(
      'Not served here: list_domain, domain_info (toolset domains); get_account_balance, is_processing (toolset account); order_list, get_order_status (toolset orders); enable with DYNADOT_TOOLSETS or --toolsets.',
    );
    expect(error.hint?.split('Not served here:')).toHaveLength(2);
  });

  it('a server serving everything adds no note', async () => {
    const all = await serve({ toolsets: 'all' });
    try {
      const error = errorOf(await all.call('get_dns', { domain: 'not-in-this-account.com' }));
      expect(error.hint).toMatch(/list_domain/);
      expect(error.hint).not.toMatch(/Not served/);
    } finally {
      await all.close();
    }
  });
});

/**
 * Item 9 of issue 15: why a tool is missing, each reason with its own hint. Only a toolset that
 * is off is remedied by DYNADOT_TOOLSETS; the profile and commands not yet served are not.
 */
describe('why a tool is missing', () => {
  const hintFor = async (selection: Selection, name: string, args: Record<string, unknown> = {}, lacking?: string) => {
    const s = await serve(selection, lacking);
    try {
      const before = simulator.requests.length;
      const error = errorOf(await s.call(name, args));
      expect(simulator.requests.length).toBe(before);
      expect(error.error).toBe('invalid_input');
      return error.hint ?? '';
    } finally {
      await s.close();
    }
  };

  // Whichever command is still unserved, or one standing in for a newer document's.
  const unserved = NOT_YET[0]?.command ?? 'set_for_sale';
  it('an api3 command not served yet: says so, and no setting is offered, even with all', async () => {
    const hint = await hintFor({ toolsets: 'all' }, unserved, {}, NOT_YET.length === 0 ? unserved : undefined);
    expect(hint).toMatch(new RegExp(`${unserved} \\(an api3 command this server does not serve yet`));
    expect(hint).not.toMatch(/DYNADOT_TOOLSETS|enable/);
  });

  it('a write on a read-only server, with all: the read-only mode, not a toolset', async () => {
    const hint = await hintFor({ toolsets: 'all', readOnly: true }, 'set_dns2');
    expect(hint).toMatch(/set_dns2 \(this server is read-only: --read-only \/ DYNADOT_READ_ONLY\)/);
    expect(hint).not.toMatch(/DYNADOT_TOOLSETS/);
  });

  it('a purchase on a no-purchases server: the profile, not a toolset', async () => {
    const hint = await hintFor({ toolsets: 'all', noPurchases: true }, 'renew');
    expect(hint).toMatch(/renew \(spends money, and this server runs the no-purchases profile/);
    expect(hint).not.toMatch(/DYNADOT_TOOLSETS/);
  });

  it('a tool whose toolset is off: that toolset, and how to enable it', async () => {
    const hint = await hintFor({ toolsets: ['dns'] }, 'list_domain');
    expect(hint).toMatch(/list_domain \(toolset domains\); enable it with DYNADOT_TOOLSETS or --toolsets/);
  });

  it('no such tool at all: the served name it most likely meant, and no setting', async () => {
    const hint = await hintFor({ toolsets: 'all' }, 'list_domains');
    expect(hint).toMatch(/Did you mean list_domain\?/);
    expect(hint).not.toMatch(/DYNADOT_TOOLSETS/);
  });

  it('set_folder with an unknown folder does not point at list_domain, but at folder_list', async () => {
    const s = await serve({ toolsets: 'all' });
    try {
      const error = errorOf(await s.call('set_folder', { domain: 'acme-widgets.com', folder: 'No Such Folder' }));
      expect(error.error).toBe('not_found');
      expect(error.hint).not.toMatch(/list_domain/);
      expect(error.hint).toMatch(/case-sensitive/);
      expect(error.hint).toMatch(/folder_list lists every folder/);
      expect(error.hint).not.toMatch(/Not served here/);
    } finally {
      await s.close();
    }
  });
});
