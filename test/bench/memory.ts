/**
 * Memory of the stdio server over many calls: the published bin (package.json "bin", read at run
 * time, so a bundled bin is measured the same way) in demo mode, driven by an SDK client over
 * stdio through a mix of reads, previews, a write and a confirmed change. Its RSS is read from
 * the outside after 1,000 and after 10,000 calls (target: RSS(10,000) <= 1.5 x RSS(1,000)).
 *
 *   node dist/test/bench/memory.js [--calls 10000] [--checkpoint 1000] [--bin <other build's bin>]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import type { CallToolResult } from '@modelcontextprotocol/client';

/** The repository root, from dist/test/bench (built) or test/bench (source). */
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++, dir = dirname(dir)) {
    try {
      const pkg: unknown = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      if (typeof pkg === 'object' && pkg !== null && (pkg as { name?: unknown }).name === 'mcp-server-dynadot') return dir;
    } catch {
      // not here: one level up
    }
  }
  throw new Error('package.json of mcp-server-dynadot not found above this file');
}

/** The published bin, as package.json names it (a string, or the package's own entry of an object). */
export function binPath(root = repoRoot()): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; bin?: string | Record<string, string> };
  const bin = typeof pkg.bin === 'string' ? pkg.bin : (pkg.bin?.[pkg.name] ?? Object.values(pkg.bin ?? {})[0]);
  if (!bin) throw new Error('package.json names no bin');
  return resolve(root, bin);
}

/** A process's resident set, in bytes: /proc on Linux, `ps` elsewhere. */
function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    if (kb) return Number(kb) * 1024;
  } catch {
    // not Linux
  }
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) * 1024;
}

interface Step {
  name: string;
  args: Record<string, unknown>;
  /** Send again with confirm and the preview's id: a confirmed change (snapshot, audit, single use). */
  confirm?: boolean;
}

/** Reads, two previews (each issues a confirmation id), a write and a confirmed change. */
const STEPS: readonly Step[] = [
  { name: 'list_domain', args: {} },
  { name: 'domain_info', args: { domain: 'acme-widgets.com' } },
  { name: 'get_dns', args: { domain: 'acme-widgets.com' } },
  { name: 'search', args: { domains: ['coolstartup.ai'] } },
  { name: 'set_ns', args: { domains: ['acme-widgets.net'], name_servers: ['ns1.cloudhost.example', 'ns2.cloudhost.example'] } },
  { name: 'renew', args: { domain: 'widgetlab.io', years: 1 } },
  { name: 'set_note', args: { domain: 'widget.dev', note: 'bench' } },
  { name: 'set_dns2', args: { domains: ['acme-widgets.com'], records: [{ type: 'a', value: '192.0.2.20' }] }, confirm: true },
];

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export interface MemoryFigures {
  bin: string;
  checkpoint: number;
  calls: number;
  rssAtStart: number;
  rssAtCheckpoint: number;
  rssAtEnd: number;
  failed: number;
  /** A failed call's answer, by tool: the run is meant to fail nothing. */
  errors: Map<string, string>;
  seconds: number;
}

/** Spawns the bin in demo mode and counts tool calls (a confirmed change is two: preview and confirm). */
export async function measureMemory(calls = 10_000, checkpoint = 1_000, bin = binPath()): Promise<MemoryFigures> {
  const state = mkdtempSync(join(tmpdir(), 'dynadot-memory-'));
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined && !name.startsWith('DYNADOT_')) env[name] = value;
  // Demo mode; the rate limit is the simulator's own account, not a real one: lifted so the run takes seconds.
  Object.assign(env, { DYNADOT_STATE_DIR: state, DYNADOT_RATE_PER_MIN: '100000', DYNADOT_LOG_LEVEL: 'error', DYNADOT_TOOLSETS: 'all' });
  const transport = new StdioClientTransport({ command: process.execPath, args: [bin], env, stderr: 'ignore' });
  const client = new Client({ name: 'bench-memory', version: '1.0.0' });
  const started = Date.now();
  try {
    await client.connect(transport);
    const pid = transport.pid;
    if (pid === null) throw new Error('the server process has no pid');
    const rssAtStart = rssOf(pid);
    let done = 0;
    let failed = 0;
    const errors = new Map<string, string>();
    let rssAtCheckpoint = 0;
    const counted = () => {
      done++;
      if (done === checkpoint) rssAtCheckpoint = rssOf(pid);
    };
    const send = async (name: string, args: Record<string, unknown>) => {
      const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
      counted();
      if (result.isError) {
        failed++;
        const first = result.content[0];
        errors.set(name, first?.type === 'text' ? first.text.slice(0, 160) : 'error');
      }
      return result;
    };
    for (let i = 0; done < calls; i++) {
      const step = STEPS[i % STEPS.length]!;
      const first = await send(step.name, step.args);
      const id = (first.structuredContent as { preview?: { confirmation_id?: string } } | undefined)?.preview?.confirmation_id;
      if (step.confirm && id && done < calls) await send(step.name, { ...step.args, confirm: true, confirmation_id: id });
    }
    return { bin, checkpoint, calls: done, rssAtStart, rssAtCheckpoint, rssAtEnd: rssOf(pid), failed, errors, seconds: (Date.now() - started) / 1000 };
  } finally {
    await client.close().catch(() => undefined);
    rmSync(state, { recursive: true, force: true });
  }
}

export function memoryRows(figures: MemoryFigures): Array<readonly [string, string]> {
  const ratio = figures.rssAtEnd / figures.rssAtCheckpoint;
  return [
    ['bin', figures.bin],
    ['calls (failed)', `${figures.calls} (${figures.failed}) in ${figures.seconds.toFixed(1)} s`],
    ['RSS after connect', mb(figures.rssAtStart)],
    [`RSS after ${figures.checkpoint} calls`, mb(figures.rssAtCheckpoint)],
    [`RSS after ${figures.calls} calls`, mb(figures.rssAtEnd)],
    [`ratio (target <= 1.5)`, `${ratio.toFixed(2)}x`],
    ...[...figures.errors].map(([tool, text]) => [`failed ${tool}`, text] as const),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { calls: { type: 'string' }, checkpoint: { type: 'string' }, bin: { type: 'string' } } });
  const figures = await measureMemory(Number(values.calls ?? 10_000), Number(values.checkpoint ?? 1_000), values.bin ? resolve(values.bin) : binPath());
  for (const [label, value] of memoryRows(figures)) process.stdout.write(`  ${label.padEnd(24)}  ${value}\n`);
}
