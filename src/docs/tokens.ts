import { Client } from '@modelcontextprotocol/client';
import { InMemoryTransport } from '@modelcontextprotocol/client';
import type { Tool } from '@modelcontextprotocol/client';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { CATALOG } from '../../tools/index.js';
import { accountPort } from '../../tools/ports.js';
import { NOT_YET } from '../../tools/not-yet.js';
import type { Api3 } from '../api3/client.js';
import { buildServer, type Selection } from '../server/server.js';
import { isRunAsScript } from './generated.js';

/**
 * What the tool definitions cost in every conversation, in o200k tokens: a model is sent each
 * served tool's name, title, description and input schema before the user says a word. The
 * definitions are taken from tools/list as a client receives them, so the count is of the JSON
 * the SDK really advertises, not of our zod source.
 */
export interface ToolCost {
  name: string;
  tokens: number;
}

/**
 * The part of a tools/list entry that reaches the model: clients hand a model each tool as name,
 * description and input schema (the Anthropic and OpenAI tool formats); the title is for the
 * client's own screens and output schemas for its code.
 */
export function modelView(tool: Tool): Record<string, unknown> {
  return { name: tool.name, description: tool.description, input_schema: tool.inputSchema };
}

export function tokensOf(tool: Tool): number {
  return countTokens(JSON.stringify(modelView(tool)));
}

/** Listing tools sends nothing to api3; a listing that tried would be a bug worth failing on. */
const noApi: Api3 = {
  call: () => Promise.reject(new Error('tools/list must not call api3')),
};

/** tools/list of a server built from the catalog with this selection, through a real MCP client. */
export async function listedTools(selection: Selection = { toolsets: 'all' }): Promise<Tool[]> {
  const server = buildServer({ api: noApi, account: accountPort, catalog: CATALOG, demo: false, ...selection });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'token-count', version: '1.0.0' });
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  try {
    return (await client.listTools()).tools;
  } finally {
    await client.close();
    await server.close();
  }
}

export async function toolCosts(selection?: Selection): Promise<ToolCost[]> {
  return (await listedTools(selection)).map((tool) => ({ name: tool.name, tokens: tokensOf(tool) }));
}

/** The bytes of a tools/list answer's result as it goes over the wire, output schemas included. */
export async function listedBytes(selection?: Selection): Promise<number> {
  return Buffer.byteLength(JSON.stringify({ tools: await listedTools(selection) }));
}

/**
 * The context and size budget, held by test/unit/tokens.test.ts. The whole catalog is judged at
 * all 102 api3 commands: the ones no tool serves yet (tools/not-yet.ts) are counted at an
 * allowance each, so a tool written today that costs more than its share leaves less for them,
 * and a total that would end over the ceiling fails now rather than when the last tool lands.
 * The allowances are what the commands still to come need on the whole: mostly reads that take
 * an id or a few filters.
 */
export const CEILINGS = {
  /** One tool's name, description and input schema. */
  perTool: 300,
  /** Every command's tools with `all`. */
  all: 9_900,
  perComingTool: 80,
  /** The default list: the everyday tools and the discovery pair. */
  default: 4_000,
  /** `discover` alone. */
  discover: 1_500,
  /** tools/list with `all`, output schemas included. */
  allBytes: 100_000,
  perComingToolBytes: 880,
} as const;

/** A figure for today's catalog, with every command not served yet added at `allowance`. */
export function projected(today: number, allowance: number): number {
  return today + NOT_YET.length * allowance;
}

if (isRunAsScript(import.meta.url)) {
  const all = await toolCosts({ toolsets: 'all' });
  const width = Math.max(...all.map((c) => c.name.length));
  for (const { name, tokens } of [...all].sort((a, b) => b.tokens - a.tokens)) {
    process.stdout.write(`${name.padEnd(width)}  ${String(tokens).padStart(5)}\n`);
  }
  const sum = (costs: ToolCost[]) => costs.reduce((total, c) => total + c.tokens, 0);
  const line = (label: string, costs: ToolCost[], ceiling: number) =>
    process.stdout.write(`${label.padEnd(34)} ${String(costs.length).padStart(3)} tools ${String(sum(costs)).padStart(6)} tokens  (ceiling ${ceiling})\n`);
  process.stdout.write('\n');
  line('all', all, CEILINGS.all);
  process.stdout.write(
    `${`all at ${all.length + NOT_YET.length} commands (+${CEILINGS.perComingTool} each)`.padEnd(34)} ${String(all.length + NOT_YET.length).padStart(3)} tools ${String(projected(sum(all), CEILINGS.perComingTool)).padStart(6)} tokens  (ceiling ${CEILINGS.all})\n`,
  );
  line('default', await toolCosts({}), CEILINGS.default);
  line('discover only', await toolCosts({ toolsets: ['discover'] }), CEILINGS.discover);
  line('read-only default', await toolCosts({ readOnly: true }), CEILINGS.default);
  const bytes = await listedBytes({ toolsets: 'all' });
  process.stdout.write(
    `\ntools/list bytes, all: ${bytes}; at ${all.length + NOT_YET.length} commands (+${CEILINGS.perComingToolBytes} each): ${projected(bytes, CEILINGS.perComingToolBytes)} (ceiling ${CEILINGS.allBytes})\n`,
  );
  process.stdout.write(`max per tool: ${Math.max(...all.map((c) => c.tokens))} (ceiling ${CEILINGS.perTool})\n`);
}
