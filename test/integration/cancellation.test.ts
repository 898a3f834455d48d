import { Client, InMemoryTransport, StreamableHTTPClientTransport, type CallToolResult } from '@modelcontextprotocol/client';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Api3 } from '../../src/api3/client.js';
import { configSchema } from '../../src/config.js';
import type { AuditEntry } from '../../src/server/audit.js';
import { defineComposite, type AnyToolSpec } from '../../src/server/define.js';
import { startHttpServer, type RunningHttpServer } from '../../src/server/http.js';
import { buildServer } from '../../src/server/server.js';
import { accountPort } from '../../tools/ports.js';

/**
 * Every tool call runs under an AbortSignal (ToolContext.signal) that aborts when the client no
 * longer waits for it: notifications/cancelled, the connection or session closing, the HTTP
 * exchange of the call closing (a 2025 POST whose connection dropped, a 2026-07-28 response
 * stream the client closed). Two tools stand in for the catalog: one that waits until its
 * signal aborts, and a write that ends only after the client left (audited as abandoned).
 * That queued api3 calls are then never sent is the api3 layer's part, tested there.
 */
const started: AbortSignal[] = [];
let release: (() => void) | undefined;

const waitForAbort = defineComposite({
  name: 'wait_for_abort',
  toolset: 'account',
  title: 'Wait for abort',
  description: 'Waits until the call is abandoned.',
  effect: 'read',
  input: z.object({}),
  output: z.object({ aborted: z.boolean() }),
  run: async (_args, ctx) => {
    const signal = ctx.signal;
    if (!signal) throw new Error('no signal in the tool context');
    started.push(signal);
    await new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));
    return { aborted: true };
  },
});

/** A write already "on the wire": it finishes when the test releases it, whatever the client does. */
const slowWrite = defineComposite({
  name: 'slow_write',
  toolset: 'account',
  title: 'Slow write',
  description: 'A write that takes a while.',
  effect: 'write',
  input: z.object({}),
  output: z.object({ ok: z.boolean() }),
  run: async (_args, ctx) => {
    if (ctx.signal) started.push(ctx.signal);
    await new Promise<void>((resolve) => (release = resolve));
    return { ok: true };
  },
});

const CATALOG: AnyToolSpec[] = [waitForAbort, slowWrite];
const api: Api3 = {
  call: () => Promise.reject(new Error('no api3 in this test')),
};

/** Resolves once `count` calls have started running. */
async function whenStarted(count: number): Promise<AbortSignal> {
  while (started.length < count) await new Promise((resolve) => setImmediate(resolve));
  return started[count - 1] as AbortSignal;
}

function aborted(signal: AbortSignal): Promise<void> {
  return signal.aborted ? Promise.resolve() : new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  started.length = 0;
  release?.();
  release = undefined;
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function inMemory(audit?: (entry: AuditEntry) => void): Promise<Client> {
  const server = buildServer({ api, account: accountPort, catalog: CATALOG, demo: false, toolsets: 'all', ...(audit ? { audit } : {}) });
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'cancel', version: '1.0.0' });
  await Promise.all([server.connect(serverTransport), client.connect(clientTransport)]);
  cleanups.push(() => client.close(), () => server.close());
  return client;
}

async function overHttp(settings: Record<string, unknown> = {}): Promise<RunningHttpServer> {
  const config = configSchema.parse({ transport: 'http', port: 0, ...settings });
  const http = await startHttpServer({ config, makeServer: () => buildServer({ api, account: accountPort, catalog: CATALOG, demo: false, toolsets: 'all' }), drainTimeoutMs: 200 });
  cleanups.push(() => http.close());
  return http;
}

describe('the signal of a tool call', () => {
  it('aborts when the client cancels the request (notifications/cancelled)', async () => {
    const client = await inMemory();
    const cancel = new AbortController();
    const call = client.callTool({ name: 'wait_for_abort', arguments: {} }, { signal: cancel.signal });
    const signal = await whenStarted(1);
    cancel.abort();
    await expect(call).rejects.toThrow();
    await aborted(signal);
    expect(signal.aborted).toBe(true);
  });

  it('aborts for every call in flight when the connection closes', async () => {
    const client = await inMemory();
    const calls = [1, 2].map(() => client.callTool({ name: 'wait_for_abort', arguments: {} }).catch(() => undefined));
    const [first, second] = [await whenStarted(1), await whenStarted(2)];
    await client.close();
    await Promise.all([aborted(first), aborted(second), ...calls]);
    expect([first.aborted, second.aborted]).toEqual([true, true]);
  });

  it('a write on the wire when the client left is audited as abandoned, with how it ended', async () => {
    const entries: AuditEntry[] = [];
    const client = await inMemory((entry) => entries.push(entry));
    const cancel = new AbortController();
    const call = client.callTool({ name: 'slow_write', arguments: {} }, { signal: cancel.signal }).catch(() => undefined);
    const signal = await whenStarted(1);
    cancel.abort();
    await aborted(signal);
    release?.();
    await call;
    while (entries.length < 2) await new Promise((resolve) => setImmediate(resolve));
    expect(entries.map((entry) => [entry.outcome, entry.result])).toEqual([
      ['sending', undefined],
      ['abandoned', 'done'],
    ]);
  });

  it('2025 era over HTTP: aborts when the POST of the call loses its connection', async () => {
    const http = await overHttp();
    const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
    const init = await fetch(http.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } }),
    });
    const session = init.headers.get('mcp-session-id') ?? '';
    await init.body?.cancel();
    const sessionHeaders = { ...headers, 'mcp-session-id': session, 'mcp-protocol-version': '2025-06-18' };
    await fetch(http.url, { method: 'POST', headers: sessionHeaders, body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }) });
    const dropped = new AbortController();
    const post = fetch(http.url, {
      method: 'POST',
      headers: sessionHeaders,
      body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'wait_for_abort', arguments: {} } }),
      signal: dropped.signal,
    }).then((response) => response.body?.getReader().read());
    const signal = await whenStarted(1);
    dropped.abort();
    await post.catch(() => undefined);
    await aborted(signal);
    expect(signal.aborted).toBe(true);
  });

  it('2025 era over HTTP: aborts when the session is deleted', async () => {
    const http = await overHttp();
    const transport = new StreamableHTTPClientTransport(new URL(http.url));
    const client = new Client({ name: 'cancel', version: '1.0.0' });
    await client.connect(transport);
    const call = client.callTool({ name: 'wait_for_abort', arguments: {} }).catch(() => undefined);
    const signal = await whenStarted(1);
    await transport.terminateSession();
    await aborted(signal);
    expect(signal.aborted).toBe(true);
    await client.close();
    await call;
  });

  it('2026-07-28 over HTTP: aborts when the client gives up the call and closes its response stream', async () => {
    const http = await overHttp();
    const client = new Client({ name: 'cancel', version: '1.0.0' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
    await client.connect(new StreamableHTTPClientTransport(new URL(http.url)));
    cleanups.push(() => client.close());
    expect(client.getProtocolEra()).toBe('modern');
    const cancel = new AbortController();
    const call = client.callTool({ name: 'wait_for_abort', arguments: {} }, { signal: cancel.signal }) as Promise<CallToolResult>;
    const signal = await whenStarted(1);
    cancel.abort();
    await expect(call).rejects.toThrow();
    await aborted(signal);
    expect(signal.aborted).toBe(true);
  });
});
