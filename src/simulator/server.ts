import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { HANDLERS } from './handlers/index.js';
import { accountText, loadAccount, saveAccount } from './persist.js';
import { leaveOrdersPending } from './handlers/orders.js';
import { advanceTransfers } from './handlers/transfers.js';
import { toLiveDialect } from './live-dialect.js';
import { seedAccount, type SimAccount } from './state.js';
import { SimFailure, type SimParams } from './types.js';

/**
 * A stateful api3.json on loopback: the demo mode's backend and every test's api3. It answers
 * in the document's example shapes, enforces what a user would hit (balance, unknown domains,
 * one request at a time per key) and injects faults on demand.
 */
export type FaultKind = 'http500' | 'html' | 'malformed' | 'hang' | 'reset' | 'busy' | 'rate_limited';

export interface Fault {
  kind: FaultKind;
  /** How many requests it hits; default 1. */
  times?: number;
  /** Only requests for this command. */
  command?: string;
  /**
   * rate_limited only: answer as live api3 does, HTTP 200 on the generic root with
   * "Too many requests. Please try again in N minute after." Without it the text is just
   * "Too many requests" (api3 sometimes names no duration).
   */
  minutes?: number;
  /** rate_limited only: answer HTTP 429 with this `Retry-After` header (seconds or an HTTP date) instead. */
  retryAfter?: string;
}

type ArmedFault = Fault & { times: number };

/** api3's rate-limit answer for a fault: HTTP 429 with Retry-After, or HTTP 200 with its text. */
function rateLimitAnswer(res: ServerResponse, fault: Fault): void {
  if (fault.retryAfter !== undefined) {
    const body = 'Too many requests';
    res.writeHead(429, { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(body), 'retry-after': fault.retryAfter });
    res.end(body);
    return;
  }
  const error = fault.minutes === undefined ? 'Too many requests' : `Too many requests. Please try again in ${fault.minutes} minute after.`;
  send(res, 200, JSON.stringify({ Response: { ResponseCode: '-1', Error: error } }));
}

export interface LoggedRequest {
  command: string;
  /** The query without the key. */
  params: Record<string, string>;
  at: number;
}

/**
 * How many requests the log keeps: the latest, enough for any test's look at what one task sent.
 * A demo server runs for days: a log of every request would grow with every call.
 */
export const REQUEST_LOG_LIMIT = 1_000;

export interface SimulatorOptions {
  port?: number;
  /**
   * Demo mode: the account is read from this file at start (when there) and written back after
   * every request that changed it, so a restarted demo continues where it was (persist.ts).
   */
  persistTo?: string;
  /** More domains in the seeded account, for a portfolio-sized demo (portfolioDomains in state.ts). */
  portfolio?: number;
  /** Requests the log keeps, the oldest dropped first; default REQUEST_LOG_LIMIT. */
  requestLogLimit?: number;
  /** Keys api3 accepts; any other gets api3's invalid-key answer. Default: accept any key. */
  keys?: readonly string[];
  /** Delay before each answer, to make overlapping requests observable. */
  latencyMs?: number;
  /** Requests allowed in flight per key before api3's "too many requests" answer. */
  maxConcurrentPerKey?: number;
  now?: number;
  account?: SimAccount;
  /** Answer as live api3 words it (sentence prices, name server objects) instead of as the document does. */
  dialect?: Dialect;
}

/** `document`: the examples' shapes; `live`: what the real service sends (src/simulator/live-dialect.ts). */
export type Dialect = 'document' | 'live';

/**
 * An answer live api3 gives that the document never shows (a bare refusing status, an accepted
 * but unfinished order, an outage worded another way), injected for the next requests.
 */
export interface InjectedAnswer {
  /** Only requests for this command. */
  command: string;
  /** The whole JSON body sent back, HTTP 200. */
  body: Record<string, unknown>;
  /** Run the command first (its state change happens), then answer `body`: an order api3 created but reports as pending. */
  afterRunning?: boolean;
  /** How many requests it answers; default 1. */
  times?: number;
}

export interface Simulator {
  url: string;
  account: SimAccount;
  /** The latest requests (at most the log limit), oldest first; emptied by reset or `length = 0`. */
  requests: LoggedRequest[];
  /** Every request received since start or reset, beyond what the log still holds. */
  readonly requestCount: number;
  /** Highest number of requests ever in flight at once for one key. */
  maxInFlightSeen: number;
  /** Requests refused ("Too many requests") because the key already had maxConcurrentPerKey in flight. */
  concurrencyRefusals: number;
  /** Resolves with the next request to arrive (for `command`, when given): an event to wait for, not a sleep. */
  nextRequest(command?: string): Promise<LoggedRequest>;
  injectFault(fault: Fault): void;
  /** Answers the next `times` requests for a command with a body of the test's choosing. */
  injectAnswer(answer: InjectedAnswer): void;
  clearFaults(): void;
  setDialect(dialect: Dialect): void;
  setLatency(ms: number): void;
  reset(): void;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string, type = 'application/json'): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const fixedNow = options.now;
  const clock = () => fixedNow ?? Date.now();
  let account = options.account ?? (options.persistTo ? loadAccount(options.persistTo) : undefined) ?? seedAccount(clock(), true, options.portfolio);
  let persisted = options.persistTo ? accountText(account) : '';
  /** After a request: the account written back when it changed (a read changes nothing, so costs only the comparison). */
  const persist = () => {
    if (!options.persistTo) return;
    const text = accountText(account);
    if (text === persisted) return;
    saveAccount(options.persistTo, text);
    persisted = text;
  };
  const requests: LoggedRequest[] = [];
  const logLimit = Math.max(1, options.requestLogLimit ?? REQUEST_LOG_LIMIT);
  let requestCount = 0;
  let arrivals: Array<{ command: string | undefined; notify(request: LoggedRequest): void }> = [];
  let faults: ArmedFault[] = [];
  let injected: Array<InjectedAnswer & { times: number }> = [];
  let dialect: Dialect = options.dialect ?? 'document';
  let latencyMs = options.latencyMs ?? 0;
  const inFlight = new Map<string, number>();
  const sockets = new Set<Socket>();
  const hung = new Set<ServerResponse>();
  const sim: Simulator = {
    url: '',
    get account() {
      return account;
    },
    requests,
    get requestCount() {
      return requestCount;
    },
    maxInFlightSeen: 0,
    concurrencyRefusals: 0,
    nextRequest: (command) => new Promise((notify) => arrivals.push({ command, notify })),
    injectFault: (fault) => faults.push({ ...fault, times: fault.times ?? 1 }),
    injectAnswer: (answer) => injected.push({ ...answer, times: answer.times ?? 1 }),
    clearFaults: () => {
      faults = [];
      injected = [];
    },
    setDialect: (next) => {
      dialect = next;
    },
    setLatency: (ms) => {
      latencyMs = ms;
    },
    reset: () => {
      account = seedAccount(clock(), true, options.portfolio);
      requests.length = 0;
      requestCount = 0;
      faults = [];
      injected = [];
      dialect = options.dialect ?? 'document';
      sim.maxInFlightSeen = 0;
      sim.concurrencyRefusals = 0;
    },
    close: async () => {
      for (const res of hung) res.destroy();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  function takeInjected(command: string): InjectedAnswer | undefined {
    const found = injected.find((a) => a.times > 0 && a.command === command);
    if (!found) return undefined;
    found.times--;
    injected = injected.filter((a) => a.times > 0);
    return found;
  }

  function takeFault(command: string): ArmedFault | undefined {
    const fault = faults.find((f) => f.times > 0 && (f.command === undefined || f.command === command));
    if (!fault) return undefined;
    fault.times--;
    faults = faults.filter((f) => f.times > 0);
    return fault;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sim');
    if (!url.pathname.endsWith('/api3.json')) return send(res, 404, 'not found', 'text/plain');
    const query = Object.fromEntries(url.searchParams.entries());
    const { key = '', command = '', ...params } = query;
    const logged = { command, params, at: Date.now() };
    requests.push(logged);
    requestCount++;
    // Dropped in batches of a tenth, so the log is not shifted on every request once full.
    if (requests.length > logLimit) requests.splice(0, requests.length - logLimit + Math.floor(logLimit / 10));
    const matched = arrivals.filter((a) => a.command === undefined || a.command === command);
    arrivals = arrivals.filter((a) => !matched.includes(a));
    for (const arrival of matched) arrival.notify(logged);

    const armed = takeFault(command);
    const fault = armed?.kind;
    if (fault === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault === 'hang') {
      hung.add(res);
      res.on('close', () => hung.delete(res));
      return;
    }
    if (fault === 'http500') return send(res, 500, '{"error":"internal"}');
    if (fault === 'html') return send(res, 502, '<html><body><h1>502 Bad Gateway</h1></body></html>', 'text/html');
    if (fault === 'malformed') return send(res, 200, '{"SearchResponse": {"ResponseCode": "0", "SearchRes');
    if (fault === 'busy') return send(res, 200, JSON.stringify({ Response: { ResponseCode: '-1', Error: 'system_busy' } }));
    if (armed && fault === 'rate_limited') return rateLimitAnswer(res, armed);

    if (options.keys && !options.keys.includes(key)) {
      return send(res, 200, JSON.stringify({ Response: { ResponseCode: '-1', Error: 'invalid key' } }));
    }
    const limit = options.maxConcurrentPerKey ?? 1;
    const current = (inFlight.get(key) ?? 0) + 1;
    if (current > limit) {
      sim.concurrencyRefusals++;
      return send(res, 200, JSON.stringify({ Response: { ResponseCode: '-1', Error: 'Too many requests' } }));
    }
    inFlight.set(key, current);
    sim.maxInFlightSeen = Math.max(sim.maxInFlightSeen, current);
    try {
      if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
      const replacement = takeInjected(command);
      if (replacement && !replacement.afterRunning) return send(res, 200, JSON.stringify(replacement.body));
      const firstNewOrder = account.nextOrderId;
      const result = answer(command, params, account, clock(), key);
      if (replacement) {
        if (isPendingAnswer(replacement.body)) leaveOrdersPending(account, firstNewOrder);
        return send(res, 200, JSON.stringify(replacement.body));
      }
      send(res, 200, JSON.stringify(dialect === 'live' ? toLiveDialect(command, result, account) : result));
    } finally {
      inFlight.set(key, (inFlight.get(key) ?? 1) - 1);
    }
  }

  const server: Server = createServer((req, res) => {
    handle(req, res)
      .catch((error: unknown) => {
        if (!res.headersSent) send(res, 500, JSON.stringify({ error: String(error) }));
      })
      .finally(persist);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the simulator is not listening on a TCP port');
  sim.url = `http://127.0.0.1:${address.port}/api3.json`;
  return sim;
}

/** An injected `order_pending_process` answer: the order its command created stays unfinished. */
function isPendingAnswer(body: Record<string, unknown>): boolean {
  return Object.values(body).some((root) => root !== null && typeof root === 'object' && 'Status' in root && root.Status === 'order_pending_process');
}

/**
 * One command's answer, success or api3-style failure, from the account `key` belongs to (a
 * peer's own key, else the simulator's account), after the clock has moved transfers on.
 */
export function answer(command: string, params: SimParams, root: SimAccount, now: number, key?: string): Record<string, unknown> {
  const handler = HANDLERS[command];
  if (!handler) return { Response: { ResponseCode: '-1', Error: `The command "${command}" is not supported by the simulator` } };
  const account = [...root.peers.values()].find((peer) => key !== undefined && peer.apiKey === key) ?? root;
  advanceTransfers(root, now);
  // The newer aftermarket commands answer root-less, in snake_case: `{ "status": "error", "error": ... }` when refused.
  const rootless = handler.root === '';
  try {
    const body = handler.handle(params, { account, now, root });
    return rootless ? body : { [handler.root]: body };
  } catch (error) {
    if (error instanceof SimFailure)
      return rootless ? { status: 'error', error: error.message } : { [handler.root]: { ResponseCode: '-1', Status: 'error', Error: error.message } };
    throw error;
  }
}
