import { spawn } from 'node:child_process';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binPath } from '../../src/docs/pack-mcpb.js';
import { startSimulator, type Simulator } from '../../src/simulator/server.js';
import { BIN, envWithoutDynadot, expectedTools } from './support.js';

/**
 * The official MCP Inspector CLI (@modelcontextprotocol/inspector-cli 1.x, the line that runs on
 * Node 20) drives the built server over stdio:
 *   mcp-inspector-cli --cli node dist/src/cli.js --method tools/list
 *
 * Inspector 1.0.3 finds its own package.json with a check relative to the working directory
 * (modelcontextprotocol/inspector#834, #1334, #1503) and fails with ERR_MODULE_NOT_FOUND when
 * started from a project folder, so it runs from its own build/ folder here; the server path is
 * absolute. Needs `npm run build` first (npm test does it).
 */
const SLOW = 60_000;
const inspector = binPath('@modelcontextprotocol/inspector-cli');

async function inspect<T>(args: string[], env: Record<string, string> = {}): Promise<T> {
  const child = spawn(process.execPath, [inspector, '--cli', process.execPath, BIN, ...args], {
    cwd: dirname(inspector),
    env: envWithoutDynadot(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`inspector ${args.join(' ')} exited with ${code}:\n${stdout}\n${stderr}`);
  try {
    return JSON.parse(stdout) as T;
  } catch {
    throw new Error(`inspector printed no JSON:\n${stdout}\n${stderr}`);
  }
}

interface ToolList {
  tools: Array<{ name: string; inputSchema: { type: string; properties?: Record<string, unknown> }; annotations?: Record<string, unknown> }>;
}
interface CallResult {
  isError?: boolean;
  content: Array<{ type: string; text?: string }>;
  structuredContent?: Record<string, unknown>;
}

const REGISTER_ARGS = ['--method', 'tools/call', '--tool-name', 'register', '--tool-arg', 'domain=coolstartup.ai', '--tool-arg', 'years=2'];

describe('MCP Inspector CLI against the built server (demo mode)', () => {
  it('tools/list shows the default tools with schemas and annotations', async () => {
    const { tools } = await inspect<ToolList>(['--method', 'tools/list']);
    expect(tools.map((t) => t.name)).toEqual(expectedTools());
    for (const tool of tools) expect(tool.inputSchema.type, tool.name).toBe('object');
    const register = tools.find((t) => t.name === 'register');
    expect(register?.annotations).toMatchObject({ destructiveHint: true, readOnlyHint: false });
    expect(register?.inputSchema.properties).toHaveProperty('confirm');
  }, SLOW);

  it('tools/call list_domain returns the demo account', async () => {
    const result = await inspect<CallResult>(['--method', 'tools/call', '--tool-name', 'list_domain']);
    expect(result.isError ?? false).toBe(false);
    const content = result.structuredContent as { items: Array<{ name: string }>; demo?: boolean };
    expect(content.demo).toBe(true);
    expect(content.items.length).toBeGreaterThan(0);
    expect(JSON.parse(result.content[0]!.text!)).toEqual(result.structuredContent);
  }, SLOW);

  it('tools/call register without confirm is a preview', async () => {
    const result = await inspect<CallResult>(REGISTER_ARGS);
    expect(result.isError ?? false).toBe(false);
    expect(result.structuredContent).toMatchObject({
      preview: { would_call: { domain: 'coolstartup.ai', years: 2 } },
      demo: true,
    });
  }, SLOW);
});

describe('MCP Inspector CLI against the built server (api3 at a loopback simulator)', () => {
  let simulator: Simulator;
  beforeAll(async () => {
    simulator = await startSimulator();
  });
  afterAll(async () => simulator.close());

  it('register without confirm previews the price and registers nothing', async () => {
    const balanceBefore = simulator.account.balance;
    const domainsBefore = [...simulator.account.domains.keys()].sort();
    const result = await inspect<CallResult>(REGISTER_ARGS, { DYNADOT_API_URL: simulator.url, DYNADOT_API_KEY: 'inspector-test-key' });
    expect(result.isError ?? false).toBe(false);
    const preview = (result.structuredContent as { preview?: { summary: string; would_call: unknown } }).preview;
    expect(preview?.would_call).toEqual({ domain: 'coolstartup.ai', years: 2 });
    expect(preview?.summary).toMatch(/nothing was changed/i);
    expect(result.structuredContent).not.toHaveProperty('demo');

    const commands = simulator.requests.map((r) => r.command);
    expect(commands.length, 'the server asked the simulator for the price').toBeGreaterThan(0);
    expect(commands).not.toContain('register');
    expect(simulator.account.domains.has('coolstartup.ai')).toBe(false);
    expect([...simulator.account.domains.keys()].sort()).toEqual(domainsBefore);
    expect(simulator.account.balance).toBe(balanceBefore);
  }, SLOW);
});
