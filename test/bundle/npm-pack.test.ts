import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npmCommand } from '../../src/docs/pack-mcpb.js';
import { readPackageJson } from '../../src/docs/manifest.js';
import { PACKAGE_ROOT } from '../../src/version.js';
import { startLocalRegistry, type LocalRegistry } from './local-registry.js';
import { connectStdio, envWithoutDynadot, expectedTools, runOk, tempDir } from './support.js';

/**
 * The npm package as a user gets it: `npm pack`, then a real `npm install` of the tarball into an
 * empty folder, run its bin. The install resolves the production dependencies from package.json
 * ranges against a loopback registry serving the repository's own node_modules (local-registry.ts),
 * with a brand-new npm cache and a config that cannot reach any other host: the test uses no
 * network and does not care what the machine's npm cache holds.
 * Needs `npm run build` first (npm test does it).
 */
const SLOW = 180_000;
const pkg = readPackageJson();

interface PackResult {
  filename: string;
  files: Array<{ path: string; size: number }>;
}

function npm(args: string[], cwd: string): string {
  const { command, args: prefix, shell } = npmCommand();
  return runOk(command, [...prefix, ...args], { cwd, shell, env: envWithoutDynadot() }).stdout;
}

/**
 * npm with only the config given here: inherited npm_config_* (set by `npm test`, or by a user)
 * are dropped, and the user and global npmrc are an empty file, so no scoped registry, token or
 * offline flag can change where packages come from. Asynchronous because the registry answering
 * it runs in this process.
 */
function npmIsolated(args: string[], cwd: string, config: Record<string, string>): Promise<string> {
  const { command, args: prefix, shell } = npmCommand();
  const env = envWithoutDynadot();
  for (const key of Object.keys(env)) if (/^npm_config_/i.test(key)) delete env[key];
  for (const [key, value] of Object.entries(config)) env[`npm_config_${key}`] = value;
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...prefix, ...args], { cwd, shell, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`npm ${args.join(' ')} exited with ${code}:\n${output}`)),
    );
  });
}

/**
 * A proxy that drops every connection at once, so a request for any host but the loopback registry
 * fails immediately instead of hanging. A listener of our own rather than a port assumed closed,
 * which something else on the machine could be using.
 */
async function startDeadEndProxy(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

describe('npm package', () => {
  const tmp = tempDir('npm-pack');
  const project = join(tmp.path, 'project');
  let packed: PackResult;
  let paths: string[];
  let registry: LocalRegistry | undefined;
  let proxy: Awaited<ReturnType<typeof startDeadEndProxy>> | undefined;

  beforeAll(() => {
    const out = npm(['pack', '--json', '--pack-destination', tmp.path], PACKAGE_ROOT);
    packed = (JSON.parse(out) as PackResult[])[0]!;
    paths = packed.files.map((f) => f.path);
  }, SLOW);
  afterAll(async () => {
    try {
      await Promise.all([registry?.close(), proxy?.close()]);
    } finally {
      tmp.remove();
    }
  });

  it('holds the bundled server, README, LICENSE and manifest, and nothing else', () => {
    const shipped = ['package.json', 'README.md', 'LICENSE', 'manifest.json', 'dist/bin/mcp-server-dynadot.cjs', 'dist/bin/server.cjs', 'dist/bin/server.cjs.LEGAL.txt'];
    expect([...paths].sort()).toEqual([...shipped].sort());
  });

  it('installs with its dependencies from a loopback registry and serves tools/list from its bin', async () => {
    registry = await startLocalRegistry(join(PACKAGE_ROOT, 'node_modules'));
    proxy = await startDeadEndProxy();
    // npm refuses one file as both user and global config, so two empty ones.
    const userNpmrc = join(tmp.path, 'user-npmrc');
    const globalNpmrc = join(tmp.path, 'global-npmrc');
    writeFileSync(userNpmrc, '');
    writeFileSync(globalNpmrc, '');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'consumer', version: '1.0.0', private: true })}\n`);
    await npmIsolated(['install', join(tmp.path, packed.filename)], project, {
      registry: registry.url,
      cache: join(tmp.path, 'cache'),
      userconfig: userNpmrc,
      globalconfig: globalNpmrc,
      audit: 'false',
      fund: 'false',
      update_notifier: 'false',
      // Any other host goes through the dead-end proxy, and its failure is not retried.
      proxy: proxy.url,
      https_proxy: proxy.url,
      noproxy: '127.0.0.1',
      fetch_retries: '0',
    });

    // The install resolved the SDK's range against the loopback registry and downloaded its tarball.
    expect(registry.requests).toContain('/@modelcontextprotocol%2fserver');
    expect(registry.requests.filter((path) => /^\/@modelcontextprotocol\/server\/-\/server-.*\.tgz$/.test(path))).toHaveLength(1);
    // The v1 SDK is no dependency of the package any more, not even a transitive one.
    expect(registry.requests.filter((path) => /^\/@modelcontextprotocol(%2f|\/)sdk\b/.test(path))).toEqual([]);

    const installed = join(project, 'node_modules', pkg.name);
    expect(existsSync(join(installed, 'dist', 'bin', 'server.cjs'))).toBe(true);
    expect(existsSync(join(project, 'node_modules', 'vitest')), 'dev dependencies are not installed').toBe(false);

    // The bin as npm linked it; on Windows that is a .cmd shim, so run the script with node there.
    const [command, args] =
      process.platform === 'win32'
        ? [process.execPath, [join(installed, 'dist', 'bin', 'mcp-server-dynadot.cjs')]]
        : [join(project, 'node_modules', '.bin', 'mcp-server-dynadot'), []];
    const session = await connectStdio(command, args, {}, project);
    try {
      const { tools } = await session.client.listTools();
      expect(tools.map((t) => t.name)).toEqual(expectedTools());
      expect(session.client.getServerVersion()?.version).toBe(pkg.version);
      expect(session.client.getInstructions()).toMatch(/DEMO MODE/);
    } finally {
      await session.close();
    }
  }, SLOW);
});
