import { Pool, errors as undiciErrors } from 'undici';
import { log } from '../log.js';
import { parseApi3Response, type Api3Payload } from './envelope.js';
import { Api3Error, TRANSIENT_CODES, errorWithHint } from './errors.js';
import { queueForKey, type AccountQueue } from './queue.js';
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
}

/**
 * What api3 is asked to do. `mutates` decides retry policy: a read can be repeated safely, a
 * write whose answer was lost may already have happened and must never be sent twice blindly.
 */
export interface Api3Request {
  command: string;
  params: Api3Params;
  mutates: boolean;
}

/** The seam tools depend on; tests and previews can supply their own. */
export interface Api3 {
  call(request: Api3Request): Promise<Api3Payload>;
}

const RESERVED_PARAMS = new Set(['key', 'command']);

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Failures raised before any byte reached api3: safe to report as "not sent", even for writes. */
function neverSent(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return (
    error instanceof undiciErrors.ConnectTimeoutError ||
    code === 'ECONNREFUSED' ||
    code === 'ENOTFOUND' ||
    code === 'EAI_AGAIN' ||
    code === 'EHOSTUNREACH' ||
    code === 'ENETUNREACH'
  );
}

export class Api3Client implements Api3 {
  private readonly pool: Pool;
  private readonly url: URL;
  private readonly queue: AccountQueue;
  private readonly readRetries: number;
  private readonly retryBaseMs: number;

  constructor(private readonly options: Api3ClientOptions) {
    registerSecret(options.apiKey);
    this.url = new URL(options.apiUrl);
    this.pool = new Pool(this.url.origin, { connections: Math.max(1, options.concurrency), pipelining: 1 });
    this.queue = queueForKey(options.apiKey, { concurrency: options.concurrency, ratePerMinute: options.ratePerMinute });
    this.readRetries = options.readRetries ?? 2;
    this.retryBaseMs = options.retryBaseMs ?? 300;
  }

  async close(): Promise<void> {
    await this.pool.close();
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

  async call(request: Api3Request): Promise<Api3Payload> {
    const maxAttempts = request.mutates ? 1 : 1 + this.readRetries;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.queue.run(() => this.attempt(request));
      } catch (raw) {
        const error = raw instanceof Api3Error ? raw : new Api3Error('api_error', redact(String((raw as Error)?.message ?? raw)));
        error.attempts = attempt;
        if (attempt >= maxAttempts || !TRANSIENT_CODES.has(error.code)) throw error;
        const delay = this.retryBaseMs * 2 ** (attempt - 1) * (0.75 + Math.random() * 0.5);
        log('debug', `api3 ${request.command}: ${error.code}, retry ${attempt} in ${Math.round(delay)} ms`);
        await sleep(delay);
      }
    }
  }

  private async attempt(request: Api3Request): Promise<Api3Payload> {
    const path = this.pathFor(request);
    const started = Date.now();
    let text: string;
    let status: number;
    try {
      const response = await this.pool.request({
        path,
        method: 'GET',
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(this.options.timeoutMs),
        headersTimeout: this.options.timeoutMs,
        bodyTimeout: this.options.timeoutMs,
      });
      status = response.statusCode;
      text = await response.body.text();
    } catch (error) {
      throw this.transportFailure(request, error);
    } finally {
      log('debug', `api3 ${request.command} ${Date.now() - started} ms`);
    }
    if (status >= 500 || status === 429) {
      if (request.mutates) throw this.unknownOutcome(request, `api3 answered HTTP ${status}`);
      throw errorWithHint(status === 429 ? 'rate_limited' : 'upstream_unavailable', `api3 answered HTTP ${status}`);
    }
    if (status === 401 || status === 403) throw errorWithHint('permission_denied', `api3 answered HTTP ${status}`);
    if (status !== 200) throw errorWithHint('api_error', `api3 answered HTTP ${status}`);
    try {
      return parseApi3Response(text);
    } catch (error) {
      // An unreadable answer to a write says nothing about whether the write happened.
      if (request.mutates && error instanceof Api3Error && error.api3Message === undefined) {
        throw this.unknownOutcome(request, error.message);
      }
      throw error;
    }
  }

  private transportFailure(request: Api3Request, error: unknown): Api3Error {
    const name = (error as Error)?.name;
    const timedOut =
      name === 'TimeoutError' ||
      error instanceof undiciErrors.HeadersTimeoutError ||
      error instanceof undiciErrors.BodyTimeoutError;
    const detail = redact(String((error as Error)?.message ?? error));
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
      'Do not repeat it blindly. Check first: is_processing tells whether api3 is still working on it; domain_info, get_dns, list_domain or get_account_balance show whether it took effect.',
    );
  }
}
