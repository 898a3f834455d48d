import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Api3Client, type Api3ClientOptions, type Api3Request } from '../../src/api3/client.js';
import { Api3Error } from '../../src/api3/errors.js';
import { queueForKey, type AccountQueue } from '../../src/api3/queue.js';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator/server.js';
import { ManualClock } from '../helpers/manual-clock.js';
import { captureStderr } from '../helpers/stderr.js';

/**
 * A call whose MCP client cancelled, timed out or left must not reach api3 later from the key's
 * queue: a minute later at a low rate, after a rate-limit pause, or as a read's retry. What counts
 * is what reached api3, so every case runs against the simulator over loopback and counts its
 * requests. A write already on the wire is the exception: it is let finish, for its outcome.
 */

const DOMAIN = 'acme-widgets.com';
const READ: Api3Request = { command: 'domain_info', params: { domain: DOMAIN }, mutates: false };
const LIST: Api3Request = { command: 'list_domain', params: {}, mutates: false };
const writeNote = (note: string): Api3Request => ({ command: 'set_note', params: { domain: DOMAIN, note }, mutates: true });

interface Stack {
  simulator: Simulator;
  api: Api3Client;
  /** The process-wide queue of this test's key, the one the client uses. */
  queue: AccountQueue;
  commands(): string[];
}

const keys: string[] = [];
const errors: Api3Error[] = [];
const closers: Array<() => Promise<void>> = [];
const stderr = captureStderr();

afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

afterAll(() => stderr.restore());

/** Queues are per key and process-wide: every test gets a key of its own. */
async function stack(client: Partial<Api3ClientOptions> = {}, simulator: SimulatorOptions = {}): Promise<Stack> {
  const key = `cancellation-${randomBytes(8).toString('hex')}`;
  keys.push(key);
  const sim = await startSimulator({ maxConcurrentPerKey: 1, ...simulator });
  const options: Api3ClientOptions = {
    apiUrl: sim.url,
    apiKey: key,
    timeoutMs: 10_000,
    concurrency: 1,
    ratePerMinute: 100_000,
    readRetries: 2,
    retryBaseMs: 5,
    ...client,
  };
  const api = new Api3Client(options);
  closers.push(async () => {
    await api.close();
    await sim.close();
  });
  return {
    simulator: sim,
    api,
    queue: queueForKey(key, options),
    commands: () => sim.requests.map((r) => r.command),
  };
}

/** The Api3Error a call failed with; a call that succeeds, or fails otherwise, fails the test. */
async function failure(call: Promise<unknown>): Promise<Api3Error> {
  try {
    await call;
  } catch (error) {
    if (error instanceof Api3Error) {
      errors.push(error);
      return error;
    }
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** Lets every queued microtask and I/O callback run: for asserting that nothing more happens. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

const NOT_SENT = { code: 'cancelled', attempts: 0, sent: false } as const;

describe('a call cancelled while it waits in the key queue is never sent', () => {
  it('reads queued behind the rate window: the aborted ones reject cancelled and never reach api3, even after the window passes; the others go out', async () => {
    const clock = new ManualClock();
    const s = await stack({ ratePerMinute: 2, clock });
    const read = () => {
      const controller = new AbortController();
      return { controller, call: s.api.call({ ...READ, signal: controller.signal }) };
    };
    const windowTimer = clock.nextTimer();
    const start = clock.now();
    const [first, second, third, fourth, fifth] = [read(), read(), read(), read(), read()];
    // Two went out; the third found the minute's rate spent and set the queue's timer for the window.
    expect(await windowTimer).toBe(start + 60_000);
    await Promise.all([first.call, second.call]);
    expect(s.queue.pending).toBe(3);

    third.controller.abort();
    fifth.controller.abort();
    const cancelled = await Promise.all([failure(third.call), failure(fifth.call)]);
    for (const error of cancelled) {
      expect(error).toMatchObject(NOT_SENT);
      expect(error.hint).toMatch(/nothing was sent to Dynadot/);
      expect(error.toAgent().error).toBe('cancelled');
    }
    expect(s.queue.pending).toBe(1);
    expect(s.simulator.requests).toHaveLength(2);

    clock.advance(60_000);
    await fourth.call;
    expect(s.commands()).toEqual(['domain_info', 'domain_info', 'domain_info']);
    clock.advance(600_000);
    await settle();
    expect(s.simulator.requests).toHaveLength(3);
    expect(s.queue.pending).toBe(0);
    expect(clock.pendingTimers).toBe(0);
  });

  it('a write queued behind a slow request, aborted: never sent; the queue carries on', async () => {
    const s = await stack();
    const before = s.simulator.account.domains.get(DOMAIN)?.note;
    s.simulator.injectFault({ kind: 'hang', command: 'domain_info' });
    const slow = new AbortController();
    const writer = new AbortController();
    const arrived = s.simulator.nextRequest('domain_info');
    const read = s.api.call({ ...READ, signal: slow.signal });
    const write = s.api.call({ ...writeNote('never sent'), signal: writer.signal });
    await arrived;
    expect(s.queue.pending).toBe(1);

    writer.abort();
    expect(await failure(write)).toMatchObject(NOT_SENT);
    expect(s.queue.pending).toBe(0);

    // The slow read leaves too, and gives its turn back: the next call goes out at once.
    slow.abort();
    expect(await failure(read)).toMatchObject({ code: 'cancelled', attempts: 1, sent: true });
    await s.api.call(LIST);
    expect(s.commands()).toEqual(['domain_info', 'list_domain']);
    expect(s.simulator.account.domains.get(DOMAIN)?.note).toBe(before);
  });

  it('a signal aborted before the call: nothing is queued, nothing sent, for a read and a write', async () => {
    const s = await stack();
    const controller = new AbortController();
    controller.abort();
    expect(await failure(s.api.call({ ...READ, signal: controller.signal }))).toMatchObject(NOT_SENT);
    expect(await failure(s.api.call({ ...writeNote('never sent'), signal: AbortSignal.abort() }))).toMatchObject(NOT_SENT);
    expect(s.queue.pending).toBe(0);
    expect(s.simulator.requests).toEqual([]);
  });

  it('a read waiting out a rate-limit pause, aborted: not sent again, and the pause timer goes with it', async () => {
    const clock = new ManualClock();
    const s = await stack({ clock, timeoutMs: 120_000 });
    s.simulator.injectFault({ kind: 'rate_limited', minutes: 1, command: 'domain_info' });
    const controller = new AbortController();
    const pauseTimer = clock.nextTimer();
    const start = clock.now();
    const read = s.api.call({ ...READ, signal: controller.signal });
    expect(await pauseTimer).toBe(start + 60_000);
    expect(s.queue.pending).toBe(1);

    controller.abort();
    // The one attempt was sent and refused; the requeued one never was.
    expect(await failure(read)).toMatchObject({ code: 'cancelled', attempts: 1, sent: true });
    expect(s.queue.pending).toBe(0);
    expect(clock.pendingTimers).toBe(0);
    clock.advance(60_000);
    await settle();
    expect(s.commands()).toEqual(['domain_info']);
  });
});

describe('a call cancelled once sent', () => {
  it('a write on the wire is not aborted: it completes, its result is returned, api3 saw it once', async () => {
    const s = await stack({}, { latencyMs: 300 });
    const controller = new AbortController();
    const arrived = s.simulator.nextRequest('set_note');
    let settled = false;
    const write = s.api.call({ ...writeNote('finished anyway'), signal: controller.signal });
    void write.finally(() => (settled = true)).catch(() => undefined);
    await arrived;
    controller.abort();
    await settle();
    // Proof the abort came while the write was still on the wire, not after its answer.
    expect(settled).toBe(false);

    const result = await write;
    expect(result).toMatchObject({ root: 'SetNoteResponse', body: { Status: 'success' } });
    expect(s.commands()).toEqual(['set_note']);
    expect(s.simulator.account.domains.get(DOMAIN)?.note).toBe('finished anyway');
  });

  it('a write on the wire whose caller left still reports a failure as sent', async () => {
    const s = await stack({ timeoutMs: 300 });
    s.simulator.injectFault({ kind: 'hang', command: 'set_note' });
    const controller = new AbortController();
    const arrived = s.simulator.nextRequest('set_note');
    const write = s.api.call({ ...writeNote('lost answer'), signal: controller.signal });
    await arrived;
    controller.abort();
    // The client's own timeout ends it, not the abort: the outcome is unknown, and it was sent.
    expect(await failure(write)).toMatchObject({ code: 'unknown_outcome', attempts: 1, sent: true });
    expect(s.commands()).toEqual(['set_note']);
  });

  it('a read on the wire, aborted: the request is dropped, the call rejects cancelled, no retry', async () => {
    const s = await stack();
    // Every domain_info hangs: a retry would show as a second one.
    s.simulator.injectFault({ kind: 'hang', times: 10, command: 'domain_info' });
    const controller = new AbortController();
    const arrived = s.simulator.nextRequest('domain_info');
    const read = s.api.call({ ...READ, signal: controller.signal });
    await arrived;
    controller.abort();
    const error = await failure(read);
    expect(error).toMatchObject({ code: 'cancelled', attempts: 1, sent: true });
    expect(error.hint).not.toMatch(/nothing was sent/);

    s.simulator.clearFaults();
    await s.api.call(LIST);
    expect(s.commands()).toEqual(['domain_info', 'list_domain']);
  });

  it('a read waiting in retry backoff, aborted: no further attempt', async () => {
    // A backoff of a minute or so: the abort, not the timer, must end it.
    const s = await stack({ retryBaseMs: 60_000 });
    s.simulator.injectFault({ kind: 'busy', times: 10, command: 'domain_info' });
    const controller = new AbortController();
    const arrived = s.simulator.nextRequest('domain_info');
    const read = s.api.call({ ...READ, signal: controller.signal });
    await arrived;
    // One request at a time for the key: this one goes out only once the read's attempt has ended,
    // and by its answer the read has been told busy and sleeps before its retry.
    await s.api.call(LIST);
    controller.abort();
    expect(await failure(read)).toMatchObject({ code: 'cancelled', attempts: 1, sent: true });
    expect(s.queue.pending).toBe(0);
    expect(s.commands()).toEqual(['domain_info', 'list_domain']);
  });
});

describe('cancellation and the key', () => {
  it('no error text carries the API key', () => {
    expect(errors.length).toBeGreaterThan(8);
    const everything =
      errors.map((e) => JSON.stringify({ message: e.message, hint: e.hint, agent: e.toAgent(), stack: e.stack })).join('\n') + stderr.text();
    for (const key of keys) expect(everything).not.toContain(key);
  });
});
