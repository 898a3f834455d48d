import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import {
  createMcpHandler,
  isInitializeRequest,
  isJSONRPCRequest,
  isLegacyRequest,
  WebStandardStreamableHTTPServerTransport,
  type RequestId,
  type Server,
} from '@modelcontextprotocol/server';
import { registerSecret } from '../api3/redact.js';
import type { Config } from '../config.js';
import { errorStack, log } from '../log.js';

/**
 * MCP Streamable HTTP at /mcp over plain node:http, hardened for a server that holds a
 * registrar account: loopback by default, a bearer token required beyond it, Host and Origin
 * checked against DNS rebinding, bounded bodies, sessions and idle time, graceful shutdown.
 *
 * Both protocol eras are served from the one endpoint. After the checks, each request becomes
 * a web-standard Request and `isLegacyRequest` routes it: 2025-era traffic (no per-request
 * `_meta` envelope) to the sessionful Streamable HTTP transport (or a fresh stateless one per
 * request with --stateless), 2026-07-28 traffic to the SDK's per-request `createMcpHandler`
 * with `legacy: 'reject'`. GET and DELETE exist on the 2025 era only.
 */
export interface HttpServerOptions {
  config: Config;
  /** A fresh server per session, per stateless request, and per 2026-07-28 request. */
  makeServer: () => Server;
  /** How long close() lets in-flight requests finish before cutting them off. Default 10 s. */
  drainTimeoutMs?: number;
}

export interface RunningHttpServer {
  /** The MCP endpoint, e.g. http://127.0.0.1:3000/mcp, with the port actually bound. */
  url: string;
  close(): Promise<void>;
}

const MCP_PATH = '/mcp';
const HEALTH_PATH = '/healthz';
const DEFAULT_DRAIN_TIMEOUT_MS = 10_000;

/** Bind addresses that only this machine can reach. */
const LOOPBACK_BIND_HOSTS = new Set(['127.0.0.1', '::1', '[::1]', 'localhost']);
/** Loopback names as `URL.hostname` renders them; the only Host and Origin names a local browser should send. */
const LOOPBACK_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]']);
/** A bare host[:port]: rejects userinfo, paths and other tricks before the URL parser sees them. */
const HOST_HEADER_SYNTAX = /^(?:\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::\d{1,5})?$/i;

// JSON-RPC error codes, as the SDK's transport and examples use them.
const SERVER_ERROR = -32000;
const SESSION_NOT_FOUND = -32001;
const PARSE_ERROR = -32700;
const INTERNAL_ERROR = -32603;

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_BIND_HOSTS.has(host.toLowerCase());
}

interface Session {
  /** Empty until the transport has accepted the initialize request. */
  id: string;
  server: Server;
  transport: WebStandardStreamableHTTPServerTransport;
  /** POST and DELETE requests still being answered; an open GET stream does not count. */
  activeRequests: number;
  lastActivity: number;
  closed: boolean;
}

function sendJson(res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
  const body = JSON.stringify(payload);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers });
  res.end(body);
}

function sendJsonRpcError(res: ServerResponse, status: number, code: number, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { jsonrpc: '2.0', error: { code, message }, id: null }, headers);
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The ids of the JSON-RPC requests (not notifications or responses) in a POST body, batch or single. */
function requestIdsOf(body: unknown): RequestId[] {
  const messages: unknown[] = Array.isArray(body) ? body : [body];
  return messages.filter(isJSONRPCRequest).map((message) => message.id);
}

/** A request close() waits for, and what it needs to answer it with an error if waiting runs out. */
interface InFlightRequest {
  /** The 2025-era transport answering it; a 2026-07-28 request is cut off by closing the modern handler. */
  transport?: WebStandardStreamableHTTPServerTransport;
  requestIds: RequestId[];
}

/**
 * The node request as a web-standard Request for the SDK. Its signal aborts when the HTTP
 * exchange closes before the answer was written (the client dropped the connection or closed
 * the response stream): tool calls of that request see their signal abort.
 */
function toWebRequest(req: IncomingMessage, res: ServerResponse, origin: string, body?: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const exchange = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) exchange.abort(new Error('the client closed the HTTP exchange'));
  });
  return new Request(new URL(req.url ?? '/', origin), {
    method: req.method ?? 'GET',
    headers,
    signal: exchange.signal,
    ...(body !== undefined ? { body } : {}),
  });
}

/** Writes a web-standard Response to the node response, streaming its body (SSE) as it comes. */
async function sendWebResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  res.flushHeaders();
  const reader = response.body.getReader();
  const stop = () => void reader.cancel().catch(() => undefined);
  res.once('close', stop);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (res.destroyed) return;
      if (!res.write(value)) {
        await new Promise<void>((resolve) => {
          const go = () => {
            res.off('drain', go).off('close', go);
            resolve();
          };
          res.once('drain', go).once('close', go);
        });
      }
    }
    res.end();
  } catch {
    res.destroy();
  } finally {
    res.off('close', stop);
  }
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

type BodyResult = { kind: 'ok'; text: string } | { kind: 'too_large' } | { kind: 'aborted' };

/** Reads at most `limit` bytes; stops reading (without buffering the rest) as soon as it is exceeded. */
function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = Number(headerValue(req, 'content-length'));
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve({ kind: 'too_large' });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyResult) => {
      req.off('data', onData).off('end', onEnd).off('error', onAbort).off('aborted', onAbort);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        finish({ kind: 'too_large' });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish({ kind: 'ok', text: Buffer.concat(chunks).toString('utf8') });
    const onAbort = () => finish({ kind: 'aborted' });
    req.on('data', onData).on('end', onEnd).on('error', onAbort).on('aborted', onAbort);
  });
}

export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const { config, makeServer } = options;
  const drainTimeoutMs = options.drainTimeoutMs ?? DEFAULT_DRAIN_TIMEOUT_MS;
  const boundToLoopback = isLoopbackHost(config.host);
  if (!boundToLoopback && !config.mcpToken) {
    throw new Error(
      `refusing to listen on ${config.host} without DYNADOT_MCP_TOKEN: anyone who can reach that address could act on your Dynadot account. ` +
        'Set DYNADOT_MCP_TOKEN (at least 16 characters) and send it as "Authorization: Bearer <token>", or bind to 127.0.0.1.',
    );
  }
  registerSecret(config.mcpToken);
  const tokenDigest = config.mcpToken ? sha256(config.mcpToken) : undefined;
  const extraOrigins = new Set(config.allowedOrigins ?? []);

  const sessions = new Map<string, Session>();
  /** Initialize requests admitted but not yet turned into sessions: they count against the cap too. */
  let pendingInitializations = 0;
  /** Responses close() waits for: everything on /mcp except long-lived GET streams. */
  const inFlight = new Map<ServerResponse, InFlightRequest>();

  /** Remembers which transport answers this response and for which requests, in case close() must cut it off. */
  function noteInFlight(res: ServerResponse, transport: WebStandardStreamableHTTPServerTransport, body: unknown): void {
    const entry = inFlight.get(res);
    if (entry) {
      entry.transport = transport;
      entry.requestIds = requestIdsOf(body);
    }
  }
  let onDrained: (() => void) | undefined;
  let closing = false;
  let boundPort = 0;
  /** Where the web-standard Requests handed to the SDK say they were sent: this server. */
  let requestOrigin = 'http://127.0.0.1';
  /** The 2026-07-28 entry: a fresh server per request, no sessions; 2025-era traffic never reaches it. */
  const modern = createMcpHandler(() => makeServer(), {
    legacy: 'reject',
    maxRequestBodySize: config.maxBodyBytes,
    onerror: (error) => log('debug', `modern entry: ${error.message}`),
  });

  // ---- checks that run before any MCP handling --------------------------------------------

  /**
   * DNS rebinding: a page on evil.example that resolves its name to 127.0.0.1 sends
   * `Host: evil.example`. On loopback only loopback names with our port are genuine. Bound
   * publicly the Host can be anything (proxies, DNS names); the token and Origin check guard it.
   */
  function hostAllowed(host: string | undefined): boolean {
    if (!boundToLoopback) return true;
    if (!host || !HOST_HEADER_SYNTAX.test(host)) return false;
    const url = new URL(`http://${host}`);
    const port = url.port === '' ? 80 : Number(url.port);
    return LOOPBACK_HOSTNAMES.has(url.hostname) && port === boundPort;
  }

  /** Browsers always send Origin on cross-site requests; non-browser clients send none. */
  function originAllowed(origin: string | undefined): boolean {
    if (origin === undefined) return true;
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return false; // includes the opaque origin "null"
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
    return LOOPBACK_HOSTNAMES.has(url.hostname) || extraOrigins.has(url.origin);
  }

  /** Compares sha256 digests so the comparison takes the same time whatever the token's length. */
  function bearerAccepted(authorization: string | undefined): boolean {
    if (!tokenDigest) return true;
    const presented = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? '')?.[1];
    return presented !== undefined && timingSafeEqual(sha256(presented), tokenDigest);
  }

  // ---- sessions -----------------------------------------------------------------------------

  async function closeSession(session: Session, reason: string): Promise<void> {
    if (session.closed) return;
    session.closed = true;
    if (session.id) {
      sessions.delete(session.id);
      log('debug', `session closed (${reason}); ${sessions.size} open`);
    }
    // Closing the server closes its transport, which ends the session's open streams.
    await session.server.close().catch((error: unknown) => log('warn', `closing a session failed: ${String(error)}`));
  }

  /** Answers one request on an existing session, counting it as activity while it runs. */
  async function serveInSession(session: Session, req: IncomingMessage, res: ServerResponse, request: Request, body?: unknown): Promise<void> {
    session.lastActivity = Date.now();
    const countsAsActivity = req.method !== 'GET';
    if (countsAsActivity) {
      session.activeRequests++;
      res.once('close', () => {
        session.activeRequests--;
        session.lastActivity = Date.now();
      });
    }
    noteInFlight(res, session.transport, body);
    await sendWebResponse(res, await session.transport.handleRequest(request, body === undefined ? {} : { parsedBody: body }));
  }

  async function startSession(req: IncomingMessage, res: ServerResponse, request: Request, body: unknown): Promise<void> {
    if (sessions.size + pendingInitializations >= config.maxSessions) {
      log('warn', `refused a new session: ${config.maxSessions} sessions open (DYNADOT_MCP_MAX_SESSIONS)`);
      return sendJsonRpcError(res, 503, SERVER_ERROR, 'Too many open sessions; try again later', { 'retry-after': '5' });
    }
    pendingInitializations++;
    let reserved = true;
    const releaseReservation = () => {
      if (reserved) {
        reserved = false;
        pendingInitializations--;
      }
    };
    const server = makeServer();
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      // Registered before the initialize response goes out, so the client's next request finds it.
      onsessioninitialized: (id) => {
        session.id = id;
        sessions.set(id, session);
        releaseReservation();
        log('debug', `session opened; ${sessions.size} open`);
      },
    });
    const session: Session = { id: '', server, transport, activeRequests: 0, lastActivity: Date.now(), closed: false };
    // Set before connect(): the SDK chains its own handler after this one. DELETE lands here.
    transport.onclose = () => void closeSession(session, 'transport closed');
    transport.onerror = (error) => log('debug', `transport: ${error.message}`);
    try {
      await server.connect(transport);
      await serveInSession(session, req, res, request, body);
    } finally {
      releaseReservation();
      // A rejected initialize (bad params, unsupported version) never became a session.
      if (!session.id) void closeSession(session, 'initialize failed');
    }
  }

  /** Closes sessions nobody has used for sessionIdleMs; an open GET stream alone does not keep one alive. */
  function sweepIdleSessions(): void {
    const cutoff = Date.now() - config.sessionIdleMs;
    for (const session of sessions.values()) {
      if (session.activeRequests === 0 && session.lastActivity < cutoff) void closeSession(session, 'idle');
    }
  }
  const sweepTimer = setInterval(sweepIdleSessions, Math.min(60_000, Math.max(10, Math.floor(config.sessionIdleMs / 2))));
  sweepTimer.unref();

  // ---- request handling ----------------------------------------------------------------------

  async function handlePost(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const contentType = headerValue(req, 'content-type') ?? '';
    if (!contentType.toLowerCase().includes('application/json')) {
      return sendJsonRpcError(res, 415, SERVER_ERROR, 'Unsupported Media Type: Content-Type must be application/json');
    }
    const read = await readBody(req, config.maxBodyBytes);
    if (read.kind === 'aborted') return;
    if (read.kind === 'too_large') {
      // Close the connection: the unread rest of the body must not be taken for the next request.
      return sendJsonRpcError(res, 413, SERVER_ERROR, `Payload Too Large: the limit is ${config.maxBodyBytes} bytes`, {
        connection: 'close',
      });
    }
    let body: unknown;
    try {
      body = JSON.parse(read.text);
    } catch {
      return sendJsonRpcError(res, 400, PARSE_ERROR, 'Parse error: Invalid JSON');
    }

    const request = toWebRequest(req, res, requestOrigin, read.text);
    // 2026-07-28: per request, from a fresh server; the modern entry answers malformed modern claims itself.
    if (!(await isLegacyRequest(request, body))) {
      return sendWebResponse(res, await modern.fetch(request, { parsedBody: body }));
    }

    if (config.stateless) {
      // A fresh server and transport per request: nothing is shared, so any replica can answer.
      const server = makeServer();
      const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });
      transport.onerror = (error) => log('debug', `transport: ${error.message}`);
      res.once('close', () => void server.close().catch(() => undefined));
      await server.connect(transport);
      noteInFlight(res, transport, body);
      await sendWebResponse(res, await transport.handleRequest(request, { parsedBody: body }));
      return;
    }

    const sessionId = headerValue(req, 'mcp-session-id');
    if (sessionId) {
      const session = sessions.get(sessionId);
      if (!session) return sendJsonRpcError(res, 404, SESSION_NOT_FOUND, 'Session not found');
      return serveInSession(session, req, res, request, body);
    }
    if (!isInitializeRequest(body)) {
      return sendJsonRpcError(res, 400, SERVER_ERROR, 'Bad Request: No valid session ID provided');
    }
    return startSession(req, res, request, body);
  }

  /** GET opens the session's server-to-client stream; DELETE ends the session. */
  async function handleSessionRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (config.stateless) {
      return sendJsonRpcError(res, 405, SERVER_ERROR, 'Method not allowed: this server is stateless', { allow: 'POST' });
    }
    const sessionId = headerValue(req, 'mcp-session-id');
    if (!sessionId) return sendJsonRpcError(res, 400, SERVER_ERROR, 'Bad Request: Mcp-Session-Id header is required');
    const session = sessions.get(sessionId);
    if (!session) return sendJsonRpcError(res, 404, SESSION_NOT_FOUND, 'Session not found');
    return serveInSession(session, req, res, toWebRequest(req, res, requestOrigin));
  }

  async function handleMcp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (closing) {
      return sendJsonRpcError(res, 503, SERVER_ERROR, 'Server is shutting down', { connection: 'close' });
    }
    if (!hostAllowed(headerValue(req, 'host'))) {
      log('warn', 'refused a request with a foreign Host header (DNS rebinding protection)');
      return sendJsonRpcError(res, 403, SERVER_ERROR, 'Forbidden: Host header not allowed');
    }
    const origin = headerValue(req, 'origin');
    if (!originAllowed(origin)) {
      log('warn', 'refused a request from a foreign Origin; allow it with DYNADOT_MCP_ALLOWED_ORIGINS', { origin });
      return sendJsonRpcError(res, 403, SERVER_ERROR, 'Forbidden: Origin not allowed');
    }
    const authorization = headerValue(req, 'authorization');
    if (!bearerAccepted(authorization)) {
      const challenge = authorization ? 'Bearer realm="mcp-server-dynadot", error="invalid_token"' : 'Bearer realm="mcp-server-dynadot"';
      return sendJsonRpcError(res, 401, SERVER_ERROR, 'Unauthorized: send Authorization: Bearer <DYNADOT_MCP_TOKEN>', {
        'www-authenticate': challenge,
      });
    }

    // Only GET streams are left out of the drain: they stay open until their session ends.
    if (req.method !== 'GET') {
      inFlight.set(res, { requestIds: [] });
      res.once('close', () => {
        inFlight.delete(res);
        if (inFlight.size === 0) onDrained?.();
      });
    }
    switch (req.method) {
      case 'POST':
        return handlePost(req, res);
      case 'GET':
      case 'DELETE':
        return handleSessionRequest(req, res);
      default:
        return sendJsonRpcError(res, 405, SERVER_ERROR, 'Method not allowed', { allow: config.stateless ? 'POST' : 'GET, POST, DELETE' });
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (path === HEALTH_PATH && (req.method === 'GET' || req.method === 'HEAD')) {
      // Unauthenticated on purpose (load balancers probe it), so it says nothing but up or draining.
      return closing ? sendJson(res, 503, { status: 'closing' }, { connection: 'close' }) : sendJson(res, 200, { status: 'ok' });
    }
    if (path === MCP_PATH) return handleMcp(req, res);
    return sendJson(res, 404, { error: 'not found' });
  }

  const httpServer = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log('error', `HTTP request failed: ${errorStack(error)}`);
      if (!res.headersSent) sendJsonRpcError(res, 500, INTERNAL_ERROR, 'Internal server error');
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      clearInterval(sweepTimer);
      reject(new Error(`cannot listen on ${config.host}:${config.port}: ${error.code ?? error.message}`));
    };
    httpServer.once('error', onError);
    httpServer.listen(config.port, config.host, () => {
      httpServer.off('error', onError);
      resolve();
    });
  });
  httpServer.on('error', (error) => log('error', `HTTP server: ${error.message}`));
  const address = httpServer.address();
  // Listening on a TCP port (never a pipe path here): address() is its AddressInfo.
  boundPort = typeof address === 'object' && address !== null ? address.port : config.port;
  const hostInUrl = config.host.includes(':') && !config.host.startsWith('[') ? `[${config.host}]` : config.host;
  const url = `http://${hostInUrl}:${boundPort}${MCP_PATH}`;
  requestOrigin = new URL(url).origin;

  /** Resolves true once every in-flight request has been answered, false if drainTimeoutMs ran out first. */
  function waitForInFlight(): Promise<boolean> {
    if (inFlight.size === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), drainTimeoutMs);
      onDrained = () => {
        clearTimeout(timer);
        resolve(true);
      };
    });
  }

  /**
   * Answers requests that outlived the drain with an error, so their clients fail now instead
   * of waiting out their own timeout on a stream that ends without a response.
   */
  async function abandonInFlight(): Promise<void> {
    log('warn', `${inFlight.size} request(s) still running after ${drainTimeoutMs} ms; closing anyway`);
    const error = { code: SERVER_ERROR, message: 'Server shut down before this request finished; it may or may not have taken effect' };
    const sends = [...inFlight.values()].flatMap(({ transport, requestIds }) =>
      transport ? requestIds.map((id) => transport.send({ jsonrpc: '2.0', id, error }, { relatedRequestId: id })) : [],
    );
    await Promise.allSettled(sends);
  }

  let closed: Promise<void> | undefined;
  return {
    url,
    close() {
      closed ??= (async () => {
        closing = true;
        clearInterval(sweepTimer);
        // Stops accepting connections and drops idle keep-alive ones; busy ones finish their request.
        const listenerClosed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
        if (!(await waitForInFlight())) await abandonInFlight();
        await Promise.allSettled([modern.close(), ...[...sessions.values()].map((session) => closeSession(session, 'server closing'))]);
        httpServer.closeAllConnections();
        await listenerClosed;
      })();
      return closed;
    },
  };
}
