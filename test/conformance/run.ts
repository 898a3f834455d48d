/**
 * The official MCP conformance suite (@modelcontextprotocol/conformance) against our Streamable
 * HTTP server: simulator and server in this process on a free loopback port, the suite's CLI as
 * a child process, one line per scenario. Exits non-zero if a REQUIRED scenario fails.
 *
 *   npm run conformance
 *   node dist/test/conformance/run.js [--scenario NAME]... [--verbose]
 *
 * Pinned to 0.1.13: 0.1.14 and later import fs.globSync (Node >= 22) at load time and do not
 * start on Node 20, the project's floor. That includes 0.2.0-alpha.12, the line the v2 SDK
 * itself tests with, whose `--spec-version 2026-07-28` legs would cover the 2026 revision: once
 * the floor is Node 22, move to it. 0.1.13's scenarios are 2025-era, which this server serves
 * unchanged on the v2 SDK; the 2026-07-28 side is covered by test/e2e/protocol-eras.test.ts.
 * The suite runs offline: it only talks to the URL it is given.
 *
 * Most other scenarios test fixtures of the suite's own reference server (tools named
 * test_image_content, test_sampling, ..., prompts such as test_simple_prompt, resources such as
 * test://static-text, and subscriptions to test://watched-resource); this server serves its own
 * prompts and resources, not those, so they fail by design and are reported but not enforced.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { CATALOG } from '../../tools/index.js';
import { accountPort } from '../../tools/ports.js';
import { Api3Client } from '../../src/api3/client.js';
import { configSchema } from '../../src/config.js';
import { setLogLevel, type LogLevel } from '../../src/log.js';
import { startHttpServer } from '../../src/server/http.js';
import { buildServer } from '../../src/server/server.js';
import { startSimulator } from '../../src/simulator/server.js';

/**
 * Scenarios this server must pass; it advertises the logging capability, so logging-set-level
 * too, and prompts, resources and completions, so listing them and completion/complete.
 */
export const REQUIRED_SCENARIOS = [
  'server-initialize',
  'ping',
  'tools-list',
  'dns-rebinding-protection',
  'logging-set-level',
  'prompts-list',
  'resources-list',
  'completion-complete',
] as const;

export interface CheckResult {
  id: string;
  status: string;
  errorMessage?: string;
  details?: { result?: { isError?: boolean } };
}

export interface ScenarioResult {
  scenario: string;
  status: 'pass' | 'fail';
  passed: number;
  failed: number;
  warnings: number;
  /** The first failure's message, if any. */
  reason?: string;
  checks: CheckResult[];
}

export interface ConformanceRun {
  results: ScenarioResult[];
  /** Required scenarios that failed or never ran. */
  requiredFailures: string[];
  /** The suite's own exit code (non-zero whenever any scenario fails, required or not). */
  exitCode: number | null;
  /** The suite's stdout and stderr, for diagnosis. */
  output: string;
}

export interface ConformanceOptions {
  /** Run only these scenarios (default: the suite's active set). */
  scenarios?: readonly string[];
  /** Kill the suite after this long. Default 120 s. */
  timeoutMs?: number;
  /** Server log level while the suite runs. Default error (it provokes warnings on purpose). */
  logLevel?: LogLevel;
}

const API_KEY = 'conformance-key-not-a-secret-01';
const TIMESTAMP_SUFFIX = /-\d{4}-\d{2}-\d{2}T[\d-]+(?:\.\d+)?Z$/;

/** The suite's CLI entry point in node_modules (the package has no exports map to resolve through). */
function conformanceCli(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const require = createRequire(import.meta.url);
  try {
    return join(dirname(require.resolve('@modelcontextprotocol/conformance/package.json')), 'dist', 'index.js');
  } catch {
    // Walk up from this file (src tree or dist tree) to the package root's node_modules.
    for (let dir = here; dir !== dirname(dir); dir = dirname(dir)) {
      const candidate = join(dir, 'node_modules', '@modelcontextprotocol', 'conformance', 'dist', 'index.js');
      if (existsSync(candidate)) return candidate;
    }
  }
  throw new Error('@modelcontextprotocol/conformance is not installed; run npm install');
}

function runCli(args: readonly string[], timeoutMs: number): Promise<{ exitCode: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [conformanceCli(), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    const timer = setTimeout(() => {
      chunks.push(Buffer.from(`\n[conformance runner] killed after ${timeoutMs} ms\n`));
      child.kill('SIGKILL');
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ exitCode: code, output: Buffer.concat(chunks).toString('utf8') });
    });
  });
}

/** Reads `<outputDir>/server-<scenario>-<timestamp>/checks.json` for every scenario that ran. */
async function readResults(outputDir: string): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  // Scenarios run one after another, so the directories' timestamps give the suite's own order.
  const stamp = (name: string) => TIMESTAMP_SUFFIX.exec(name)?.[0] ?? name;
  const entries = (await readdir(outputDir, { withFileTypes: true })).sort((a, b) => stamp(a.name).localeCompare(stamp(b.name)));
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const scenario = entry.name.replace(/^server-/, '').replace(TIMESTAMP_SUFFIX, '');
    let checks: CheckResult[];
    try {
      checks = JSON.parse(await readFile(join(outputDir, entry.name, 'checks.json'), 'utf8')) as CheckResult[];
    } catch (error) {
      checks = [{ id: scenario, status: 'FAILURE', errorMessage: `no readable checks.json: ${(error as Error).message}` }];
    }
    const failures = checks.filter((check) => check.status === 'FAILURE');
    const passed = checks.filter((check) => check.status === 'SUCCESS').length;
    results.push({
      scenario,
      // A scenario with no successful check proved nothing, so it does not count as a pass.
      status: failures.length === 0 && passed > 0 ? 'pass' : 'fail',
      passed,
      failed: failures.length,
      warnings: checks.filter((check) => check.status === 'WARNING').length,
      ...(failures[0]
        ? { reason: `${failures[0].id}: ${failures[0].errorMessage ?? 'failed'}` }
        : passed === 0
          ? { reason: 'no checks ran' }
          : checks.some((check) => check.status === 'SUCCESS' && check.details?.result?.isError === true)
            ? { reason: "note: passed on an isError result (the suite's fixture tool does not exist here)" }
            : {}),
      checks,
    });
  }
  return results;
}

/** Starts simulator + HTTP server on a free loopback port, runs the suite against it, stops both. */
export async function runConformance(options: ConformanceOptions = {}): Promise<ConformanceRun> {
  setLogLevel(options.logLevel ?? 'error');
  const simulator = await startSimulator({ latencyMs: 0, maxConcurrentPerKey: 5, keys: [API_KEY] });
  const api = new Api3Client({ apiUrl: simulator.url, apiKey: API_KEY, timeoutMs: 5_000, concurrency: 5, ratePerMinute: 100_000 });
  const config = configSchema.parse({ transport: 'http', host: '127.0.0.1', port: 0, apiKey: API_KEY, maxSessions: 200 });
  const http = await startHttpServer({ config, makeServer: () => buildServer({ api, account: accountPort, catalog: CATALOG, demo: false, toolsets: 'all' }) });
  const outputDir = await mkdtemp(join(tmpdir(), 'mcp-dynadot-conformance-'));
  try {
    const timeoutMs = options.timeoutMs ?? 120_000;
    const base = ['server', '--url', http.url, '--output-dir', outputDir];
    let exitCode: number | null = 0;
    let output = '';
    if (options.scenarios && options.scenarios.length > 0) {
      for (const scenario of options.scenarios) {
        const run = await runCli([...base, '--scenario', scenario], timeoutMs);
        if (run.exitCode !== 0) exitCode = run.exitCode;
        output += run.output;
      }
    } else {
      ({ exitCode, output } = await runCli(base, timeoutMs));
    }
    const results = await readResults(outputDir);
    const expected = options.scenarios && options.scenarios.length > 0 ? REQUIRED_SCENARIOS.filter((s) => options.scenarios!.includes(s)) : REQUIRED_SCENARIOS;
    const requiredFailures = expected.filter((name) => results.find((r) => r.scenario === name)?.status !== 'pass');
    return { results, requiredFailures, exitCode, output };
  } finally {
    await http.close();
    await api.close();
    await simulator.close();
    await rm(outputDir, { recursive: true, force: true });
  }
}

/** One line per scenario: pass/FAIL, required or not, check counts and the first failure. */
export function formatResults(run: ConformanceRun): string {
  const width = Math.max(...run.results.map((r) => r.scenario.length), 10);
  const lines = run.results.map((r) => {
    const required = (REQUIRED_SCENARIOS as readonly string[]).includes(r.scenario) ? 'required' : 'optional';
    const counts = `${r.passed} passed, ${r.failed} failed${r.warnings ? `, ${r.warnings} warnings` : ''}`;
    return `  ${r.status === 'pass' ? 'pass' : 'FAIL'}  ${r.scenario.padEnd(width)}  ${required}  ${counts}${r.reason ? `  -- ${r.reason}` : ''}`;
  });
  for (const missing of run.requiredFailures.filter((name) => !run.results.some((r) => r.scenario === name))) {
    lines.push(`  FAIL  ${missing.padEnd(width)}  required  did not run`);
  }
  const passed = run.results.filter((r) => r.status === 'pass').length;
  lines.push('', `${passed}/${run.results.length} scenarios passed; required: ${run.requiredFailures.length === 0 ? 'all passed' : `FAILED ${run.requiredFailures.join(', ')}`}`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { scenario: { type: 'string', multiple: true }, verbose: { type: 'boolean' } }, strict: true });
  const run = await runConformance(values.scenario ? { scenarios: values.scenario } : {});
  if (values.verbose || run.results.length === 0) process.stdout.write(`${run.output}\n`);
  process.stdout.write(`MCP conformance suite (@modelcontextprotocol/conformance) against the Streamable HTTP server\n${formatResults(run)}\n`);
  process.exitCode = run.requiredFailures.length === 0 ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`conformance run failed: ${String((error as Error)?.stack ?? error)}\n`);
    process.exit(1);
  });
}
