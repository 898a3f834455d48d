import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/client';
import { getDefaultEnvironment, StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { CATALOG } from '../../tools/index.js';
import { selectTools, servesDiscovery, type Selection } from '../../src/server/server.js';
import { CALL_TOOL, FIND_TOOLS } from '../../src/server/toolsets.js';
import { PACKAGE_ROOT } from '../../src/version.js';

/** Helpers for the bundle tests, which drive built artefacts (bin, npm tarball, .mcpb) as child processes. */

/** The built bin, the one package.json publishes: every test that starts the server as a process starts this. */
export const BIN = join(
  PACKAGE_ROOT,
  (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin['mcp-server-dynadot'] ?? '',
);

/** A fresh folder under the OS temp dir; `remove` deletes it. */
export function tempDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), `mcp-dynadot-${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Tool names the server should list for a selection, in catalog order. */
export function expectedTools(selection: Selection = {}): string[] {
  return [...selectTools(CATALOG, selection).map((spec) => spec.name), ...(servesDiscovery(selection) ? [FIND_TOOLS, CALL_TOOL] : [])];
}

let stateDir: string | undefined;
/**
 * A state folder of this test process's own, so a server started by a test keeps its snapshots
 * and audit log there, never in the user's ~/.local/state (and the bin its code cache in
 * cache/, never in ~/.cache). Removed when the process exits.
 */
export function testStateDir(): string {
  if (!stateDir) {
    const dir = mkdtempSync(join(tmpdir(), 'mcp-dynadot-state-'));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    stateDir = dir;
  }
  return stateDir;
}

/** Where a started server keeps its state and its code cache: this test process's folder. */
export function testDirs(): { DYNADOT_STATE_DIR: string; XDG_CACHE_HOME: string } {
  return { DYNADOT_STATE_DIR: testStateDir(), XDG_CACHE_HOME: join(testStateDir(), 'cache') };
}

/** This process's environment without any DYNADOT_* setting, so a child starts in demo mode (with a test state folder). */
export function envWithoutDynadot(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith('DYNADOT_')) env[key] = value;
  }
  return { ...env, ...testDirs(), ...extra };
}

export interface StdioSession {
  client: Client;
  stderr(): string;
  close(): Promise<void>;
}

/**
 * Starts a server as a child process and connects an SDK Client over stdio. The child gets the
 * SDK's safe default environment (PATH, HOME, ...) plus `env`, nothing else: no inherited key.
 */
export async function connectStdio(command: string, args: string[], env: Record<string, string> = {}, cwd?: string): Promise<StdioSession> {
  const transport = new StdioClientTransport({
    command,
    args,
    env: { ...getDefaultEnvironment(), ...testDirs(), ...env },
    stderr: 'pipe',
    ...(cwd ? { cwd } : {}),
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const client = new Client({ name: 'bundle-test', version: '1.0.0' });
  try {
    await client.connect(transport);
  } catch (error) {
    throw new Error(`${command} ${args.join(' ')} did not start: ${(error as Error).message}\n${stderr}`);
  }
  return { client, stderr: () => stderr, close: () => client.close() };
}

/** Runs a command to completion; throws with its output when it fails. */
export function runOk(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; shell?: boolean } = {},
): { stdout: string; stderr: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return { stdout: result.stdout, stderr: result.stderr };
}
