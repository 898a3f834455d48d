/**
 * Loopback benchmark. First the cold start of the built bin over stdio (cold-start.ts), side by
 * side with other builds given by --baseline; then load: the simulator and the Streamable HTTP
 * server in this process, N SDK clients over real HTTP calling a mix of read tools; then api3
 * requests per task (requests.ts), the stdio bin's memory over 10,000 calls (memory.ts) and one
 * instance against two sharing Redis (replicas.ts). Prints
 * figures; asserts nothing.
 *
 *   npm run bench                              (50 clients x 200 calls, 500 calls per side-by-side)
 *   npm run bench -- --baseline ../before/dist/src/cli.js    (cold start against an earlier build)
 *   node dist/test/bench/run.js --clients 10 --calls 50 --compare 200 --cold-rounds 5
 *
 * Everything (simulator, api3 client, MCP server, MCP clients) shares one process and one event
 * loop, so the figures are a floor for the whole stack on this machine, not the server alone.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Client } from '@modelcontextprotocol/client';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { InMemoryTransport } from '@modelcontextprotocol/client';
import type { CallToolResult } from '@modelcontextprotocol/client';
import { CATALOG } from '../../tools/index.js';
import { accountPort } from '../../tools/ports.js';
import { Api3Client } from '../../src/api3/client.js';
import { configSchema } from '../../src/config.js';
import { setLogLevel } from '../../src/log.js';
import { startHttpServer } from '../../src/server/http.js';
import { buildServer } from '../../src/server/server.js';
import { startSimulator } from '../../src/simulator/server.js';
import { coldStart, coldStartRows, coldStartSet, machine } from './cold-start.js';
import { measureMemory, memoryRows } from './memory.js';
import { measurePortfolio } from './portfolio.js';
import { measureResearch } from './research.js';
import { measureReplicas, replicaTitle } from './replicas.js';
import { countAll, requestRows } from './requests.js';

const API_KEY = 'bench-key-not-a-secret-0001';
const CONCURRENCY = 25;

interface Call {
  name: string;
  args: Record<string, unknown>;
}

/** The read mix every client cycles through. */
const MIX: readonly Call[] = [
  { name: 'list_domain', args: {} },
  { name: 'domain_info', args: { domain: 'acme-widgets.com' } },
  { name: 'get_dns', args: { domain: 'acme-widgets.com' } },
  { name: 'search', args: { domains: ['coolstartup.ai'] } },
];
/** The read used for the in-memory vs HTTP comparison. */
const COMPARE_CALL: Call = { name: 'domain_info', args: { domain: 'acme-widgets.com' } };

function positiveInt(text: string | undefined, fallback: number, flag: string): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} must be a positive integer, got "${text}"`);
  return value;
}

/** Nearest-rank percentile of an ascending array. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (value: number) => `${value.toFixed(2)} ms`;

/** `global.gc`, from --expose-gc or, failing that, switched on at run time; undefined if neither works. */
function findGc(): (() => void) | undefined {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

/** Samples RSS every 100 ms. */
function startRssSampler() {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  return {
    start,
    stop() {
      clearInterval(timer);
      const end = process.memoryUsage().rss;
      return { start, end, peak: Math.max(peak, end) };
    },
  };
}

function printTable(title: string, rows: ReadonlyArray<readonly [string, string]>): void {
  const width = Math.max(...rows.map(([label]) => label.length));
  process.stdout.write(`\n${title}\n${'-'.repeat(title.length)}\n`);
  for (const [label, value] of rows) process.stdout.write(`  ${label.padEnd(width)}  ${value}\n`);
}

function commandCounts(requests: ReadonlyArray<{ command: string }>): string {
  const counts = new Map<string, number>();
  for (const { command } of requests) counts.set(command, (counts.get(command) ?? 0) + 1);
  return [...counts].map(([command, count]) => `${command} ${count}`).join(', ');
}

async function timedCalls(client: Client, call: Call, count: number): Promise<{ latencies: number[]; failures: number }> {
  const latencies: number[] = [];
  let failures = 0;
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    try {
      const result = (await client.callTool({ name: call.name, arguments: call.args })) as CallToolResult;
      if (result.isError) failures++;
    } catch {
      failures++;
    }
    latencies.push(performance.now() - started);
  }
  return { latencies, failures };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string' },
      calls: { type: 'string' },
      compare: { type: 'string' },
      'cold-rounds': { type: 'string' },
      baseline: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(
      'usage: node dist/test/bench/run.js [--clients 50] [--calls 200] [--compare 500] [--cold-rounds 17] [--baseline <other build>/dist/src/cli.js ...]\n',
    );
    return;
  }
  const clients = positiveInt(values.clients, 50, '--clients');
  const callsPerClient = positiveInt(values.calls, 200, '--calls');
  const compareCalls = positiveInt(values.compare, 500, '--compare');
  const coldRounds = positiveInt(values['cold-rounds'], 17, '--cold-rounds');
  // Before anything else runs in this process: each start is timed on a quiet event loop.
  const peers = await coldStartSet((values.baseline ?? []).flatMap((cli) => ['--baseline', cli]));
  try {
    printTable(
      `Cold start: spawn to the whole first tools/list over stdio, median of ${coldRounds} alternating rounds (${machine()})`,
      coldStartRows(await coldStart(peers.candidates, coldRounds), peers.notMeasured),
    );
  } finally {
    peers.remove();
  }
  setLogLevel('warn');
  const gc = findGc();
  const benchStarted = performance.now();
  const rss = startRssSampler();

  // Every request kept: the table below counts them by command.
  const simulator = await startSimulator({ latencyMs: 0, maxConcurrentPerKey: CONCURRENCY, keys: [API_KEY], requestLogLimit: Number.POSITIVE_INFINITY });
  const api = new Api3Client({
    apiUrl: simulator.url,
    apiKey: API_KEY,
    timeoutMs: 10_000,
    concurrency: CONCURRENCY,
    // The config schema caps DYNADOT_RATE_PER_MIN at 100_000; the client itself takes any rate.
    ratePerMinute: 1_000_000,
    readRetries: 2,
    retryBaseMs: 5,
  });
  const config = configSchema.parse({
    transport: 'http',
    host: '127.0.0.1',
    port: 0,
    apiKey: API_KEY,
    concurrency: CONCURRENCY,
    ratePerMinute: 100_000,
    maxSessions: Math.max(60, clients + 10),
    logLevel: 'warn',
  });
  const makeServer = () => buildServer({ api, account: accountPort, catalog: CATALOG, demo: false, toolsets: 'all' });
  const http = await startHttpServer({ config, makeServer });
  const url = new URL(http.url);

  const connectHttpClient = async (name: string) => {
    const transport = new StreamableHTTPClientTransport(url);
    const client = new Client({ name, version: '1.0.0' });
    await client.connect(transport);
    return { client, transport };
  };
  const closeHttpClient = async ({ client, transport }: { client: Client; transport: StreamableHTTPClientTransport }) => {
    await transport.terminateSession().catch(() => undefined);
    await client.close().catch(() => undefined);
  };

  try {
    // ---- load: N clients, each running its calls back to back --------------------------------
    const connectStarted = performance.now();
    const connected = await Promise.all(Array.from({ length: clients }, (_, i) => connectHttpClient(`bench-${i}`)));
    const connectMs = performance.now() - connectStarted;

    const latencies: number[] = [];
    let failed = 0;
    const errorSamples = new Map<string, number>();
    const noteError = (text: string) => errorSamples.set(text, (errorSamples.get(text) ?? 0) + 1);
    const loadStarted = performance.now();
    await Promise.all(
      connected.map(async ({ client }, c) => {
        for (let i = 0; i < callsPerClient; i++) {
          const call = MIX[(c + i) % MIX.length]!;
          const started = performance.now();
          try {
            const result = (await client.callTool({ name: call.name, arguments: call.args })) as CallToolResult;
            if (result.isError) {
              failed++;
              const first = result.content[0];
              noteError(`${call.name}: ${first && first.type === 'text' ? first.text.slice(0, 160) : 'isError'}`);
            }
          } catch (error) {
            failed++;
            noteError(`${call.name}: thrown ${String((error as Error)?.message ?? error).slice(0, 160)}`);
          }
          latencies.push(performance.now() - started);
        }
      }),
    );
    const wallMs = performance.now() - loadStarted;
    await Promise.all(connected.map(closeHttpClient));
    latencies.sort((a, b) => a - b);
    const total = latencies.length;

    // ---- side by side: the same read, in-memory transport vs HTTP, one call at a time ---------
    const memServer = buildServer({ api, account: accountPort, catalog: CATALOG, demo: false, toolsets: 'all' });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    const memClient = new Client({ name: 'bench-inmemory', version: '1.0.0' });
    await Promise.all([memServer.connect(serverSide), memClient.connect(clientSide)]);
    const httpClient = await connectHttpClient('bench-http-single');
    const warmup = Math.min(50, compareCalls);
    await timedCalls(memClient, COMPARE_CALL, warmup);
    await timedCalls(httpClient.client, COMPARE_CALL, warmup);
    const mem = await timedCalls(memClient, COMPARE_CALL, compareCalls);
    const overHttp = await timedCalls(httpClient.client, COMPARE_CALL, compareCalls);
    await memClient.close();
    await memServer.close();
    await closeHttpClient(httpClient);
    const memSorted = mem.latencies.sort((a, b) => a - b);
    const httpSorted = overHttp.latencies.sort((a, b) => a - b);
    const memMedian = percentile(memSorted, 50);
    const httpMedian = percentile(httpSorted, 50);

    // ---- memory ---------------------------------------------------------------------------------
    const memory = rss.stop();
    let heapAfterGc: string;
    if (gc) {
      gc();
      gc();
      heapAfterGc = mb(process.memoryUsage().heapUsed);
    } else {
      heapAfterGc = 'skipped (gc not available; run node with --expose-gc)';
    }

    printTable(`Load: ${clients} clients x ${callsPerClient} calls over Streamable HTTP (loopback, in-process)`, [
      ['node / platform', `${process.version} ${process.platform}-${process.arch}`],
      ['tool mix', MIX.map((c) => c.name).join(', ')],
      ['connect (all clients)', ms(connectMs)],
      ['total calls', String(total)],
      ['failed calls', String(failed)],
      ['wall time', ms(wallMs)],
      ['calls/s', (total / (wallMs / 1000)).toFixed(0)],
      ['latency p50', ms(percentile(latencies, 50))],
      ['latency p90', ms(percentile(latencies, 90))],
      ['latency p99', ms(percentile(latencies, 99))],
      ['latency max', ms(latencies[latencies.length - 1] ?? Number.NaN)],
      ['api3 requests (simulator)', `${simulator.requests.length} (${commandCounts(simulator.requests)})`],
      ['api3 max in flight', `${simulator.maxInFlightSeen} (limit ${CONCURRENCY})`],
    ]);
    if (errorSamples.size > 0) {
      process.stdout.write('  errors:\n');
      for (const [text, count] of [...errorSamples].sort((a, b) => b[1] - a[1]).slice(0, 5)) {
        process.stdout.write(`    ${count} x ${text}\n`);
      }
    }
    printTable(`Side by side: ${COMPARE_CALL.name}, ${compareCalls} sequential calls each (after ${warmup} warm-up)`, [
      ['in-memory p50 / p90', `${ms(memMedian)} / ${ms(percentile(memSorted, 90))} (${mem.failures} failed)`],
      ['HTTP p50 / p90', `${ms(httpMedian)} / ${ms(percentile(httpSorted, 90))} (${overHttp.failures} failed)`],
      ['HTTP / in-memory (p50)', `${(httpMedian / memMedian).toFixed(2)}x (+${ms(httpMedian - memMedian)} per call)`],
    ]);
    printTable('Memory (whole process: simulator + server + clients)', [
      ['RSS at start', mb(memory.start)],
      ['RSS peak (100 ms samples)', mb(memory.peak)],
      ['RSS at end', mb(memory.end)],
      ['heap used after forced GC', heapAfterGc],
    ]);
    printTable('api3 requests per task (simulator; a confirmed task counts its preview too)', requestRows(await countAll()));
    printTable('Memory of the stdio bin in demo mode (tool calls: reads, previews, a write, a confirmed change)', memoryRows(await measureMemory()));
    printTable('A portfolio of 10,000 domains: list_domain answers (simulator, SDK client)', await measurePortfolio());
    printTable('Research in bulk: research_domains over 250 name/TLD pairs (simulator, SDK client asking for progress)', await measureResearch());
    const replicas = { clients: 20, calls: 50, latencyMs: 5 };
    printTable(replicaTitle(replicas), await measureReplicas(replicas));
    process.stdout.write(`\ntotal bench time ${((performance.now() - benchStarted) / 1000).toFixed(1)} s\n`);
  } finally {
    rss.stop();
    await http.close();
    await api.close();
    await simulator.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
