import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMIT_PAUSE_MS, retryAfterHeaderMs, retryAfterMs } from '../../src/api3/client.js';
import { Api3Error } from '../../src/api3/errors.js';
import { AccountQueue, QueueCancelled, QueuePaused } from '../../src/api3/queue.js';
import { ManualClock } from '../helpers/manual-clock.js';

describe('retryAfterMs: the pause api3 asks for in words', () => {
  const cases: Array<[string | undefined, number]> = [
    ['Too many requests. Please try again in 1 minute after.', 60_000],
    ['try again in 2 minutes', 120_000],
    ['Try again in 30 seconds', 30_000],
    ['Too many requests', 60_000],
    ['Too many requests. Please try again in 5 minute after.', 300_000],
    ['Please try again in 1 hour', 3_600_000],
    ['try again in 90 secs', 90_000],
    // Never a pause of nothing: that would only resend into the same refusal.
    ['try again in 0 seconds', 1_000],
    ['', 60_000],
    [undefined, 60_000],
  ];
  for (const [message, ms] of cases) {
    it(`${JSON.stringify(message)} -> ${ms / 1000} s`, () => {
      expect(retryAfterMs(message)).toBe(ms);
    });
  }

  it('the default is a minute', () => {
    expect(DEFAULT_RATE_LIMIT_PAUSE_MS).toBe(60_000);
  });
});

describe('retryAfterHeaderMs: HTTP Retry-After', () => {
  const now = Date.parse('2030-01-01T00:00:00Z');
  it('delay-seconds', () => expect(retryAfterHeaderMs('120', now)).toBe(120_000));
  it('an HTTP date, measured from now', () => expect(retryAfterHeaderMs('Tue, 01 Jan 2030 00:00:45 GMT', now)).toBe(45_000));
  it('a date already past still pauses a second', () => expect(retryAfterHeaderMs('Mon, 31 Dec 2029 23:00:00 GMT', now)).toBe(1_000));
  it('the first of repeated headers', () => expect(retryAfterHeaderMs(['7', '99'], now)).toBe(7_000));
  it('missing or unreadable: a minute', () => {
    expect(retryAfterHeaderMs(undefined, now)).toBe(60_000);
    expect(retryAfterHeaderMs('soon', now)).toBe(60_000);
  });
});

describe('Api3Error.retry_after_s', () => {
  it('is in the agent answer only when set', () => {
    const error = new Api3Error('rate_limited', 'api3: Too many requests', { hint: 'wait' });
    expect(error.toAgent()).toEqual({ error: 'rate_limited', message: 'api3: Too many requests', hint: 'wait' });
    error.retryAfterS = 60;
    expect(error.toAgent()).toEqual({ error: 'rate_limited', message: 'api3: Too many requests', hint: 'wait', retry_after_s: 60 });
  });
});

/** A task that records its start and finishes when the test says so. */
function gate(): { promise: Promise<void>; open(): void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** Lets every queued microtask (task starts, finally blocks) run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('AccountQueue pause', () => {
  const make = (clock: ManualClock, concurrency = 1) => new AccountQueue({ concurrency, ratePerMinute: 1_000_000, clock });

  it('a paused queue starts nothing until the pause ends, then resumes in order', async () => {
    const clock = new ManualClock();
    const queue = make(clock);
    queue.pauseUntil(clock.now() + 60_000);
    const order: string[] = [];
    const runs = ['a', 'b', 'c'].map((name) => queue.run(async () => void order.push(name)));
    await settle();
    expect(order).toEqual([]);
    expect(queue.pending).toBe(3);
    clock.advance(59_999);
    await settle();
    expect(order).toEqual([]);
    expect(queue.pausedUntil).toBe(clock.now() + 1);
    clock.advance(1);
    await Promise.all(runs);
    expect(order).toEqual(['a', 'b', 'c']);
    expect(queue.pausedUntil).toBeUndefined();
  });

  it('a caller whose deadline ends inside the pause is refused at once, with the pause end', async () => {
    const clock = new ManualClock();
    const queue = make(clock);
    const until = clock.now() + 60_000;
    queue.pauseUntil(until);
    let started = false;
    const refused = queue.run(async () => void (started = true), { deadline: clock.now() + 2_000 });
    await expect(refused).rejects.toBeInstanceOf(QueuePaused);
    await expect(refused).rejects.toMatchObject({ until });
    expect(started).toBe(false);
    expect(queue.pending).toBe(0);
  });

  it('a caller whose deadline is after the pause waits for it', async () => {
    const clock = new ManualClock();
    const queue = make(clock);
    queue.pauseUntil(clock.now() + 60_000);
    let started = false;
    const run = queue.run(async () => void (started = true), { deadline: clock.now() + 60_000 });
    await settle();
    expect(started).toBe(false);
    clock.advance(60_000);
    await run;
    expect(started).toBe(true);
  });

  it('a pause set by the running task holds the next caller, and refuses those that cannot wait', async () => {
    const clock = new ManualClock();
    const queue = make(clock);
    const first = gate();
    const started: string[] = [];
    const running = queue.run(async () => {
      started.push('first');
      await first.promise;
      // As the client does: pause before giving up the turn, so nothing slips in between.
      queue.pauseUntil(clock.now() + 60_000);
    });
    const patient = queue.run(async () => void started.push('patient'), { deadline: clock.now() + 120_000 });
    const hasty = queue.run(async () => void started.push('hasty'), { deadline: clock.now() + 2_000 });
    await settle();
    expect(started).toEqual(['first']);
    expect(queue.pending).toBe(2);
    first.open();
    await running;
    await expect(hasty).rejects.toBeInstanceOf(QueuePaused);
    await settle();
    expect(started).toEqual(['first']);
    expect(queue.pending).toBe(1);
    clock.advance(60_000);
    await patient;
    expect(started).toEqual(['first', 'patient']);
  });

  it('a pause only grows', async () => {
    const clock = new ManualClock();
    const queue = make(clock);
    const start = clock.now();
    queue.pauseUntil(start + 60_000);
    queue.pauseUntil(start + 30_000);
    expect(queue.pausedUntil).toBe(start + 60_000);
    queue.pauseUntil(start + 90_000);
    expect(queue.pausedUntil).toBe(start + 90_000);
    let started = false;
    const run = queue.run(async () => void (started = true));
    clock.advance(60_000);
    await settle();
    expect(started).toBe(false);
    clock.advance(30_000);
    await run;
    expect(started).toBe(true);
  });

  it('front: a caller sent back after its turn goes ahead of those waiting', async () => {
    const clock = new ManualClock();
    const queue = make(clock);
    queue.pauseUntil(clock.now() + 1_000);
    const order: string[] = [];
    const runs = [
      queue.run(async () => void order.push('waiting-1')),
      queue.run(async () => void order.push('waiting-2')),
      queue.run(async () => void order.push('sent-back'), { front: true }),
    ];
    clock.advance(1_000);
    await Promise.all(runs);
    expect(order).toEqual(['sent-back', 'waiting-1', 'waiting-2']);
  });

  it('without a pause, a queue with a clock runs at once and sets no timer', async () => {
    const clock = new ManualClock();
    const queue = make(clock);
    await queue.run(async () => undefined, { deadline: clock.now() });
    expect(clock.pendingTimers).toBe(0);
    expect(queue.pausedUntil).toBeUndefined();
  });
});

describe('AccountQueue cancellation', () => {
  it('a waiter whose signal aborts leaves at once, unstarted; the others keep their order and their turn', async () => {
    const clock = new ManualClock();
    const queue = new AccountQueue({ concurrency: 1, ratePerMinute: 1_000_000, clock });
    const first = gate();
    const started: string[] = [];
    const running = queue.run(async () => {
      started.push('running');
      await first.promise;
    });
    const leaving = new AbortController();
    const left = queue.run(async () => void started.push('left'), { signal: leaving.signal });
    const staying = queue.run(async () => void started.push('staying'), { signal: new AbortController().signal });
    await settle();
    expect(queue.pending).toBe(2);
    leaving.abort();
    await expect(left).rejects.toBeInstanceOf(QueueCancelled);
    expect(queue.pending).toBe(1);
    first.open();
    await Promise.all([running, staying]);
    expect(started).toEqual(['running', 'staying']);
    // The slot the cancelled waiter never took is free: the next run starts at once.
    await queue.run(async () => void started.push('next'));
    expect(started).toEqual(['running', 'staying', 'next']);
  });

  it('an aborted signal is refused before it queues', async () => {
    const queue = new AccountQueue({ concurrency: 1, ratePerMinute: 1, clock: new ManualClock() });
    let started = false;
    await expect(queue.run(async () => void (started = true), { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(QueueCancelled);
    expect(started).toBe(false);
    expect(queue.pending).toBe(0);
    // It took no place in the rate window either: the one request of the minute is still there.
    await queue.run(async () => undefined);
  });

  it('the last waiter leaving drops the timer of a pause or rate window; a waiter still there keeps it', async () => {
    const clock = new ManualClock();
    const queue = new AccountQueue({ concurrency: 1, ratePerMinute: 1_000_000, clock });
    queue.pauseUntil(clock.now() + 60_000);
    const a = new AbortController();
    const b = new AbortController();
    const runA = queue.run(async () => undefined, { signal: a.signal });
    const runB = queue.run(async () => undefined, { signal: b.signal });
    expect(clock.pendingTimers).toBe(1);
    a.abort();
    await expect(runA).rejects.toBeInstanceOf(QueueCancelled);
    expect(clock.pendingTimers).toBe(1);
    b.abort();
    await expect(runB).rejects.toBeInstanceOf(QueueCancelled);
    expect(clock.pendingTimers).toBe(0);
    // A new waiter arms a new timer and still honours the pause.
    let started = false;
    const later = queue.run(async () => void (started = true));
    expect(clock.pendingTimers).toBe(1);
    clock.advance(59_999);
    await settle();
    expect(started).toBe(false);
    clock.advance(1);
    await later;
    expect(started).toBe(true);
  });

  it('an abort after the task started is the task\'s business: it runs to its end', async () => {
    const queue = new AccountQueue({ concurrency: 1, ratePerMinute: 1_000_000, clock: new ManualClock() });
    const controller = new AbortController();
    const work = gate();
    const run = queue.run(
      async () => {
        await work.promise;
        return 'done';
      },
      { signal: controller.signal },
    );
    await settle();
    controller.abort();
    work.open();
    await expect(run).resolves.toBe('done');
  });
});
