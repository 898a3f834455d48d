import { Client, StreamableHTTPClientTransport, type CallToolResult } from '@modelcontextprotocol/client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Api3Client, type Api3, type Api3Request } from '../../src/api3/client.js';
import type { Api3Payload } from '../../src/api3/envelope.js';
import { queueForKey } from '../../src/api3/queue.js';
import { configSchema } from '../../src/config.js';
import type { AuditEntry } from '../../src/server/audit.js';
import { startHttpServer, type RunningHttpServer } from '../../src/server/http.js';
import { buildServer } from '../../src/server/server.js';
import { startSimulator, type Simulator } from '../../src/simulator/server.js';
import { CATALOG } from '../../tools/index.js';
import { accountPort } from '../../tools/ports.js';
import { ManualClock } from '../helpers/manual-clock.js';

/**
 * Calls the client gave up on are never sent: the whole path from the MCP client to what reaches
 * api3 (the simulator), with the real catalog over Streamable HTTP. The account's rate window is
 * full when the call's api3 request joins the queue (RATE requests a minute, on a clock the test
 * moves), so the request waits there; the client then cancels, drops the HTTP request or closes
 * its session, the clock moves two minutes on, and the simulator's log shows what was sent.
 */
const RATE = 2;
const DOMAIN = 'acme-widgets.com';
const NEW_NAME_SERVERS = ['ns1.cloudhost.example', 'ns2.cloudhost.example'];

let simulator: Simulator;
let http: RunningHttpServer;
let clock: ManualClock;
let apiKey: string;
let keyCount = 0;
const audit: AuditEntry[] = [];
/** Commands whose api3 request is held in the queue: the window is filled just before they join it. */
const heldCommands = new Set<string>();
let queued: Promise<void> = Promise.resolve();
let onQueued: () => void = () => undefined;

/** Starts a new minute and spends it on reads of the test's own: the next request waits in the queue. */
async function fillTheWindow(): Promise<void> {
  clock.advance(61_000);
  for (let i = 0; i < RATE; i++) await inner.call({ command: 'get_account_balance', params: {}, mutates: false });
}

/**
 * The real api3 client, but a held command's request joins the queue when the rate window is
 * full, so it waits there; `queued` resolves once it does. (The reads before it, the safety
 * gate's and the previous values', go out as usual.)
 */
class HoldingApi implements Api3 {
  constructor(private readonly inner: Api3Client) {}

  async call(request: Api3Request): Promise<Api3Payload> {
    if (!heldCommands.has(request.command)) return this.inner.call(request);
    await fillTheWindow();
    const answer = this.inner.call(request);
    onQueued();
    return answer;
  }
}

/**
 * Waits for `until` while moving the clock past each rate window the call's reads wait for (at
 * RATE a minute, a preview's reads fill several windows).
 */
async function driving<T>(until: Promise<T>): Promise<T> {
  let settled = false;
  const done = until.then(
    () => (settled = true),
    () => (settled = true),
  );
  while (!settled) {
    if (clock.pendingTimers > 0) clock.advance(61_000);
    else await Promise.race([clock.nextTimer(), done]);
  }
  return until;
}

let inner: Api3Client;

beforeAll(async () => {
  simulator = await startSimulator({ maxConcurrentPerKey: 1 });
});

afterAll(async () => {
  await simulator.close();
});

async function start(): Promise<void> {
  clock = new ManualClock();
  apiKey = `abandoned-calls-key-${process.pid}-${keyCount++}`;
  inner = new Api3Client({ apiUrl: simulator.url, apiKey, timeoutMs: 600_000, concurrency: 1, ratePerMinute: RATE, readRetries: 0, clock });
  const api = new HoldingApi(inner);
  const config = configSchema.parse({ transport: 'http', port: 0 });
  http = await startHttpServer({
    config,
    makeServer: () => buildServer({ api, account: accountPort, catalog: CATALOG, demo: false, toolsets: 'all', audit: (entry) => audit.push(entry) }),
    drainTimeoutMs: 200,
  });
}

afterEach(async () => {
  heldCommands.clear();
  audit.length = 0;
  simulator.reset();
  await http.close();
  await inner.close();
});

function hold(command: string): void {
  heldCommands.add(command);
  queued = new Promise((resolve) => (onQueued = resolve));
}

async function connect(): Promise<{ client: Client; transport: StreamableHTTPClientTransport }> {
  const transport = new StreamableHTTPClientTransport(new URL(http.url));
  const client = new Client({ name: 'abandoning-client', version: '1.0.0' });
  await client.connect(transport);
  return { client, transport };
}

/** The preview's confirmation id for moving DOMAIN to the new name servers. */
async function previewId(client: Client): Promise<string> {
  const preview = (await driving(client.callTool({ name: 'set_ns', arguments: { domains: [DOMAIN], name_servers: NEW_NAME_SERVERS } }))) as CallToolResult;
  const content: unknown = preview.structuredContent;
  const id = typeof content === 'object' && content !== null && 'preview' in content ? (content.preview as { confirmation_id?: string }).confirmation_id : undefined;
  if (!id) throw new Error(`no confirmation id in ${JSON.stringify(preview)}`);
  return id;
}

const confirmedSetNs = (id: string) => ({ name: 'set_ns', arguments: { domains: [DOMAIN], name_servers: NEW_NAME_SERVERS, confirm: true, confirmation_id: id } });

/** Moves past every window and pause, then sends one more read: anything still queued would go out by then. */
async function afterTwoMinutes(): Promise<void> {
  clock.advance(120_000);
  await inner.call({ command: 'get_account_balance', params: {}, mutates: false });
}

const sentCommands = () => simulator.requests.map((request) => request.command);

/** Resolves once the audit log holds an entry with this outcome. */
async function audited(outcome: string): Promise<void> {
  while (!audit.some((entry) => entry.outcome === outcome)) await new Promise((resolve) => setImmediate(resolve));
}

describe('a confirmed set_ns whose client gave up while it waited in the queue is never sent', () => {
  it('the client cancels the call (notifications/cancelled)', async () => {
    await start();
    const { client } = await connect();
    const id = await previewId(client);
    hold('set_ns');
    const cancel = new AbortController();
    const call = client.callTool(confirmedSetNs(id), { signal: cancel.signal });
    await driving(queued);
    cancel.abort();
    await expect(call).rejects.toThrow();
    await audited('cancelled');
    await afterTwoMinutes();
    expect(sentCommands()).not.toContain('set_ns');
    expect(audit.map((entry) => entry.outcome)).toEqual(['sending', 'cancelled']);
    expect(simulator.account.domains.get(DOMAIN)?.nameServers).not.toEqual({ kind: 'nameservers', hosts: NEW_NAME_SERVERS });
    await client.close();
  });

  it('the client times out and closes its session, as an agent host does', async () => {
    await start();
    const { client, transport } = await connect();
    const id = await previewId(client);
    hold('set_ns');
    const call = client.callTool(confirmedSetNs(id), { timeout: 1_000 });
    await driving(queued);
    await expect(call).rejects.toThrow();
    await transport.terminateSession();
    await client.close();
    await audited('cancelled');
    await afterTwoMinutes();
    expect(sentCommands()).not.toContain('set_ns');
  });

  it('the HTTP request of the call loses its connection (no cancel notification, no session close)', async () => {
    await start();
    const { client, transport } = await connect();
    const id = await previewId(client);
    hold('set_ns');
    const dropped = new AbortController();
    const headers = {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-session-id': transport.sessionId ?? '',
      'mcp-protocol-version': '2025-11-25',
    };
    const post = fetch(http.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ jsonrpc: '2.0', id: 99, method: 'tools/call', params: confirmedSetNs(id) }),
      signal: dropped.signal,
    }).then((response) => response.body?.getReader().read());
    await driving(queued);
    dropped.abort();
    await post.catch(() => undefined);
    await audited('cancelled');
    await afterTwoMinutes();
    expect(sentCommands()).not.toContain('set_ns');
    await client.close();
  });

  it('the session is closed (DELETE) while the call waits', async () => {
    await start();
    const { client, transport } = await connect();
    const id = await previewId(client);
    hold('set_ns');
    const call = client.callTool(confirmedSetNs(id)).catch((error: unknown) => error);
    await driving(queued);
    await transport.terminateSession();
    await audited('cancelled');
    await afterTwoMinutes();
    expect(sentCommands()).not.toContain('set_ns');
    await client.close();
    await call;
  });
});

describe('reads and writes on the wire', () => {
  it('cancelled reads still waiting in the queue never reach api3', async () => {
    await start();
    const { client } = await connect();
    await fillTheWindow();
    const cancel = new AbortController();
    const calls = [1, 2, 3].map(() => client.callTool({ name: 'domain_info', arguments: { domain: DOMAIN } }, { signal: cancel.signal }).catch(() => 'cancelled'));
    const queue = queueForKey(apiKey, { concurrency: 1, ratePerMinute: RATE });
    while (queue.pending < 3) await new Promise((resolve) => setImmediate(resolve));
    cancel.abort();
    expect(await Promise.all(calls)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    // The client gave up at once; the server hears of it with each notifications/cancelled.
    while (queue.pending > 0) await new Promise((resolve) => setImmediate(resolve));
    await afterTwoMinutes();
    expect(sentCommands()).not.toContain('domain_info');
    await client.close();
  });

  it('a write already on the wire when the client left is carried out once and audited as abandoned', async () => {
    await start();
    const { client } = await connect();
    const id = await previewId(client);
    simulator.setLatency(300);
    const cancel = new AbortController();
    const arrived = simulator.nextRequest('set_ns');
    const call = client.callTool(confirmedSetNs(id), { signal: cancel.signal }).catch(() => 'cancelled');
    await driving(arrived);
    cancel.abort();
    expect(await call).toBe('cancelled');
    await audited('abandoned');
    simulator.setLatency(0);
    expect(sentCommands().filter((command) => command === 'set_ns')).toHaveLength(1);
    expect(audit.map((entry) => [entry.outcome, entry.result])).toEqual([
      ['sending', undefined],
      ['abandoned', 'done'],
    ]);
  });
});
