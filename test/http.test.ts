import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { Client } from '@modelcontextprotocol/client';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import type { CallToolResult } from '@modelcontextprotocol/client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG } from '../tools/index.js';
import { accountPort } from '../tools/ports.js';
import { Api3Client } from '../src/api3/client.js';
import { configSchema } from '../src/config.js';
import { startHttpServer, type RunningHttpServer } from '../src/server/http.js';
import { buildServer } from '../src/server/server.js';
import { startSimulator, type Simulator } from '../src/simulator/server.js';
import { captureStderr } from './helpers/stderr.js';

/**
 * The Streamable HTTP transport end to end: a real SDK client over loopback HTTP to the server,
 * whose api3 is the simulator. Every test starts what it needs and stops it afterwards.
 */

const API_KEY = `http-test-key-${randomBytes(8).toString('hex')}`;
const TOKEN = `mcp-token-${randomBytes(12).toString('hex')}`;

/** Every response body any test saw, checked at the end for leaked secrets. */
const bodiesSeen: string[] = [];
/** The recording fetch's reads of response copies, awaited before the leak check reads bodiesSeen. */
const pendingReads: Array<Promise<unknown>> = [];
let stderr: ReturnType<typeof captureStderr>;

interface Stack {
  simulator: Simulator;
  api: Api3Client;
  http: RunningHttpServer;
  url: URL;
  close(): Promise<void>;
}

const running = new Set<Stack>();

async function startStack(settings: Record<string, unknown> = {}, drainTimeoutMs?: number): Promise<Stack> {
  const simulator = await startSimulator({ maxConcurrentPerKey: 1 });
  const api = new Api3Client({ apiUrl: simulator.url, apiKey: API_KEY, timeoutMs: 5_000, concurrency: 1, ratePerMinute: 100_000 });
  const config = configSchema.parse({ transport: 'http', port: 0, ...settings });
  const makeServer = () => buildServer({ api, account: accountPort, catalog: CATALOG, demo: false, toolsets: 'all' });
  const http = await startHttpServer({ config, makeServer, ...(drainTimeoutMs ? { drainTimeoutMs } : {}) });
  const stack: Stack = {
    simulator,
    api,
    http,
    url: new URL(http.url),
    async close() {
      running.delete(stack);
      await http.close();
      await api.close();
      await simulator.close();
    },
  };
  running.add(stack);
  return stack;
}

/** A fetch that records each response body (without consuming it) for the leak check. */
const recordingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  pendingReads.push(
    response
      .clone()
      .text()
      .then((text) => bodiesSeen.push(text))
      .catch(() => undefined),
  );
  return response;
};

async function connectClient(url: URL, headers: Record<string, string> = {}): Promise<{ client: Client; transport: StreamableHTTPClientTransport }> {
  const transport = new StreamableHTTPClientTransport(url, { requestInit: { headers }, fetch: recordingFetch });
  const client = new Client({ name: 'http-test', version: '1.0.0' });
  await client.connect(transport);
  return { client, transport };
}

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http, because it lets a test set any Host or Origin header, and send oversized bodies. */
function raw(url: URL, options: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: options.path ?? url.pathname,
        method: options.method ?? 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          ...options.headers,
        },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          bodiesSeen.push(body);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const INITIALIZE = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1.0.0' } },
});
const TOOLS_LIST = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} });

function jsonRpcError(response: RawResponse): { code: number; message: string } {
  return (JSON.parse(response.body) as { error: { code: number; message: string } }).error;
}

async function listDomains(client: Client): Promise<CallToolResult> {
  const result = (await client.callTool({ name: 'list_domain', arguments: {} })) as CallToolResult;
  bodiesSeen.push(JSON.stringify(result));
  return result;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(10);
  }
}

beforeAll(() => {
  stderr = captureStderr();
});

afterEach(async () => {
  for (const stack of [...running]) await stack.close();
});

afterAll(() => {
  stderr.restore();
});

describe('HTTP transport', () => {
  it('serves initialize, tools/list and a tool call over loopback', async () => {
    const { url } = await startStack();
    const { client, transport } = await connectClient(url);
    expect(transport.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toContain('list_domain');
    const result = await listDomains(client);
    expect(result.isError).toBeFalsy();
    expect((result.structuredContent as { total: number }).total).toBeGreaterThan(0);
    await client.close();
  });

  it('binds a real port when asked for port 0 and answers /healthz without auth', async () => {
    const { url } = await startStack({ mcpToken: TOKEN });
    expect(Number(url.port)).toBeGreaterThan(0);
    expect(url.pathname).toBe('/mcp');
    const health = await raw(url, { method: 'GET', path: '/healthz' });
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ status: 'ok' });
    expect((await raw(url, { method: 'GET', path: '/nope' })).status).toBe(404);
  });

  it('stateless mode: a preview from one request is confirmed by the next, each served by a fresh server', async () => {
    const { url, simulator } = await startStack({ stateless: 'true' });
    const first = await connectClient(url);
    const previewed = (await first.client.callTool({ name: 'delete', arguments: { domain: 'fresh-idea.xyz' } })) as CallToolResult;
    const id = (previewed.structuredContent as { preview?: { confirmation_id?: string } }).preview?.confirmation_id;
    expect(id).toMatch(/^c1\./);
    await first.client.close();
    const second = await connectClient(url);
    const confirmed = (await second.client.callTool({ name: 'delete', arguments: { domain: 'fresh-idea.xyz', confirm: true, confirmation_id: id } })) as CallToolResult;
    expect(confirmed.structuredContent).toEqual({ domain: 'fresh-idea.xyz', deleted: true });
    expect(simulator.requests.filter((r) => r.command === 'delete')).toHaveLength(1);
    await second.client.close();
  });

  it('stateless mode serves two successive clients, each with a fresh server', async () => {
    const { url } = await startStack({ stateless: 'true' });
    for (let i = 0; i < 2; i++) {
      const { client, transport } = await connectClient(url);
      expect(transport.sessionId).toBeUndefined();
      expect((await client.listTools()).tools.length).toBeGreaterThan(0);
      expect((await listDomains(client)).isError).toBeFalsy();
      await client.close();
    }
    // No session to stream from or to end.
    expect((await raw(url, { method: 'GET', headers: { accept: 'text/event-stream' } })).status).toBe(405);
  });

  it('refuses a foreign Origin with 403 and lets a localhost Origin through', async () => {
    const { url } = await startStack();
    const foreign = await raw(url, { headers: { origin: 'http://evil.example' }, body: INITIALIZE });
    expect(foreign.status).toBe(403);
    expect(jsonRpcError(foreign).message).toMatch(/Origin/);
    expect((await raw(url, { headers: { origin: 'null' }, body: INITIALIZE })).status).toBe(403);

    const { client } = await connectClient(url, { origin: `http://localhost:5173` });
    expect((await client.listTools()).tools.length).toBeGreaterThan(0);
    await client.close();
  });

  it('lets DYNADOT_MCP_ALLOWED_ORIGINS add an origin', async () => {
    const { url } = await startStack({ allowedOrigins: 'https://app.example.com' });
    expect((await raw(url, { headers: { origin: 'https://app.example.com' }, body: INITIALIZE })).status).toBe(200);
    expect((await raw(url, { headers: { origin: 'https://other.example.com' }, body: INITIALIZE })).status).toBe(403);
  });

  it('refuses a foreign Host header with 403 (DNS rebinding)', async () => {
    const { url } = await startStack();
    const rebound = await raw(url, { headers: { host: `evil.example:${url.port}` }, body: INITIALIZE });
    expect(rebound.status).toBe(403);
    expect(jsonRpcError(rebound).message).toMatch(/Host/);
    expect((await raw(url, { headers: { host: 'localhost:1' }, body: INITIALIZE })).status).toBe(403);
    expect((await raw(url, { headers: { host: `evil.example@localhost:${url.port}` }, body: INITIALIZE })).status).toBe(403);
    expect((await raw(url, { headers: { host: `localhost:${url.port}` }, body: INITIALIZE })).status).toBe(200);
  });

  it('requires the bearer token when one is set', async () => {
    const { url } = await startStack({ mcpToken: TOKEN });
    const missing = await raw(url, { body: INITIALIZE });
    expect(missing.status).toBe(401);
    expect(missing.headers['www-authenticate']).toMatch(/^Bearer/);
    const wrong = await raw(url, { headers: { authorization: `Bearer ${TOKEN}x` }, body: INITIALIZE });
    expect(wrong.status).toBe(401);
    expect(wrong.headers['www-authenticate']).toMatch(/invalid_token/);
    expect((await raw(url, { headers: { authorization: 'Bearer short' }, body: INITIALIZE })).status).toBe(401);

    await expect(connectClient(url)).rejects.toThrow();
    const { client } = await connectClient(url, { authorization: `Bearer ${TOKEN}` });
    expect((await listDomains(client)).isError).toBeFalsy();
    await client.close();
  });

  it('refuses to bind beyond loopback without a token', async () => {
    await expect(startStack({ host: '0.0.0.0' })).rejects.toThrow(/DYNADOT_MCP_TOKEN/);
  });

  it('answers 413 to a body over the limit', async () => {
    const { url } = await startStack({ maxBodyBytes: 1024 });
    const padding = 'x'.repeat(4096);
    const big = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { padding } });
    const declared = await raw(url, { body: big });
    expect(declared.status).toBe(413);
    // Without Content-Length the server counts while reading.
    const chunked = await raw(url, { headers: { 'transfer-encoding': 'chunked' }, body: big });
    expect(chunked.status).toBe(413);
    expect((await raw(url, { body: INITIALIZE })).status).toBe(200);
  });

  it('answers bad requests with JSON-RPC errors', async () => {
    const { url } = await startStack();
    const invalid = await raw(url, { body: '{not json' });
    expect(invalid.status).toBe(400);
    expect(jsonRpcError(invalid).code).toBe(-32700);
    const unknown = await raw(url, { headers: { 'mcp-session-id': 'no-such-session' }, body: TOOLS_LIST });
    expect(unknown.status).toBe(404);
    expect(jsonRpcError(unknown).code).toBe(-32001);
    const noSession = await raw(url, { body: TOOLS_LIST });
    expect(noSession.status).toBe(400);
    expect(jsonRpcError(noSession).code).toBe(-32000);
    expect((await raw(url, { method: 'PUT', body: TOOLS_LIST })).status).toBe(405);
  });

  it('caps concurrent sessions and frees a slot when a session is deleted', async () => {
    const { url } = await startStack({ maxSessions: 1 });
    const first = await connectClient(url);
    const refused = await raw(url, { body: INITIALIZE });
    expect(refused.status).toBe(503);
    expect(jsonRpcError(refused).code).toBe(-32000);

    await first.transport.terminateSession(); // DELETE /mcp
    await first.client.close();
    const second = await connectClient(url);
    expect((await second.client.listTools()).tools.length).toBeGreaterThan(0);
    await second.client.close();
  });

  it('closes a session that stays idle past DYNADOT_MCP_SESSION_IDLE_MS', async () => {
    const { url } = await startStack({ sessionIdleMs: 100 });
    const { client, transport } = await connectClient(url);
    // The client's listening stream ends when the server closes the session: that is the event
    // waited for (bounded), instead of a guess at how long the idle timer takes.
    const streamEnded = new Promise<void>((resolve) => {
      client.onerror = () => resolve();
    });
    const sessionId = transport.sessionId ?? '';
    expect((await client.listTools()).tools.length).toBeGreaterThan(0);
    await Promise.race([streamEnded, sleep(3_000)]);
    const expired = await raw(url, { headers: { 'mcp-session-id': sessionId, 'mcp-protocol-version': '2025-06-18' }, body: TOOLS_LIST });
    expect(expired.status).toBe(404);
    await client.close();
  });

  it('close() lets an in-flight call finish, then refuses further requests', async () => {
    const stack = await startStack();
    const { client } = await connectClient(stack.url);
    client.onerror = () => undefined;
    stack.simulator.setLatency(300);
    const call = listDomains(client);
    await until(() => stack.simulator.requests.some((r) => r.command === 'list_domain'));
    const closing = stack.http.close();
    const result = await call;
    expect(result.isError).toBeFalsy();
    await closing;
    await expect(raw(stack.url, { method: 'GET', path: '/healthz' })).rejects.toThrow(/ECONNREFUSED/);
    await expect(client.listTools()).rejects.toThrow();
    await client.close();
  });

  it('close() cuts off requests that outlast the drain timeout', async () => {
    const stack = await startStack({}, 100);
    const { client } = await connectClient(stack.url);
    client.onerror = () => undefined;
    stack.simulator.setLatency(1_000);
    const call = client.callTool({ name: 'list_domain', arguments: {} }).then(
      () => 'finished',
      (error: Error) => error.message,
    );
    await until(() => stack.simulator.requests.some((r) => r.command === 'list_domain'));
    const started = Date.now();
    await stack.http.close();
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(await call).toMatch(/shut down before this request finished/);
    await client.close();
  });

  it('never shows the API key or the token in a response or a log line', async () => {
    // Streams still open (a session's listening GET) only settle when their session closes.
    await Promise.race([Promise.allSettled(pendingReads), sleep(1_000)]);
    const everything = [...bodiesSeen, stderr.text()].join('\n');
    expect(bodiesSeen.length).toBeGreaterThan(10);
    expect(everything).not.toContain(API_KEY);
    expect(everything).not.toContain(TOKEN);
  });
});
