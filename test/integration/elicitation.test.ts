import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Client, InMemoryTransport, type CallToolResult, type ElicitRequest, type ElicitResult, type JSONRPCMessage } from '@modelcontextprotocol/client';
import { CATALOG } from '../../tools/index.js';
import { accountPort } from '../../tools/ports.js';
import { Api3Client } from '../../src/api3/client.js';
import { Confirmations } from '../../src/server/confirmation.js';
import { buildServer } from '../../src/server/server.js';
import { startSimulator, type Simulator } from '../../src/simulator/server.js';
import { TEST_KEY } from '../helpers/harness.js';

/**
 * Item 5 of issue 9: a client that declared elicitation is asked to approve a destructive call
 * itself. The harness is test/helpers/harness.ts's (real Client and server over in-memory
 * transports, the simulator over loopback) with the client options this needs: an elicitation
 * capability and a handler each test sets, and a log of what the server sent to the client.
 */
type Json = Record<string, any>;
type Answer = (request: ElicitRequest, signal: AbortSignal) => ElicitResult | Promise<ElicitResult>;

/** The server's bounded wait for an answer, small so "no answer" ends quickly. */
const WAIT_MS = 150;

interface Session {
  client: Client;
  /** Every elicitation/create the client received, with its params. */
  asked: ElicitRequest['params'][];
  /** Methods of every request and notification the server sent to the client. */
  sentToClient: string[];
  call(name: string, args: Record<string, unknown>): Promise<CallToolResult>;
  close(): Promise<void>;
}

let simulator: Simulator;
let api: Api3Client;
/** One confirmation secret for every server here, as replicas sharing DYNADOT_CONFIRM_SECRET would. */
const confirmations = new Confirmations();
let answer: Answer;

async function connect(options: { elicitation: boolean; timeoutMs?: number; spendCap?: number }): Promise<Session> {
  const server = buildServer({
    api,
    account: accountPort,
    catalog: CATALOG,
    demo: false,
    toolsets: 'all',
    confirmations,
    elicitationTimeoutMs: options.timeoutMs ?? WAIT_MS,
    ...(options.spendCap !== undefined ? { spendCap: options.spendCap } : {}),
  });
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  const sentToClient: string[] = [];
  const send = serverTransport.send.bind(serverTransport);
  serverTransport.send = (message: JSONRPCMessage, opts) => {
    if ('method' in message) sentToClient.push(message.method);
    return send(message, opts);
  };
  const client = new Client({ name: 'elicitation-harness', version: '1.0.0' }, options.elicitation ? { capabilities: { elicitation: {} } } : {});
  const asked: ElicitRequest['params'][] = [];
  if (options.elicitation) {
    client.setRequestHandler('elicitation/create', async (request, ctx) => {
      asked.push(request.params);
      return answer(request, ctx.mcpReq.signal);
    });
  }
  await Promise.all([server.connect(serverTransport), client.connect(clientTransport)]);
  return {
    client,
    asked,
    sentToClient,
    call: (name, args) => client.callTool({ name, arguments: args }) as Promise<CallToolResult>,
    async close() {
      await client.close();
      await server.close();
    },
  };
}

const commands = () => simulator.requests.map((r) => r.command);
const countOf = (command: string) => commands().filter((c) => c === command).length;
const approve: Answer = () => ({ action: 'accept', content: { approve: true } });

beforeAll(async () => {
  simulator = await startSimulator({ maxConcurrentPerKey: 1 });
  api = new Api3Client({
    apiUrl: simulator.url,
    apiKey: `${TEST_KEY}-elicitation-${process.pid}`,
    timeoutMs: 2_000,
    concurrency: 1,
    ratePerMinute: 100_000,
    readRetries: 2,
    retryBaseMs: 5,
  });
});
afterAll(async () => {
  await api.close();
  await simulator.close();
});

describe('a client that declared elicitation', () => {
  let s: Session;
  beforeAll(async () => {
    s = await connect({ elicitation: true });
  });
  afterAll(async () => s.close());
  beforeEach(() => {
    simulator.reset();
    s.asked.length = 0;
    answer = approve;
  });

  it('accept with approve: true sends exactly one delete, and the answer is its result', async () => {
    const result = await s.call('delete', { domain: 'fresh-idea.xyz' });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual({ domain: 'fresh-idea.xyz', deleted: true });
    expect(s.asked).toHaveLength(1);
    expect(countOf('delete')).toBe(1);
    expect(simulator.account.domains.has('fresh-idea.xyz')).toBe(false);
  });

  it('accept with approve: true on set_ns sends exactly one set_ns', async () => {
    const result = await s.call('set_ns', { domains: ['widgetlab.io'], name_servers: ['ns1.acme-widgets.com'] });
    expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
    expect((result.structuredContent as Json).preview).toBeUndefined();
    expect(countOf('set_ns')).toBe(1);
    expect(simulator.account.domains.get('widgetlab.io')?.nameServers).toEqual({ kind: 'nameservers', hosts: ['ns1.acme-widgets.com'] });
  });

  it.each([
    ['decline', (): ElicitResult => ({ action: 'decline' })],
    ['cancel', (): ElicitResult => ({ action: 'cancel' })],
    ['accept with approve: false', (): ElicitResult => ({ action: 'accept', content: { approve: false } })],
  ])('%s: nothing is sent and the preview says the user declined in the client', async (_name, reply) => {
    answer = reply;
    const result = await s.call('delete', { domain: 'fresh-idea.xyz' });
    expect(result.isError).toBeFalsy();
    const preview = (result.structuredContent as Json).preview;
    expect(preview, JSON.stringify(result.structuredContent)).toBeDefined();
    expect(preview.why_not_sent).toMatch(/user declined .*in the client/);
    // The user said no: no id to confirm with behind their back.
    expect(preview.confirmation_id).toBeUndefined();
    expect(s.asked).toHaveLength(1);
    expect(commands()).not.toContain('delete');
    expect(simulator.account.domains.has('fresh-idea.xyz')).toBe(true);
  });

  it('a handler that never answers: after the bounded wait, the preview, and the request is cancelled', async () => {
    let aborted!: () => void;
    const cancelled = new Promise<void>((resolve) => {
      aborted = resolve;
    });
    answer = (_request, signal) => {
      signal.addEventListener('abort', () => aborted(), { once: true });
      return new Promise<ElicitResult>(() => undefined);
    };
    const result = await s.call('delete', { domain: 'fresh-idea.xyz' });
    const preview = (result.structuredContent as Json).preview;
    expect(preview, JSON.stringify(result.structuredContent)).toBeDefined();
    expect(preview.confirmation_id).toEqual(expect.any(String));
    expect(preview.why_not_sent).toMatch(/No answer/);
    expect(s.asked).toHaveLength(1);
    expect(commands()).not.toContain('delete');
    await cancelled;
  });

  it('an accepted answer goes through the gate again: changed facts mean a fresh preview, nothing sent', async () => {
    answer = () => {
      const domain = simulator.account.domains.get('widgetlab.io');
      if (domain) domain.nameServers = { kind: 'nameservers', hosts: ['ns2.cloudhost.example'] };
      return { action: 'accept', content: { approve: true } };
    };
    const result = await s.call('set_ns', { domains: ['widgetlab.io'], name_servers: ['ns1.acme-widgets.com'] });
    const preview = (result.structuredContent as Json).preview;
    expect(preview, JSON.stringify(result.structuredContent)).toBeDefined();
    expect(preview.why_not_sent).toMatch(/changed/);
    expect(commands()).not.toContain('set_ns');
  });

  it('a destructive tool that needs no confirmation for this state is not asked about', async () => {
    // Appending to a domain already on Dynadot DNS keeps what it has.
    const records = [{ subdomain: 'x', type: 'a', value: '192.0.2.7' }];
    const result = await s.call('set_dns2', { domains: ['acme-widgets.com'], records, append: true });
    expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
    expect((result.structuredContent as Json).preview).toBeUndefined();
    expect(s.asked).toHaveLength(0);
    expect(countOf('set_dns2')).toBe(1);
  });

  it('the question shows the facts: the domain, its current and new name servers, in short lines', async () => {
    answer = () => ({ action: 'decline' });
    await s.call('set_ns', { domains: ['widgetlab.io'], name_servers: ['ns1.acme-widgets.com'] });
    expect(s.asked).toHaveLength(1);
    const params = s.asked[0] as Json;
    const message = String(params.message);
    expect(message).toMatch(/set_ns/);
    expect(message).toMatch(/widgetlab\.io/);
    expect(message).toMatch(/ns1\.cloudhost\.example, ns2\.cloudhost\.example/);
    expect(message).toMatch(/ns1\.acme-widgets\.com/);
    expect(message).not.toMatch(/[{}"]/);
    expect(params.requestedSchema).toEqual({
      type: 'object',
      properties: { approve: expect.objectContaining({ type: 'boolean' }) },
      required: ['approve'],
    });
  });

  it('the question stays short however large the call', async () => {
    answer = () => ({ action: 'decline' });
    const records = Array.from({ length: 20 }, (_, i) => ({ subdomain: `host${i}`, type: 'txt', value: `${'v'.repeat(900)}${i}` }));
    const result = await s.call('set_dns2', { domains: ['acme-widgets.com', 'widget.dev'], records });
    expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
    expect(s.asked).toHaveLength(1);
    const message = String((s.asked[0] as Json).message);
    expect(message.length).toBeLessThanOrEqual(1_500);
    expect(message).toMatch(/acme-widgets\.com/);
    expect(message).toMatch(/more/);
    expect(commands()).not.toContain('set_dns2');
  });
});

describe('a confirmed call with its own valid id', () => {
  it('is not asked again, and sends exactly one delete', async () => {
    simulator.reset();
    const plain = await connect({ elicitation: false });
    const asking = await connect({ elicitation: true });
    try {
      answer = () => {
        throw new Error('must not be asked');
      };
      const first = await plain.call('delete', { domain: 'fresh-idea.xyz' });
      const id = (first.structuredContent as Json).preview?.confirmation_id;
      expect(id, JSON.stringify(first.structuredContent)).toEqual(expect.any(String));
      const result = await asking.call('delete', { domain: 'fresh-idea.xyz', confirm: true, confirmation_id: id });
      expect(result.structuredContent).toEqual({ domain: 'fresh-idea.xyz', deleted: true });
      expect(asking.asked).toHaveLength(0);
      expect(asking.sentToClient).not.toContain('elicitation/create');
      expect(countOf('delete')).toBe(1);
    } finally {
      await plain.close();
      await asking.close();
    }
  });
});

describe('a client without the elicitation capability', () => {
  let s: Session;
  beforeAll(async () => {
    s = await connect({ elicitation: false });
  });
  afterAll(async () => s.close());

  it('gets the preview as before, and no elicitation request', async () => {
    simulator.reset();
    const result = await s.call('delete', { domain: 'fresh-idea.xyz' });
    const preview = (result.structuredContent as Json).preview;
    expect(preview, JSON.stringify(result.structuredContent)).toBeDefined();
    expect(preview.confirmation_id).toEqual(expect.any(String));
    expect(preview.why_not_sent).toBeUndefined();
    expect(s.sentToClient).not.toContain('elicitation/create');
    expect(commands()).not.toContain('delete');
  });
});

describe('elicitation switched off (elicitationTimeoutMs: 0)', () => {
  it('a capable client gets the preview and is not asked', async () => {
    simulator.reset();
    const s = await connect({ elicitation: true, timeoutMs: 0 });
    try {
      answer = approve;
      const result = await s.call('delete', { domain: 'fresh-idea.xyz' });
      expect((result.structuredContent as Json).preview?.confirmation_id).toEqual(expect.any(String));
      expect(s.asked).toHaveLength(0);
      expect(commands()).not.toContain('delete');
    } finally {
      await s.close();
    }
  });
});
