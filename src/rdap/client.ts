import { domainToASCII } from 'node:url';
import type { Agent, Dispatcher } from 'undici';
import { errorMessage } from '../log.js';
import { readLimited } from './body.js';
import { loadBootstrap, type RdapBootstrap } from './bootstrap.js';
import { parseRegistration } from './parse.js';
import type { RdapPort, RegistrationLookup } from './types.js';

export interface RdapOptions {
  /** A bootstrap file path or http(s) URL (DYNADOT_RDAP_BOOTSTRAP); unset: the copy shipped in the package. */
  bootstrap?: string;
  /** Each name's whole lookup, redirects and body included. */
  timeoutMs?: number;
  /** Lookups in flight in all; never more than two per RDAP server, which registries rate-limit hard. */
  concurrency?: number;
  /** For tests: the moment `may_free` compares expiry dates with. */
  now?: () => Date;
}

export interface RdapClient extends RdapPort {
  /** Closes the client's connections; lookups after it answer "cancelled". */
  close(): Promise<void>;
}

const PER_SERVER = 2;
const MAX_REDIRECTS = 2;
/** Real domain answers are a few KB; a larger one is a wrong answer, not worth reading on. */
const MAX_BODY_BYTES = 256 * 1024;

/** One name waiting for its turn: `run` looks it up and answers it; `cancel` answers it "cancelled" unsent. */
interface Job {
  server: string;
  run(): Promise<void>;
  cancel(): void;
}

/** A failure whose message is already the reason to give. */
class Unavailable extends Error {}

export function createRdap(options: RdapOptions = {}): RdapClient {
  const timeoutMs = options.timeoutMs ?? 5000;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const perServerLimit = Math.min(PER_SERVER, concurrency);
  const now = options.now ?? (() => new Date());
  let bootstrap: Promise<RdapBootstrap> | undefined;
  let agent: Promise<Agent> | undefined;
  let closed = false;

  // Read once; a failed read is forgotten so the next lookup tries again (a URL may come back).
  const bootstrapOnce = (): Promise<RdapBootstrap> => {
    bootstrap ??= loadBootstrap(options.bootstrap, { timeoutMs: Math.max(timeoutMs, 10_000) }).catch((error: unknown) => {
      bootstrap = undefined;
      throw error;
    });
    return bootstrap;
  };
  // undici loads on first use only: a server that never looks a name up never pays for it.
  const agentOnce = (): Promise<Agent> => {
    agent ??= import('undici').then(({ Agent }) => new Agent({ headersTimeout: timeoutMs, bodyTimeout: timeoutMs, connections: PER_SERVER }));
    return agent;
  };

  // One queue for the whole client, so that lookups from several calls at once share the limits.
  const waiting: Job[] = [];
  const perServer = new Map<string, number>();
  let running = 0;
  const pump = (): void => {
    for (let index = 0; index < waiting.length && running < concurrency; ) {
      const job = waiting[index];
      if (!job || (perServer.get(job.server) ?? 0) >= perServerLimit) {
        index++;
        continue;
      }
      waiting.splice(index, 1);
      running++;
      perServer.set(job.server, (perServer.get(job.server) ?? 0) + 1);
      void job.run().finally(() => {
        running--;
        perServer.set(job.server, (perServer.get(job.server) ?? 1) - 1);
        pump();
      });
    }
  };

  async function lookupOne(base: string, domain: string, signal: AbortSignal): Promise<RegistrationLookup> {
    const deadline = AbortSignal.timeout(timeoutMs);
    const both = AbortSignal.any([signal, deadline]);
    try {
      const dispatcher = await agentOnce();
      const answer = await fetchJson(dispatcher, new URL(`domain/${encodeURIComponent(domain)}`, base), both);
      return { found: parseRegistration(answer, now()) };
    } catch (error) {
      if (signal.aborted) return { unavailable: 'cancelled' };
      if (deadline.aborted || isTimeout(error)) return { unavailable: `timed out after ${formatSeconds(timeoutMs)} s` };
      if (error instanceof Unavailable) return { unavailable: error.message };
      return { unavailable: `could not reach ${new URL(base).host}: ${reasonOf(error)}` };
    }
  }

  return {
    async lookup(domains, lookupOptions = {}) {
      const { signal = new AbortController().signal, onEach } = lookupOptions;
      const answers = new Map<string, RegistrationLookup>();
      const answer = (domain: string, result: RegistrationLookup): void => {
        answers.set(domain, result);
        try {
          onEach?.(domain);
        } catch {
          // progress is the caller's business; a failing callback must not lose the answer
        }
      };
      if (closed || signal.aborted) {
        for (const domain of domains) answer(domain, { unavailable: 'cancelled' });
        return answers;
      }
      let known: RdapBootstrap;
      try {
        known = await raceAbort(bootstrapOnce(), signal);
      } catch (error) {
        const reason = signal.aborted ? 'cancelled' : `bootstrap unavailable: ${errorMessage(error)}`;
        for (const domain of domains) answer(domain, { unavailable: reason });
        return answers;
      }
      await new Promise<void>((resolve) => {
        const mine = new Set<Job>();
        const settle = (job: Job): void => {
          mine.delete(job);
          if (mine.size > 0) return;
          signal.removeEventListener('abort', onAbort);
          resolve();
        };
        // Not begun: answered at once and never sent. In flight: their own catch answers them.
        const onAbort = (): void => {
          for (const job of [...mine]) {
            const index = waiting.indexOf(job);
            if (index === -1) continue;
            waiting.splice(index, 1);
            job.cancel();
          }
        };
        for (const domain of domains) {
          // Registries and the bootstrap speak A-labels (xn--...), whatever form the name came in.
          const ascii = domainToASCII(domain) || domain;
          const base = known.serviceFor(ascii);
          if (!base) {
            answer(domain, { unavailable: `no RDAP service for .${domain.split('.').pop() ?? domain}` });
            continue;
          }
          const job: Job = {
            server: new URL(base).host,
            run: () =>
              lookupOne(base, ascii, signal).then((result) => {
                answer(domain, result);
                settle(job);
              }),
            cancel: () => {
              answer(domain, { unavailable: 'cancelled' });
              settle(job);
            },
          };
          mine.add(job);
        }
        if (mine.size === 0) return resolve();
        signal.addEventListener('abort', onAbort, { once: true });
        waiting.push(...mine);
        pump();
      });
      return answers;
    },

    async close() {
      closed = true;
      for (const job of waiting.splice(0)) job.cancel();
      const open = agent;
      agent = undefined;
      // destroy, not close: a lookup hanging on a silent server must not hold the shutdown.
      await (await open)?.destroy();
    },
  };
}

/**
 * GET with `accept: application/rdap+json`, following at most two redirects itself (registries
 * send thin-registry lookups on to a registrar's server); "related" links in the answer are never followed.
 */
async function fetchJson(dispatcher: Dispatcher, url: URL, signal: AbortSignal): Promise<unknown> {
  let target = url;
  for (let redirects = 0; ; redirects++) {
    const { statusCode, headers, body } = await dispatcher.request({
      origin: target.origin,
      path: `${target.pathname}${target.search}`,
      method: 'GET',
      headers: { accept: 'application/rdap+json, application/json;q=0.9' },
      signal,
    });
    const location = headers.location;
    if (statusCode >= 300 && statusCode < 400 && typeof location === 'string') {
      await body.dump();
      if (redirects >= MAX_REDIRECTS) throw new Unavailable(`more than ${MAX_REDIRECTS} redirects from ${url.host}`);
      target = new URL(location, target);
      if (target.protocol !== 'https:' && target.protocol !== 'http:') throw new Unavailable(`redirected to a non-HTTP address by ${url.host}`);
      continue;
    }
    if (statusCode === 404) {
      await body.dump();
      throw new Unavailable('not found at the registry (404)');
    }
    if (statusCode < 200 || statusCode >= 300) {
      await body.dump();
      throw new Unavailable(`HTTP ${statusCode} from ${target.host}`);
    }
    const text = await readLimited(body, MAX_BODY_BYTES);
    if (text === undefined) throw new Unavailable('unreadable answer (over 256 KB)');
    try {
      const json: unknown = JSON.parse(text);
      if (typeof json === 'object' && json !== null && !Array.isArray(json)) return json;
    } catch {
      // reported below
    }
    throw new Unavailable('unreadable answer');
  }
}

/** Waits for `promise`, or rejects as soon as `signal` aborts (the promise itself carries on). */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new Error('cancelled'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** undici's own timeouts (headers, body), compared by code so that undici need not be loaded to check. */
function isTimeout(error: unknown): boolean {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  return code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT';
}

function reasonOf(error: unknown): string {
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  return code ?? errorMessage(error);
}

function formatSeconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}
