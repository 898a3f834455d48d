/**
 * api3 requests per task: what one everyday task costs of the account's quota (60 a minute on a
 * regular account), counted on the simulator through a real SDK client. A destructive task is
 * counted whole: its preview and the confirmed call together. The integration test
 * (test/integration/request-counts.test.ts) holds the targets; this prints the figures.
 *
 *   node dist/test/bench/requests.js       (or as part of npm run bench)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { StateStore } from '../../src/server/state-store.js';
import type { Dialect } from '../../src/simulator/server.js';
import { seedAccount, type SimAccount } from '../../src/simulator/state.js';
import { startHarness, type Harness } from '../helpers/harness.js';

/** Name servers the seeded account has registered (server_list), so set_ns can be confirmed. */
const NAME_SERVERS = ['ns1.cloudhost.example', 'ns2.cloudhost.example'];
/** A seeded domain on Dynadot DNS: the costliest kind to preview (its records are read too). */
const ON_DNS = 'acme-widgets.com';

export interface Task {
  label: string;
  tool: string;
  args: Record<string, unknown>;
  /** The per-task ceiling of issue 16, when it sets one. */
  target?: number;
  /**
   * Where the target is not reached yet: the count as it stands, which the test holds so it only
   * goes down (a purchase's confirmed call reads again every fact its id binds: price, balance).
   */
  holding?: number;
  /** How the simulator words its answers; default the document's. */
  dialect?: Dialect;
}

/** `bench-01.com` ... : domains added to the account so a task can reach N of them. */
export const benchDomains = (n: number) => Array.from({ length: n }, (_, i) => `bench-${String(i + 1).padStart(2, '0')}.com`);

/**
 * The seeded account with `extra` more domains, each a copy of a domain on Dynadot DNS: every
 * domain of a set_ns then costs its records' read too, the worst case for the count.
 */
export function benchAccount(extra: number, now = Date.now()): SimAccount {
  const account = seedAccount(now);
  const model = account.domains.get(ON_DNS);
  if (!model) throw new Error(`the seeded account has no ${ON_DNS}`);
  for (const name of benchDomains(extra)) account.domains.set(name, structuredClone({ ...model, name }));
  return account;
}

const SEARCHED = Array.from({ length: 20 }, (_, i) => `unclaimed-idea-${i + 1}.com`);

export const TASKS: readonly Task[] = [
  { label: 'register (confirmed)', tool: 'register', args: { domain: 'unclaimed-idea-1.com', years: 1, confirm: true }, target: 6, holding: 10 },
  // Live api3 gives the renewal price in search's answer, so no tld_price read is needed.
  { label: 'register (confirmed, live wording)', tool: 'register', args: { domain: 'unclaimed-idea-1.com', years: 1, confirm: true }, target: 6, holding: 8, dialect: 'live' },
  { label: 'renew (confirmed)', tool: 'renew', args: { domain: ON_DNS, years: 1, confirm: true }, target: 6, holding: 8 },
  { label: 'set_dns2 (confirmed)', tool: 'set_dns2', args: { domains: [ON_DNS], records: [{ type: 'a', value: '192.0.2.10' }], confirm: true }, target: 6 },
  {
    label: 'update_dns_records (confirmed)',
    tool: 'update_dns_records',
    args: { domain: ON_DNS, set: [{ type: 'a', subdomain: 'www', value: '192.0.2.11' }], confirm: true },
    target: 6,
  },
  { label: 'set_ns, 1 domain (confirmed)', tool: 'set_ns', args: { domains: benchDomains(1), name_servers: NAME_SERVERS, confirm: true }, target: 2 * 1 + 4 },
  { label: 'set_ns, 20 domains (confirmed)', tool: 'set_ns', args: { domains: benchDomains(20), name_servers: NAME_SERVERS, confirm: true }, target: 2 * 20 + 4 },
  { label: 'search, 20 names', tool: 'search', args: { domains: SEARCHED } },
];

export interface TaskCount {
  task: Task;
  total: number;
  /** Requests by api3 command, in the order first sent. */
  byCommand: Map<string, number>;
  /** The task's answer was an error, or a preview where a confirmed change was asked. */
  failed?: string;
}

/**
 * A harness the way the stdio server runs: a state folder (so snapshots are taken, as in
 * production) and a bulk account's api3 for the 20-name search.
 */
export async function requestHarness(): Promise<{ harness: Harness; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'dynadot-requests-'));
  const harness = await startHarness({ store: new StateStore(dir, false), simulator: { account: benchAccount(20) } });
  return {
    harness,
    close: async () => {
      await harness.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs one task (preview and confirmed call, through the harness's `confirm: true`) and counts what reached api3. */
export async function countTask(harness: Harness, task: Task): Promise<TaskCount> {
  harness.simulator.setDialect(task.dialect ?? 'document');
  harness.simulator.requests.length = 0;
  const result = await harness.call(task.tool, task.args);
  const byCommand = new Map<string, number>();
  for (const { command } of harness.simulator.requests) byCommand.set(command, (byCommand.get(command) ?? 0) + 1);
  const answer = result.structuredContent as { preview?: unknown } | undefined;
  const first = result.content[0];
  const failed = result.isError
    ? (first?.type === 'text' ? first.text : 'error').slice(0, 200)
    : task.args.confirm === true && answer?.preview !== undefined
      ? 'answered with a preview, not the confirmed change'
      : undefined;
  return { task, total: harness.simulator.requests.length, byCommand, ...(failed ? { failed } : {}) };
}

/** Every task on a fresh account each, so one task's change never makes another's cheaper. */
export async function countAll(): Promise<TaskCount[]> {
  const counts: TaskCount[] = [];
  for (const task of TASKS) {
    const { harness, close } = await requestHarness();
    try {
      counts.push(await countTask(harness, task));
    } finally {
      await close();
    }
  }
  return counts;
}

/** The table: task, requests in all (against its target), requests per command. */
export function requestRows(counts: readonly TaskCount[]): Array<readonly [string, string]> {
  return counts.map(({ task, total, byCommand, failed }) => {
    const target = task.target === undefined ? '' : ` (target <= ${task.target}${total > task.target ? ', OVER' : ''})`;
    const per = [...byCommand].map(([command, n]) => `${command} ${n}`).join(', ');
    return [task.label, `${total}${target}: ${per}${failed ? ` [FAILED: ${failed}]` : ''}`] as const;
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { setLogLevel } = await import('../../src/log.js');
  setLogLevel('error');
  const rows = requestRows(await countAll());
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) process.stdout.write(`  ${label.padEnd(width)}  ${value}\n`);
}
