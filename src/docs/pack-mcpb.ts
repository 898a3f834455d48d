import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import { z } from 'zod';
import { errorMessage } from '../log.js';
import { PACKAGE_ROOT } from '../version.js';
import { isRunAsScript } from './generated.js';
import { ENTRY_POINT, readPackageJson, renderManifest } from './manifest.js';

/**
 * `npm run pack:mcpb` builds the Claude Desktop bundle, mcp-server-dynadot.mcpb:
 * a staging folder under the OS temp dir gets manifest.json, package.json, README.md, LICENSE,
 * the bundled server (dist/bin, what the npm package ships too) and production node_modules, and
 * `mcpb pack` zips it.
 *
 * Production node_modules come from the repository's installed tree, copied and then pruned with
 * `npm prune --omit=dev --offline`: no network. (`npm ci --omit=dev --offline` would need the
 * registry metadata of every locked package in the npm cache, which an install does not
 * guarantee, and fails with ENOTCACHED when the lockfile carries no `resolved` URLs.)
 */
export const BUNDLE_FILE = 'mcp-server-dynadot.mcpb';

/** What binPath reads of a package.json; a field of another shape counts as absent. */
const binFields = z.object({
  name: z.string().optional().catch(undefined),
  bin: z.union([z.string(), z.record(z.string(), z.string())]).optional().catch(undefined),
});

/** The path of a dev tool's bin script, found from its package's entry point. */
export function binPath(packageName: string, bin?: string): string {
  const require = createRequire(import.meta.url);
  let dir = dirname(require.resolve(packageName));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = binFields.parse(JSON.parse(readFileSync(candidate, 'utf8')));
      if (pkg.name === packageName) {
        const target = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.[bin ?? Object.keys(pkg.bin ?? {})[0] ?? ''];
        if (!target) throw new Error(`${packageName} has no bin ${bin ?? ''}`);
        return join(dir, target);
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`package.json of ${packageName} not found`);
    dir = parent;
  }
}

/** How to run npm: the npm that launched us when there is one (npm run, npx), else `npm` on PATH. */
export function npmCommand(): { command: string; args: string[]; shell: boolean } {
  const execPath = process.env.npm_execpath;
  if (execPath && /npm-cli\.js$|npx-cli\.js$/.test(execPath)) {
    return { command: process.execPath, args: [execPath.replace(/npx-cli\.js$/, 'npm-cli.js')], shell: false };
  }
  return { command: 'npm', args: [], shell: process.platform === 'win32' };
}

function run(command: string, args: string[], options: SpawnSyncOptions & { shell?: boolean } = {}): string {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${basename(command)} ${args.join(' ')} exited with ${result.status}:\n${String(result.stdout)}${String(result.stderr)}`);
  }
  return String(result.stdout);
}

export interface PackOptions {
  /** The package root (default: this package). */
  root?: string;
  /** Where the bundle goes (default: mcp-server-dynadot.mcpb in the package root). */
  output?: string;
  /** Progress lines (default: stderr). */
  log?: (line: string) => void;
}

export function packMcpb(options: PackOptions = {}): { output: string; bytes: number } {
  const root = options.root ?? PACKAGE_ROOT;
  const output = options.output ?? join(root, BUNDLE_FILE);
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));

  const manifestPath = join(root, 'manifest.json');
  if (!existsSync(manifestPath) || readFileSync(manifestPath, 'utf8') !== renderManifest(readPackageJson(root))) {
    throw new Error('manifest.json is missing or out of date with the catalog: run npm run manifest');
  }
  if (!existsSync(join(root, ENTRY_POINT))) throw new Error(`${ENTRY_POINT} is missing: run npm run build`);
  if (!existsSync(join(root, 'node_modules'))) throw new Error('node_modules is missing: run npm ci');

  const stage = mkdtempSync(join(tmpdir(), 'mcpb-stage-'));
  try {
    for (const file of ['manifest.json', 'package.json', 'package-lock.json', 'README.md', 'LICENSE']) {
      if (existsSync(join(root, file))) cpSync(join(root, file), join(stage, file));
    }
    cpSync(join(root, 'dist', 'bin'), join(stage, 'dist', 'bin'), { recursive: true });

    log(`staging production dependencies in ${stage}`);
    cpSync(join(root, 'node_modules'), join(stage, 'node_modules'), {
      recursive: true,
      verbatimSymlinks: true,
      // Tool caches (.cache, .vite) stay behind; npm's own .bin and hidden lockfile are kept for prune.
      filter: (path) => {
        const top = relative(join(root, 'node_modules'), path).split(sep)[0] ?? '';
        return !top.startsWith('.') || top === '.bin' || top === '.package-lock.json';
      },
    });
    const npm = npmCommand();
    run(npm.command, [...npm.args, 'prune', '--omit=dev', '--ignore-scripts', '--offline', '--no-audit', '--no-fund'], {
      cwd: stage,
      shell: npm.shell,
    });
    rmSync(join(stage, 'node_modules', '.package-lock.json'), { force: true });

    log(`mcpb pack -> ${output}`);
    const mcpb = binPath('@anthropic-ai/mcpb');
    log(run(process.execPath, [mcpb, 'pack', stage, output], { cwd: stage }).trimEnd());
    return { output, bytes: statSync(output).size };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (isRunAsScript(import.meta.url)) {
  try {
    const { output, bytes } = packMcpb();
    process.stderr.write(`wrote ${output} (${(bytes / 1024 / 1024).toFixed(1)} MB)\n`);
  } catch (error) {
    process.stderr.write(`pack:mcpb failed: ${errorMessage(error)}\n`);
    process.exit(1);
  }
}
