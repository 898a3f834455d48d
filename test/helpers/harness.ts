import { Client } from '@modelcontextprotocol/client';
import { InMemoryTransport } from '@modelcontextprotocol/client';
import type { CallToolResult } from '@modelcontextprotocol/client';
import { CATALOG } from '../../tools/index.js';
import { accountPort } from '../../tools/ports.js';
import { NOT_YET } from '../../tools/not-yet.js';
import { Api3Client, type Api3ClientOptions } from '../../src/api3/client.js';
import type { AuditLog } from '../../src/server/audit.js';
import type { AnyToolSpec } from '../../src/server/define.js';
import { buildServer, type Selection, type ServerOptions } from '../../src/server/server.js';
import type { StateStore } from '../../src/server/state-store.js';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator/server.js';

/**
 * A real MCP Client talking to the real server over paired in-memory transports, whose api3 is
 * the simulator over loopback HTTP. Each test file gets its own, so state never leaks between files.
 */
export interface Harness {
  client: Client;
  simulator: Simulator;
  api: Api3Client;
  /** Calls a tool and returns the raw result. */
  call(name: string, args?: Record<string, unknown>): Promise<CallToolResult>;
  /** Calls a tool that must succeed and returns its structuredContent. */
  ok<T = Record<string, unknown>>(name: string, args?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

export const TEST_KEY = 'test-key-3f9a1c77e0b24d6b';

export interface HarnessOptions extends Selection {
  simulator?: SimulatorOptions;
  client?: Partial<Api3ClientOptions>;
  demo?: boolean;
  /** An api3 key of its own, so one test's queue never waits on another's. */
  apiKey?: string;
  spendCap?: ServerOptions['spendCap'];
  /** Keep snapshots in this store (a temp folder of the test's); without one none are taken. */
  store?: StateStore;
  dryRun?: boolean;
  audit?: AuditLog;
  /** The audit log's file, served as the dynadot://audit resource. */
  auditPath?: string;
  /**
   * Specs served beside the catalog: a scoped setting command built from its family before the
   * catalog has its own file (test/helpers/setting-scopes.ts), so its client-side cases run now.
   */
  extraTools?: readonly AnyToolSpec[];
  /**
   * Catalog tools left out and named as not served yet: every api3 command is served today, so a
   * test of what a server says about a command it lacks (a newer document's) stands one in.
   */
  notYet?: ServerOptions['notYet'];
  /** Registration data for taken names: a client of the test's local RDAP double (test/helpers/rdap-double.ts). */
  rdap?: ServerOptions['rdap'];
}

let keyCounter = 0;

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const simulator = await startSimulator({ maxConcurrentPerKey: 1, ...options.simulator });
  const api = new Api3Client({
    apiUrl: simulator.url,
    apiKey: options.apiKey ?? `${TEST_KEY}-${process.pid}-${keyCounter++}`,
    timeoutMs: 2_000,
    concurrency: 1,
    ratePerMinute: 100_000,
    readRetries: 2,
    retryBaseMs: 5,
    ...options.client,
  });
  const server = buildServer({
    api,
    account: accountPort,
    catalog: [...CATALOG, ...(options.extraTools ?? [])].filter((spec) => !options.notYet?.some(({ command }) => command === spec.name)),
    demo: options.demo ?? false,
    toolsets: options.toolsets ?? 'all',
    ...(options.tools ? { tools: options.tools } : {}),
    ...(options.readOnly ? { readOnly: true } : {}),
    ...(options.noPurchases ? { noPurchases: true } : {}),
    notYet: options.notYet ?? NOT_YET,
    ...(options.spendCap !== undefined ? { spendCap: options.spendCap } : {}),
    ...(options.store ? { store: options.store } : {}),
    ...(options.dryRun ? { dryRun: true } : {}),
    ...(options.audit ? { audit: options.audit } : {}),
    ...(options.auditPath ? { auditPath: options.auditPath } : {}),
    ...(options.rdap ? { rdap: options.rdap } : {}),
  });
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'harness', version: '1.0.0' });
  await Promise.all([server.connect(serverTransport), client.connect(clientTransport)]);
  const send = (name: string, args: Record<string, unknown>) => client.callTool({ name, arguments: args }) as Promise<CallToolResult>;
  /**
   * `confirm: true` without a `confirmation_id` stands for what a user's approval looks like: the
   * preview first, then the call again with confirm and the id that preview issued. A preview
   * that issues no id (api3 would refuse) is the answer. To send confirm without a preview's id,
   * as the gate's own tests do, give `confirmation_id` explicitly (undefined counts).
   */
  const call = async (name: string, args: Record<string, unknown> = {}) => {
    if (args.confirm !== true || 'confirmation_id' in args) return send(name, args);
    const { confirm: _confirm, ...withoutConfirm } = args;
    const first = await send(name, withoutConfirm);
    const id = (first.structuredContent as { preview?: { confirmation_id?: string } } | undefined)?.preview?.confirmation_id;
    if (first.isError || !id) return first;
    return send(name, { ...args, confirmation_id: id });
  };
  return {
    client,
    simulator,
    api,
    call,
    async ok<T>(name: string, args: Record<string, unknown> = {}) {
      const result = await call(name, args);
      if (result.isError) throw new Error(`${name} failed: ${JSON.stringify(result.content)}`);
      return result.structuredContent as T;
    },
    async close() {
      await client.close();
      await server.close();
      await api.close();
      await simulator.close();
    },
  };
}

/** The text of a result's first content block. */
export function textOf(result: CallToolResult): string {
  const first = result.content[0];
  return first && first.type === 'text' ? first.text : '';
}

/** A parsed error result: `{ error, message, hint? }`. */
export function errorOf(result: CallToolResult): { error: string; message: string; hint?: string } {
  if (!result.isError) throw new Error(`expected an error, got ${textOf(result)}`);
  return JSON.parse(textOf(result));
}
