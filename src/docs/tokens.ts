import { Client } from '@modelcontextprotocol/client';
import { InMemoryTransport } from '@modelcontextprotocol/client';
import type { Tool } from '@modelcontextprotocol/client';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { CATALOG } from '../../tools/index.js';
import { accountPort } from '../../tools/ports.js';
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

if (isRunAsScript(import.meta.url)) {
  const all = await toolCosts({ toolsets: 'all' });
  const defaults = await toolCosts({});
  const width = Math.max(...all.map((c) => c.name.length));
  for (const { name, tokens } of [...all].sort((a, b) => b.tokens - a.tokens)) {
    process.stdout.write(`${name.padEnd(width)}  ${String(tokens).padStart(5)}\n`);
  }
  const sum = (costs: ToolCost[]) => costs.reduce((total, c) => total + c.tokens, 0);
  process.stdout.write(`\nall ${all.length} tools: ${sum(all)} tokens (mean ${Math.round(sum(all) / all.length)})\n`);
  process.stdout.write(`default toolsets, ${defaults.length} tools: ${sum(defaults)} tokens\n`);
}
