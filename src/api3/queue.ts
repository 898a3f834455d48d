/**
 * Dynadot limits each account, not each connection: 1 request in flight for regular accounts
 * (5 bulk, 25 super bulk) and about 60 a minute (600, 6000). One AccountQueue per API key holds
 * every caller of that key, stdio or any number of HTTP sessions, to both limits, and to the
 * pause api3 asks for when it answers "Too many requests. Please try again in 1 minute".
 */
export interface QueueLimits {
  concurrency: number;
  ratePerMinute: number;
  /** Where the queue reads the time and sets its timers; tests pass a clock they move by hand. */
  clock?: Clock;
}

export interface Clock {
  now(): number;
  /** Calls `fn` after `ms`; returns a function that cancels it. */
  setTimer(fn: () => void, ms: number): () => void;
}

/** The real clock. Looked up at call time, so vitest's fake timers replace it too. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer: (fn, ms) => {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
};

/** A task refused without being started: the queue is paused past the caller's deadline. */
export class QueuePaused extends Error {
  constructor(readonly until: number) {
    super(`the queue is paused until ${new Date(until).toISOString()}`);
    this.name = 'QueuePaused';
  }
}

/**
 * A task refused without being started: its caller cancelled or left while it waited. Nothing of
 * it ran, so nothing of it reached api3.
 */
export class QueueCancelled extends Error {
  constructor() {
    super('the call was cancelled before its turn in the queue');
    this.name = 'QueueCancelled';
  }
}

export interface RunOptions {
  /** The latest time the caller can wait until; a pause that ends later refuses it at once. */
  deadline?: number;
  /** Go ahead of everything waiting (a caller that already had its turn and was sent back). */
  front?: boolean;
  /**
   * The caller's interest in the result. Aborted before the task starts, the task never starts
   * and run() rejects with QueueCancelled; once started, the task alone decides what an abort
   * means (a write on the wire must finish to tell its outcome).
   */
  signal?: AbortSignal;
  /**
   * The task may change the account. A queue shared through a state store refuses such a task
   * when the store cannot be reached, where a read may still go on within a local limit.
   */
  mutates?: boolean;
}

/**
 * What Api3Client needs of a key's queue: the in-process AccountQueue, or one shared by several
 * server instances through a state store (src/state/redis.ts).
 */
export interface RequestQueue {
  run<T>(task: () => Promise<T>, options?: RunOptions): Promise<T>;
  pauseUntil(until: number): void;
  readonly pausedUntil: number | undefined;
  now(): number;
}

interface Waiter {
  deadline: number;
  start(): void;
  refuse(error: QueuePaused | QueueCancelled): void;
}

const WINDOW_MS = 60_000;
/** setTimeout's ceiling; a longer wait is reached in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export class AccountQueue implements RequestQueue {
  private inFlight = 0;
  private readonly waiting: Waiter[] = [];
  /** Start times of the requests of the last minute, oldest first: a sliding window, never past the rate. */
  private readonly starts: number[] = [];
  private paused = 0;
  private cancelTimer: (() => void) | undefined;
  private timerAt = 0;
  private readonly clock: Clock;

  constructor(private readonly limits: QueueLimits) {
    this.clock = limits.clock ?? systemClock;
  }

  get pending(): number {
    return this.waiting.length;
  }

  now(): number {
    return this.clock.now();
  }

  /** When the current pause ends, or undefined when the queue is not paused. */
  get pausedUntil(): number | undefined {
    return this.paused > this.now() ? this.paused : undefined;
  }

  /**
   * Starts nothing before `until`, for every caller of this key. A pause only ever grows. Callers
   * waiting that could not wait that long are refused now rather than at their deadline.
   */
  pauseUntil(until: number): void {
    if (until <= this.paused) return;
    this.paused = until;
    for (const waiter of this.waiting.filter((w) => w.deadline < until)) {
      this.waiting.splice(this.waiting.indexOf(waiter), 1);
      waiter.refuse(new QueuePaused(until));
    }
    this.pump();
  }

  async run<T>(task: () => Promise<T>, options: RunOptions = {}): Promise<T> {
    const deadline = options.deadline ?? Number.POSITIVE_INFINITY;
    const { signal } = options;
    await new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(new QueueCancelled());
      const until = this.pausedUntil;
      if (until !== undefined && until > deadline) return reject(new QueuePaused(until));
      // A long-lived signal (a session's) must not keep a listener per call it ever queued.
      const onAbort = () => this.cancel(waiter);
      const waiter: Waiter = {
        deadline,
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        refuse: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      if (options.front) this.waiting.unshift(waiter);
      else this.waiting.push(waiter);
      this.pump();
    });
    try {
      return await task();
    } finally {
      this.inFlight--;
      this.pump();
    }
  }

  /** A waiter whose caller gave up leaves at once; one already started is the task's business. */
  private cancel(waiter: Waiter): void {
    const index = this.waiting.indexOf(waiter);
    if (index < 0) return;
    this.waiting.splice(index, 1);
    waiter.refuse(new QueueCancelled());
    // Nothing left to wake for: a timer would only keep the process alive up to a minute for nothing.
    if (this.waiting.length === 0) this.clearTimer();
  }

  private clearTimer(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
  }

  private pump(): void {
    while (this.waiting.length > 0 && this.inFlight < this.limits.concurrency) {
      const now = this.now();
      if (this.paused > now) {
        this.wakeAt(this.paused);
        return;
      }
      while ((this.starts[0] ?? Number.POSITIVE_INFINITY) <= now - WINDOW_MS) this.starts.shift();
      const oldest = this.starts[0];
      if (oldest !== undefined && this.starts.length >= this.limits.ratePerMinute) {
        this.wakeAt(oldest + WINDOW_MS);
        return;
      }
      this.starts.push(now);
      this.inFlight++;
      this.waiting.shift()?.start();
    }
  }

  /** One timer at a time; an earlier need replaces a later timer, a later one waits for the next pump. */
  private wakeAt(time: number): void {
    if (this.cancelTimer && this.timerAt <= time) return;
    this.cancelTimer?.();
    this.timerAt = time;
    this.cancelTimer = this.clock.setTimer(
      () => {
        this.cancelTimer = undefined;
        this.pump();
      },
      Math.min(MAX_TIMER_MS, Math.max(1, time - this.now())),
    );
  }
}

const queues = new Map<string, AccountQueue>();

/**
 * The process-wide queue for one API key. Limits (and the clock) are fixed by the first caller:
 * they come from one Config.
 */
export function queueForKey(apiKey: string, limits: QueueLimits): AccountQueue {
  let queue = queues.get(apiKey);
  if (!queue) {
    queue = new AccountQueue(limits);
    queues.set(apiKey, queue);
  }
  return queue;
}
