import type { Pool } from 'undici';
import { errorMessage, log } from '../log.js';
import { parseApi3Response, type Api3Payload } from './envelope.js';
import { Api3Error, TRANSIENT_CODES, errorWithHint } from './errors.js';
import { QueueCancelled, QueuePaused, queueForKey, type Clock, type RequestQueue } from './queue.js';
import { redact, registerSecret } from './redact.js';

export type Api3Params = Record<string, string>;

export interface Api3ClientOptions {
  apiUrl: string;
  apiKey: string;
  timeoutMs: number;
  concurrency: number;
  ratePerMinute: number;
  /** Extra attempts for reads after a transient failure. Writes never get any. */
  readRetries?: number;
  /** First backoff delay; it doubles each attempt, with jitter. */
  retryBaseMs?: number;
  /** The time source of the key's queue (pauses, rate window, deadlines); tests move one by hand. */
  clock?: Clock;
  /** The key's queue when it is shared with other server instances; by default this process's own. */
  queue?: RequestQueue;
}

/**
 * What api3 is asked to do. `mutates` decides retry policy: a read can be repeated safely, a
 * write whose answer was lost may already have happened and must never be sent twice blindly.
 */
export interface Api3Request {
  command: string;
  params: Api3Params;
  mutates: boolean;
  /**
   * The caller's interest in the answer (its MCP client cancelled, timed out or left). A call still
   * queued or waiting to retry is then never sent and fails `cancelled`; a read on the wire is
   * aborted; a write on the wire is left to finish, since aborting would not un-send it and its
   * outcome still matters.
   */
  signal?: AbortSignal;
}

/** The seam tools depend on; tests and previews can supply their own. */
export interface Api3 {
  call(request: Api3Request): Promise<Api3Payload>;
}

const RESERVED_PARAMS = new Set(['key', 'command']);

/** How long to pause when api3 says "Too many requests" without saying for how long. */
export const DEFAULT_RATE_LIMIT_PAUSE_MS = 60_000;
/** Never less: a pause of nothing would just resend at once into the same refusal. */
const MIN_RATE_LIMIT_PAUSE_MS = 1_000;

const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000 };

/**
 * The pause api3's rate-limit text asks for: "Too many requests. Please try again in 1 minute
 * after." -> 60 s, "try again in 30 seconds" -> 30 s; a minute when it names no duration.
 */
export function retryAfterMs(message: string | undefined): number {
  const match = /\bin\s+(\d+(?:\.\d+)?)\s*(sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?)\b/i.exec(message ?? '');
  if (!match) return DEFAULT_RATE_LIMIT_PAUSE_MS;
  const unit = (match[2] ?? 's').charAt(0).toLowerCase();
  const ms = Number(match[1]) * (UNIT_MS[unit] ?? 1_000);
  return Math.max(MIN_RATE_LIMIT_PAUSE_MS, Math.ceil(ms));
}

/** The pause an HTTP `Retry-After` header asks for: delay-seconds or an HTTP date. */
export function retryAfterHeaderMs(value: string | string[] | undefined, now: number): number {
  const text = (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
  if (/^\d+$/.test(text)) return Math.max(MIN_RATE_LIMIT_PAUSE_MS, Number(text) * 1_000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return DEFAULT_RATE_LIMIT_PAUSE_MS;
  return Math.max(MIN_RATE_LIMIT_PAUSE_MS, date - now);
}

const RATE_LIMIT_HINT =
  'Dynadot asked for a pause in requests for this account; nothing was carried out and every call with this key waits until it ends. Call again after retry_after_s seconds, not sooner.';

/** Resolves true after `ms`, or false as soon as `signal` aborts (at once if it already has). */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function toApi3Error(raw: unknown): Api3Error {
  if (raw instanceof Api3Error) return raw;
  return new Api3Error('api_error', redact(raw instanceof Error ? raw.message : String(raw)));
}

/** Whether the attempt in progress may have reached api3; cleared by a failure to connect. */
interface Wire {
  reached: boolean;
}

/** undici's error code; compared by code so that undici is not loaded before the first request. */
function errorCode(error: unknown): unknown {
  return error instanceof Error && 'code' in error ? error.code : undefined;
}

/** Failures raised before any byte reached api3: safe to report as "not sent", even for writes. */
function neverSent(error: unknown): boolean {
  const code = errorCode(error);
  return (
    code === 'UND_ERR_CONNECT_TIMEOUT' ||
    code === 'ECONNREFUSED' ||
    code === 'ENOTFOUND' ||
    code === 'EAI_AGAIN' ||
    code === 'EHOSTUNREACH' ||
    code === 'ENETUNREACH'
  );
}

export class Api3Client implements Api3 {
  /** Made on the first request: undici takes tens of milliseconds to load, and listing tools needs none. */
  private pool: Promise<Pool> | undefined;
  private closed = false;
  private readonly url: URL;
  private readonly queue: RequestQueue;
  private readonly readRetries: number;
  private readonly retryBaseMs: number;

  constructor(private readonly options: Api3ClientOptions) {
    registerSecret(options.apiKey);
    this.url = new URL(options.apiUrl);
    this.queue =
      options.queue ??
      queueForKey(options.apiKey, {
        concurrency: options.concurrency,
        ratePerMinute: options.ratePerMinute,
        ...(options.clock ? { clock: options.clock } : {}),
      });
    this.readRetries = options.readRetries ?? 2;
    this.retryBaseMs = options.retryBaseMs ?? 300;
  }

  async close(): Promise<void> {
    this.closed = true;
    await (await this.pool)?.close();
  }

  private connection(): Promise<Pool> {
    if (this.closed) return Promise.reject(new Error('the api3 client is closed'));
    this.pool ??= import('undici').then(({ Pool }) => new Pool(this.url.origin, { connections: Math.max(1, this.options.concurrency), pipelining: 1 }));
    return this.pool;
  }

  /** The request path and query; the key is in it, so it never leaves this class unredacted. */
  private pathFor(request: Api3Request): string {
    const query = new URLSearchParams(this.url.search);
    query.set('key', this.options.apiKey);
    query.set('command', request.command);
    for (const [name, value] of Object.entries(request.params)) {
      // A spec can only add parameters; it can never replace the key or the command.
      if (RESERVED_PARAMS.has(name)) throw new Api3Error('invalid_input', `parameter "${name}" is reserved`);
      query.append(name, value);
    }
    return `${this.url.pathname}?${query.toString()}`;
  }

  /**
   * Sends one request through the key's queue. A read is retried with backoff after a transient
   * failure; a rate limit is different: api3 named a pause, the queue holds every caller of the key
   * to it, and a read waits for its end (in its place, at the front) if the call's time allows.
   * A call that would have to wait past `timeoutMs` from its start is answered rate_limited at once.
   */
  async call(request: Api3Request): Promise<Api3Payload> {
    const { signal } = request;
    const deadline = this.queue.now() + this.options.timeoutMs;
    let attempts = 0;
    let reached = false;
    let retries = 0;
    let requeued = false;
    const fail = (error: Api3Error): Api3Error => {
      error.attempts = attempts;
      error.sent = reached;
      return error;
    };
    let path: string;
    try {
      // Refused before it queues: a request that can never be sent takes no turn of the key.
      path = this.pathFor(request);
    } catch (raw) {
      throw fail(toApi3Error(raw));
    }
    for (;;) {
      try {
        return await this.queue.run(
          async () => {
            // The turn came in the same tick the caller gave up: still nothing sent, so send nothing.
            if (signal?.aborted) throw new QueueCancelled();
            attempts++;
            const wire: Wire = { reached: false };
            try {
              return await this.attempt(request, path, wire);
            } finally {
              if (wire.reached) reached = true;
            }
          },
          { deadline, front: requeued, mutates: request.mutates, ...(signal ? { signal } : {}) },
        );
      } catch (raw) {
        if (raw instanceof QueueCancelled) throw fail(this.cancelled(request, reached));
        if (raw instanceof QueuePaused) throw fail(this.notSent(request, raw.until));
        const error = fail(toApi3Error(raw));
        if (error.code === 'rate_limited') {
          const until = this.queue.pausedUntil ?? this.queue.now();
          // A write was refused, not performed: the agent decides whether to send it again.
          if (request.mutates || until > deadline) throw fail(this.refused(error, until));
          // Back in the queue with the same signal: a caller gone by then is answered cancelled there.
          requeued = true;
          continue;
        }
        if (request.mutates || retries >= this.readRetries || !TRANSIENT_CODES.has(error.code)) throw error;
        retries++;
        const delay = this.retryBaseMs * 2 ** (retries - 1) * (0.75 + Math.random() * 0.5);
        log('debug', `api3 ${request.command}: ${error.code}, retry ${retries} in ${Math.round(delay)} ms`);
        if (!(await sleep(delay, signal))) throw fail(this.cancelled(request, reached));
        requeued = false;
      }
    }
  }

  /**
   * The caller gave up. Only reads get here once sent (a write on the wire is never aborted), so a
   * sent cancellation changed nothing at Dynadot either.
   */
  private cancelled(request: Api3Request, reached: boolean): Api3Error {
    if (!reached) {
      return errorWithHint('cancelled', `${request.command} was not sent: the client cancelled or left the call while it waited its turn`);
    }
    return errorWithHint(
      'cancelled',
      `${request.command} was cancelled by the client after it was sent; its answer was dropped and it is not tried again`,
      'The client cancelled or left this read; a read changes nothing at Dynadot, so there is nothing to check.',
    );
  }

  /** Seconds until `until`, rounded up, at least 1. */
  private secondsUntil(until: number): number {
    return Math.max(1, Math.ceil((until - this.queue.now()) / 1_000));
  }

  /** api3's own rate-limit answer, with when the call may be tried again. */
  private refused(error: Api3Error, until: number): Api3Error {
    const seconds = this.secondsUntil(until);
    const refusal = new Api3Error(
      'rate_limited',
      `${error.message} (not carried out; requests for this account are paused until ${new Date(until).toISOString()}: try again in ${seconds} s)`,
      { hint: RATE_LIMIT_HINT, ...(error.api3Message === undefined ? {} : { api3Message: error.api3Message }) },
    );
    refusal.retryAfterS = seconds;
    return refusal;
  }

  /** A call the queue would not start: api3's pause for this key ends after the call's deadline. */
  private notSent(request: Api3Request, until: number): Api3Error {
    const seconds = this.secondsUntil(until);
    const error = errorWithHint(
      'rate_limited',
      `${request.command} was not sent: api3 asked for a pause in requests for this account until ${new Date(until).toISOString()}, past this call's ${this.options.timeoutMs} ms timeout; try again in ${seconds} s`,
      RATE_LIMIT_HINT,
    );
    error.retryAfterS = seconds;
    return error;
  }

  /** api3 said "too many requests": hold every caller of this key for as long as it asked. */
  private pauseFor(command: string, ms: number): void {
    log('warn', `api3 ${command}: rate limited; requests for this account paused for ${Math.ceil(ms / 1_000)} s`);
    this.queue.pauseUntil(this.queue.now() + ms);
  }

  private async attempt(request: Api3Request, path: string, wire: Wire): Promise<Api3Payload> {
    const pool = await this.connection();
    const started = Date.now();
    // A timer cleared when the request ends: AbortSignal.timeout's lives out the whole timeout,
    // so a busy server would hold one per request of the last 30 s.
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(new DOMException('api3 did not answer in time', 'TimeoutError')), this.options.timeoutMs);
    timer.unref();
    // Only a read follows the caller: an aborted write would still have been sent, with its outcome lost.
    const signal = request.signal && !request.mutates ? AbortSignal.any([timeout.signal, request.signal]) : timeout.signal;
    let text: string;
    let status: number;
    let retryAfter: string | string[] | undefined;
    try {
      wire.reached = true;
      const response = await pool.request({
        path,
        method: 'GET',
        headers: { accept: 'application/json' },
        signal,
        headersTimeout: this.options.timeoutMs,
        bodyTimeout: this.options.timeoutMs,
      });
      status = response.statusCode;
      retryAfter = response.headers['retry-after'];
      text = await response.body.text();
    } catch (error) {
      if (neverSent(error)) wire.reached = false;
      throw this.transportFailure(request, error);
    } finally {
      clearTimeout(timer);
      log('debug', `api3 ${request.command} ${Date.now() - started} ms`);
    }
    if (status === 429) {
      // A refusal, for reads and writes alike: the request was not carried out.
      this.pauseFor(request.command, retryAfterHeaderMs(retryAfter, this.queue.now()));
      throw errorWithHint('rate_limited', `api3 answered HTTP 429 (too many requests)`);
    }
    if (status >= 500) {
      if (request.mutates) throw this.unknownOutcome(request, `api3 answered HTTP ${status}`);
      throw errorWithHint('upstream_unavailable', `api3 answered HTTP ${status}`);
    }
    if (status === 401 || status === 403) throw errorWithHint('permission_denied', `api3 answered HTTP ${status}`);
    if (status !== 200) throw errorWithHint('api_error', `api3 answered HTTP ${status}`);
    try {
      return parseApi3Response(text);
    } catch (error) {
      // Before this request gives up its place: nothing else for this key may start first.
      if (error instanceof Api3Error && error.code === 'rate_limited') this.pauseFor(request.command, retryAfterMs(error.api3Message));
      // An unreadable answer to a write says nothing about whether the write happened.
      if (request.mutates && error instanceof Api3Error && error.api3Message === undefined) {
        throw this.unknownOutcome(request, error.message);
      }
      throw error;
    }
  }

  private transportFailure(request: Api3Request, error: unknown): Api3Error {
    if (!request.mutates && request.signal?.aborted) return this.cancelled(request, true);
    const name = error instanceof Error ? error.name : undefined;
    const timedOut =
      name === 'TimeoutError' ||
      errorCode(error) === 'UND_ERR_HEADERS_TIMEOUT' ||
      errorCode(error) === 'UND_ERR_BODY_TIMEOUT';
    const detail = redact(errorMessage(error));
    if (neverSent(error)) return errorWithHint('upstream_unavailable', `could not connect to api3 (${detail})`);
    if (request.mutates) return this.unknownOutcome(request, timedOut ? 'api3 did not answer in time' : `the connection failed (${detail})`);
    return timedOut
      ? errorWithHint('timeout', `api3 did not answer within ${this.options.timeoutMs} ms`)
      : errorWithHint('upstream_unavailable', `the connection to api3 failed (${detail})`);
  }

  private unknownOutcome(request: Api3Request, what: string): Api3Error {
    return errorWithHint(
      'unknown_outcome',
      `${what} after the ${request.command} request was sent; it may or may not have been carried out`,
      'Do not repeat it blindly. Check first: is_processing tells whether api3 is still working on it; for a purchase, order_list (today) and get_order_status show the order; domain_info, get_dns, list_domain or get_account_balance show whether it took effect.',
    );
  }
}
