import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, envWithoutDynadot, tempDir } from '../bundle/support.js';

/**
 * The bin's V8 code cache (src/bin.ts): written once, read after, rewritten when it is bad, and
 * never a reason not to start or a byte on stdout besides MCP. The figures it buys are the
 * bench's (npm run bench); this checks only behaviour.
 */
const REQUESTS = [
  { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'test', version: '1' } } },
  { jsonrpc: '2.0', method: 'notifications/initialized' },
  { jsonrpc: '2.0', id: 2, method: 'tools/list' },
];

const hasCompileCache = typeof Reflect.get(await import('node:module'), 'enableCompileCache') === 'function';

/** One stdio session to the end of stdin; every stdout line must be a JSON-RPC message. */
function run(cacheHome: string, extra: Record<string, string> = {}): { ids: unknown[]; stderr: string } {
  const result = spawnSync(process.execPath, [BIN], {
    env: envWithoutDynadot({ XDG_CACHE_HOME: cacheHome, DYNADOT_API_KEY: 'code-cache-test-key-0001', DYNADOT_API_URL: 'http://127.0.0.1:9/api3.json', ...extra }),
    input: `${REQUESTS.map((message) => JSON.stringify(message)).join('\n')}\n`,
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(result.status, result.stderr).toBe(0);
  const lines = result.stdout.split('\n').filter((line) => line !== '');
  const messages = lines.map((line) => JSON.parse(line) as { jsonrpc?: string; id?: unknown });
  expect(messages.every((message) => message.jsonrpc === '2.0')).toBe(true);
  return { ids: messages.map((message) => message.id), stderr: result.stderr };
}

const cacheFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.v8cache')) : []);

describe.skipIf(hasCompileCache)('the code cache on Node 20 (vm.Script cachedData)', () => {
  const tmp = tempDir('code-cache');
  const folder = join(tmp.path, 'mcp-server-dynadot');
  afterAll(() => tmp.remove());

  it('is written at the first exit, user-only, and read as it is after that', () => {
    expect(run(tmp.path).ids).toEqual([1, 2]);
    const [file] = cacheFiles(folder);
    expect(file).toMatch(new RegExp(`^server-[0-9a-f]{16}-${process.version}-${process.arch}\\.v8cache$`));
    const path = join(folder, file ?? '');
    if (process.platform !== 'win32') {
      expect(statSync(folder).mode & 0o777).toBe(0o700);
      expect(statSync(path).mode & 0o777).toBe(0o600);
    }
    const written = readFileSync(path);
    expect(run(tmp.path).ids).toEqual([1, 2]);
    expect(readFileSync(path).equals(written), 'an accepted cache is not rewritten').toBe(true);
    expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('starts past a corrupt cache and writes a good one in its place', () => {
    const [file] = cacheFiles(folder);
    const path = join(folder, file ?? '');
    writeFileSync(path, 'not V8 code');
    expect(run(tmp.path).ids).toEqual([1, 2]);
    expect(statSync(path).size).toBeGreaterThan(1_000);
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('starts when the cache folder cannot be written', () => {
    const locked = join(tmp.path, 'locked');
    mkdirSync(locked, { mode: 0o500 });
    try {
      expect(run(locked).ids).toEqual([1, 2]);
      expect(cacheFiles(join(locked, 'mcp-server-dynadot'))).toEqual([]);
    } finally {
      chmodSync(locked, 0o700);
    }
  });

  it('starts when the cache folder is a file, and when NODE_DISABLE_COMPILE_CACHE turns it off', () => {
    const blocked = join(tmp.path, 'blocked');
    mkdirSync(blocked);
    writeFileSync(join(blocked, 'mcp-server-dynadot'), 'a file where the folder would go');
    expect(run(blocked).ids).toEqual([1, 2]);
    const off = join(tmp.path, 'off');
    expect(run(off, { NODE_DISABLE_COMPILE_CACHE: '1' }).ids).toEqual([1, 2]);
    expect(existsSync(join(off, 'mcp-server-dynadot'))).toBe(false);
  });
});
