/**
 * Cold start: spawn the built bin over stdio and time it until the whole first tools/list answer
 * has arrived (what a client waits for before it can show any tool). Several builds can be timed
 * side by side in alternating rounds, so a noisy machine slows them alike and the ratio holds:
 *
 *   node dist/test/bench/cold-start.js --rounds 17 --baseline /tmp/before/dist/src/cli.js
 *
 * No api3 request is made: the key is set (so the demo simulator is not started) and the api3
 * URL points at a closed loopback port that nothing ever dials, because listing tools reads none.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

export interface Candidate {
  label: string;
  /** The bin to run with node. */
  cli: string;
  args?: readonly string[];
}

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
        DYNADOT_API_KEY: 'bench-key-not-a-secret-0002',
        DYNADOT_API_URL: 'http://127.0.0.1:9/api3.json',
        DYNADOT_STATE_DIR: stateDir,
        DYNADOT_AUDIT_LOG: 'off',
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

/** The figures as the bench prints them: median per candidate, and its ratio to the first. */
export function coldStartRows(medians: Map<string, number>): Array<readonly [string, string]> {
  const first = [...medians.values()][0] ?? Number.NaN;
  return [...medians].map(([label, ms]) => [label, `${ms.toFixed(1)} ms (${(ms / first).toFixed(2)}x)`] as const);
}

const thisBuild = (): Candidate => ({ label: 'this build', cli: resolve(fileURLToPath(import.meta.url), '../../../src/cli.js') });

/** Candidates from the command line: this build, then every `--baseline <cli.js>`. */
export function candidatesFrom(argv: readonly string[]): Candidate[] {
  const candidates = [thisBuild()];
  argv.forEach((arg, index) => {
    const next = argv[index + 1];
    if (arg === '--baseline' && next) candidates.push({ label: `baseline ${next}`, cli: resolve(next) });
  });
  return candidates;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const roundsAt = process.argv.indexOf('--rounds');
  const rounds = roundsAt >= 0 ? Number(process.argv[roundsAt + 1]) : 17;
  const medians = await coldStart(candidatesFrom(process.argv.slice(2)), rounds);
  for (const [label, figure] of coldStartRows(medians)) process.stdout.write(`${label.padEnd(60)} ${figure}\n`);
}
