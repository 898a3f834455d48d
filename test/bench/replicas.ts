/**
 * Replicas: throughput and latency of one account served by one instance against two instances
 * sharing a Redis (DYNADOT_STATE_URL), clients alternating between them. The built bin runs as
 * separate processes over HTTP; the simulator (concurrency check on: the account's in-flight
 * limit, answering "too many requests" beyond it) and the clients run in this process. Prints
 * figures; asserts nothing.
 *
 *   node dist/test/bench/replicas.js [--clients 20] [--calls 50] [--latency 5]
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Client, StreamableHTTPClientTransport, type CallToolResult } from '@modelcontextprotocol/client';
import { startSimulator, type Simulator } from '../../src/simulator/server.js';
import { BIN, envWithoutDynadot } from '../bundle/support.js';
import { redisAvailable, REDIS_INSTALL_HINT, startRedis, type RedisServer } from '../helpers/redis.js';

const KEY = 'bench-replica-key-000000000001';

interface Instance {
  child: ChildProcessWithoutNullStreams;
  url: string;
}

async function startInstance(sim: Simulator, concurrency: number, redis: RedisServer | undefined): Promise<Instance> {
  const stateDir = mkdtempSync(join(tmpdir(), 'dynadot-bench-replica-'));
  const child = spawn(process.execPath, [BIN, '--transport', 'http', '--port', '0'], {
    env: envWithoutDynadot({
      DYNADOT_API_KEY: KEY,
      DYNADOT_API_URL: sim.url,
      DYNADOT_STATE_DIR: stateDir,
      ...(redis ? { DYNADOT_STATE_URL: redis.url } : {}),
      DYNADOT_CONCURRENCY: String(concurrency),
      // The rate is not what is measured here: high enough never to bind.
      DYNADOT_RATE_PER_MIN: '100000',
      DYNADOT_MCP_MAX_SESSIONS: '1000',
      // info: the line naming the port the instance listens on.
      DYNADOT_LOG_LEVEL: 'info',
    }),
  });
  child.once('exit', () => rmSync(stateDir, { recursive: true, force: true }));
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const deadline = Date.now() + 15_000;
  let match: RegExpExecArray | null = null;
  while (!(match = /listening on (http:\/\/\S+)/.exec(stderr)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  if (!match) throw new Error(`the server did not start:\n${stderr}`);
  return { child, url: match[1] as string };
}

async function stopInstance(instance: Instance): Promise<void> {
  if (instance.child.exitCode !== null) return;
  const exited = new Promise((resolve) => instance.child.once('exit', resolve));
  instance.child.kill('SIGTERM');
  await exited;
}

async function connect(url: string): Promise<Client> {
  const client = new Client({ name: 'bench-replicas', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  return client;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

interface Run {
  label: string;
  calls: number;
  failures: number;
  seconds: number;
  p50: number;
  p99: number;
  maxInFlight: number;
  refusals: number;
}

async function measure(label: string, instances: Instance[], sim: Simulator, clients: number, calls: number): Promise<Run> {
  sim.reset();
  const sessions = await Promise.all(Array.from({ length: clients }, () => Promise.all(instances.map((instance) => connect(instance.url)))));
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    sessions.map(async (mine) => {
      for (let i = 0; i < calls; i++) {
        const t = performance.now();
        const result = (await (mine[i % mine.length] as Client).callTool({ name: 'get_ns', arguments: { domain: 'acme-widgets.com' } })) as CallToolResult;
        latencies.push(performance.now() - t);
        if (result.isError) failures++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1_000;
  await Promise.allSettled(sessions.flat().map((client) => client.close()));
  const sorted = latencies.sort((a, b) => a - b);
  return {
    label,
    calls: latencies.length,
    failures,
    seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    maxInFlight: sim.maxInFlightSeen,
    refusals: sim.concurrencyRefusals,
  };
}

export interface ReplicaOptions {
  clients: number;
  calls: number;
  latencyMs: number;
}

/** One instance without Redis, one with, two with; for a regular account (1 in flight) and a bulk one (5). */
export async function measureReplicas(options: ReplicaOptions): Promise<Array<readonly [string, string]>> {
  if (!redisAvailable()) return [['not measured', REDIS_INSTALL_HINT]];
  const rows: Array<readonly [string, string]> = [];
  const redis = await startRedis();
  try {
    for (const concurrency of [1, 5]) {
      const sim = await startSimulator({ keys: [KEY], maxConcurrentPerKey: concurrency, latencyMs: options.latencyMs, requestLogLimit: 100 });
      try {
        const account = `${concurrency} in flight`;
        const setups: Array<[string, RedisServer | undefined, number]> = [
          [`${account}, 1 instance, state folder`, undefined, 1],
          [`${account}, 1 instance, Redis`, redis, 1],
          [`${account}, 2 instances, Redis`, redis, 2],
        ];
        for (const [label, store, count] of setups) {
          const instances = await Promise.all(Array.from({ length: count }, () => startInstance(sim, concurrency, store)));
          try {
            const run = await measure(label, instances, sim, options.clients, options.calls);
            rows.push([
              run.label,
              `${(run.calls / run.seconds).toFixed(0)} calls/s, p50 ${run.p50.toFixed(1)} ms, p99 ${run.p99.toFixed(1)} ms; at the simulator at most ${run.maxInFlight} in flight, ${run.refusals} refused as too many${run.failures ? `; ${run.failures} calls FAILED` : ''}`,
            ]);
          } finally {
            await Promise.all(instances.map(stopInstance));
          }
        }
      } finally {
        await sim.close();
      }
    }
  } finally {
    await redis.close();
  }
  return rows;
}

export function replicaTitle(options: ReplicaOptions): string {
  return `Replicas: ${options.clients} clients x ${options.calls} get_ns calls, alternating instances, simulator latency ${options.latencyMs} ms (built bin over HTTP)`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { clients: { type: 'string' }, calls: { type: 'string' }, latency: { type: 'string' } }, strict: true });
  const options = { clients: Number(values.clients ?? 20), calls: Number(values.calls ?? 50), latencyMs: Number(values.latency ?? 5) };
  const rows = await measureReplicas(options);
  process.stdout.write(`${replicaTitle(options)}\n`);
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) process.stdout.write(`  ${label.padEnd(width)}  ${value}\n`);
}
