import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npmCommand } from '../../src/docs/pack-mcpb.js';
import { readPackageJson } from '../../src/docs/manifest.js';
import { PACKAGE_ROOT } from '../../src/version.js';
import { connectStdio, envWithoutDynadot, expectedTools, runOk, tempDir } from './support.js';

/**
 * The npm package as a user gets it: `npm pack`, install the tarball into an empty folder with no
 * network (dependencies come from the npm cache the repository's install filled), run its bin.
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

describe('npm package', () => {
  const tmp = tempDir('npm-pack');
  const project = join(tmp.path, 'project');
  let packed: PackResult;
  let paths: string[];

  beforeAll(() => {
    const out = npm(['pack', '--json', '--pack-destination', tmp.path], PACKAGE_ROOT);
    packed = (JSON.parse(out) as PackResult[])[0]!;
    paths = packed.files.map((f) => f.path);
  }, SLOW);
  afterAll(() => tmp.remove());

  it('holds the built server, README, LICENSE and manifest, and nothing else', () => {
    for (const file of ['package.json', 'README.md', 'LICENSE', 'manifest.json', 'dist/src/cli.js', 'dist/tools/index.js']) {
      expect(paths, file).toContain(file);
    }
    const stray = paths.filter(
      (p) =>
        !['package.json', 'README.md', 'LICENSE', 'manifest.json'].includes(p) &&
        !(p.startsWith('dist/src/') || p.startsWith('dist/tools/')),
    );
    expect(stray).toEqual([]);
    expect(paths.filter((p) => p.endsWith('.map') || p.endsWith('.ts') || p.startsWith('dist/src/docs/'))).toEqual([]);
  });

  it('installs offline from the npm cache and serves tools/list from its bin', async () => {
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'consumer', version: '1.0.0', private: true })}\n`);
    npm(['install', '--offline', '--no-audit', '--no-fund', join(tmp.path, packed.filename)], project);

    const installed = join(project, 'node_modules', pkg.name);
    expect(existsSync(join(installed, 'dist', 'src', 'cli.js'))).toBe(true);
    expect(existsSync(join(project, 'node_modules', 'vitest')), 'dev dependencies are not installed').toBe(false);

    // The bin as npm linked it; on Windows that is a .cmd shim, so run the script with node there.
    const [command, args] =
      process.platform === 'win32'
        ? [process.execPath, [join(installed, 'dist', 'src', 'cli.js')]]
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
