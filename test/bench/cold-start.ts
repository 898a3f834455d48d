/**
 * Cold start: spawn a server over stdio and time it until the whole first tools/list answer has
 * arrived (what a client waits for before it can show any tool). The candidates are timed side by
 * side in alternating rounds, so a noisy machine slows them alike and the ratios hold:
 *
 *   node dist/test/bench/cold-start.js --rounds 17 --baseline /tmp/before/dist/src/cli.js
 *
 * - this build in key mode: the key is set and the api3 URL points at a closed loopback port that
 *   nothing dials, because listing tools reads none; in demo mode: no key, the simulator starts;
 *   and in key mode with the code cache off, to show what the cache is worth;
 * - the floor: a one-tool v2 SDK server (floor-server.ts), bundled with esbuild into a temp dir;
 * - @modelcontextprotocol/server-filesystem, a much used peer. It is no dependency: it is
 *   installed on demand into a cache folder when the npm registry answers, else "not measured";
 * - every `--baseline <cli.js>`, an earlier build, in both modes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { npmCommand } from '../../src/docs/pack-mcpb.js';
import { BIN } from '../bundle/support.js';

export interface Candidate {
  label: string;
  /** The script to run with node. */
  cli: string;
  args?: readonly string[];
  /** Added to the environment every candidate gets. */
  env?: Readonly<Record<string, string>>;
}

export const FLOOR = 'floor: bundled one-tool SDK server';
export const FILESYSTEM = '@modelcontextprotocol/server-filesystem';

const KEY_MODE = { DYNADOT_API_KEY: 'bench-key-not-a-secret-0002', DYNADOT_API_URL: 'http://127.0.0.1:9/api3.json' };

const REQUESTS = [
  { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1' } } },
  { jsonrpc: '2.0', method: 'notifications/initialized' },
  { jsonrpc: '2.0', id: 2, method: 'tools/list' },
]
  .map((message) => JSON.stringify(message))
  .join('\n');

/** Milliseconds from spawn to the last byte of the tools/list answer (id 2). */
export function timeToToolsList(candidate: Candidate, stateDir: string): Promise<number> {
  return new Promise((resolveTime, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [candidate.cli, ...(candidate.args ?? [])], {
      stdio: ['pipe', 'pipe', 'ignore'],
      env: {
        PATH: process.env.PATH ?? '',
        DYNADOT_STATE_DIR: stateDir,
        DYNADOT_AUDIT_LOG: 'off',
        // The bin's code cache: this run's own, written by the warm-up round.
        XDG_CACHE_HOME: join(stateDir, 'cache'),
        ...candidate.env,
      },
    });
    let buffered = '';
    const finish = (outcome: () => void) => {
      child.kill();
      outcome();
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      for (let end = buffered.indexOf('\n'); end >= 0; end = buffered.indexOf('\n')) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 1);
        if (line.includes('"id":2')) return finish(() => resolveTime(performance.now() - started));
      }
    });
    child.once('error', (error) => finish(() => reject(error)));
    child.once('exit', (code) => reject(new Error(`${candidate.label} exited (${code}) before answering tools/list`)));
    child.stdin.end(`${REQUESTS}\n`);
  });
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/** Median time to tools/list of each candidate, from `rounds` alternating rounds (one warm-up round discarded). */
export async function coldStart(candidates: readonly Candidate[], rounds: number): Promise<Map<string, number>> {
  const stateDir = mkdtempSync(join(tmpdir(), 'dynadot-bench-'));
  try {
    const times = new Map<string, number[]>(candidates.map((c) => [c.label, []]));
    for (let round = 0; round <= rounds; round++) {
      // Alternate the order too, so neither candidate always runs right after the other.
      const order = round % 2 === 0 ? candidates : [...candidates].reverse();
      for (const candidate of order) {
        const ms = await timeToToolsList(candidate, stateDir);
        if (round > 0) times.get(candidate.label)?.push(ms);
      }
    }
    return new Map([...times].map(([label, values]) => [label, median(values)]));
  } finally {
    rmSync(stateDir, { recursive: true, force: true });
  }
}

/** The figures as the bench prints them: median per candidate, and its ratio to the floor and to server-filesystem. */
export function coldStartRows(medians: Map<string, number>, notMeasured: readonly string[] = []): Array<readonly [string, string]> {
  const ratio = (ms: number, label: string) => {
    const to = medians.get(label);
    return to === undefined ? '-' : `${(ms / to).toFixed(2)}x`;
  };
  return [
    ...[...medians].map(([label, ms]) => [label, `${ms.toFixed(1).padStart(7)} ms   ${ratio(ms, FLOOR).padStart(6)} floor   ${ratio(ms, FILESYSTEM).padStart(6)} server-filesystem`] as const),
    ...notMeasured.map((label) => [label, 'not measured'] as const),
  ];
}

/** The bin in key mode, in demo mode and in key mode without its code cache. */
function modes(label: string, cli: string, cacheToggle: boolean): Candidate[] {
  return [
    { label: `${label}, key mode`, cli, env: KEY_MODE },
    { label: `${label}, demo mode`, cli },
    ...(cacheToggle ? [{ label: `${label}, key mode, no code cache`, cli, env: { ...KEY_MODE, NODE_DISABLE_COMPILE_CACHE: '1' } }] : []),
  ];
}

/** floor-server.ts (built by tsc beside this file) as one ES module in `dir`. */
async function bundleFloor(dir: string): Promise<Candidate> {
  const outfile = join(dir, 'floor-server.mjs');
  await build({
    entryPoints: [resolve(fileURLToPath(import.meta.url), '../floor-server.js')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20.18',
    format: 'esm',
    logLevel: 'warning',
    // CommonJS dependencies inside an ES module bundle still call require.
    banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
  });
  return { label: FLOOR, cli: outfile };
}

/** The per-user cache folder the bench installs its peers into. */
function benchCache(): string {
  const xdg = process.env.XDG_CACHE_HOME;
  return join(xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.cache'), 'mcp-server-dynadot-bench');
}

/** server-filesystem's bin, installed into the cache folder first if it is not there yet; undefined when it cannot be. */
function serverFilesystem(allowedDir: string, log: (line: string) => void): Candidate | undefined {
  const prefix = benchCache();
  const packageDir = join(prefix, 'node_modules', '@modelcontextprotocol', 'server-filesystem');
  if (!existsSync(join(packageDir, 'package.json'))) {
    log(`installing ${FILESYSTEM} into ${prefix} for the cold-start comparison`);
    mkdirSync(prefix, { recursive: true });
    const npm = npmCommand();
    const install = spawnSync(
      npm.command,
      [...npm.args, 'install', '--prefix', prefix, '--no-audit', '--no-fund', '--ignore-scripts', '--fetch-retries=0', FILESYSTEM],
      { encoding: 'utf8', shell: npm.shell, timeout: 180_000 },
    );
    if (install.status !== 0 || !existsSync(join(packageDir, 'package.json'))) {
      log(`${FILESYSTEM} could not be installed (no registry?): not measured`);
      return undefined;
    }
  }
  const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string; bin: string | Record<string, string> };
  const bin = typeof pkg.bin === 'string' ? pkg.bin : Object.values(pkg.bin)[0];
  if (!bin) return undefined;
  return { label: FILESYSTEM, cli: join(packageDir, bin), args: [allowedDir] };
}

export interface ColdStartSet {
  candidates: Candidate[];
  notMeasured: string[];
  /** Removes what the set made (the bundled floor). */
  remove(): void;
}

/** The candidates: this build's bin in its modes, the floor, server-filesystem, then every `--baseline <cli.js>`. */
export async function coldStartSet(argv: readonly string[], log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Promise<ColdStartSet> {
  const dir = mkdtempSync(join(tmpdir(), 'dynadot-bench-peers-'));
  const candidates = [...modes('this build', BIN, true), await bundleFloor(dir)];
  const notMeasured: string[] = [];
  const filesystem = serverFilesystem(dir, log);
  if (filesystem) candidates.push(filesystem);
  else notMeasured.push(FILESYSTEM);
  argv.forEach((arg, index) => {
    const next = argv[index + 1];
    if (arg === '--baseline' && next) candidates.push(...modes(`baseline ${next}`, resolve(next), false));
  });
  return { candidates, notMeasured, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Node, CPUs and OS of this machine, for the figures' header. */
export function machine(): string {
  const cpus = spawnSync('nproc', { encoding: 'utf8' }).stdout?.trim();
  return `node ${process.version}, ${process.platform}-${process.arch}, ${cpus || '?'} CPUs`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const roundsAt = process.argv.indexOf('--rounds');
  const rounds = roundsAt >= 0 ? Number(process.argv[roundsAt + 1]) : 17;
  const set = await coldStartSet(process.argv.slice(2));
  try {
    process.stdout.write(`cold start, spawn to the whole first tools/list over stdio, median of ${rounds} alternating rounds (${machine()})\n`);
    const rows = coldStartRows(await coldStart(set.candidates, rounds), set.notMeasured);
    const width = Math.max(...rows.map(([label]) => label.length));
    for (const [label, figure] of rows) process.stdout.write(`  ${label.padEnd(width)}  ${figure}\n`);
  } finally {
    set.remove();
  }
}
