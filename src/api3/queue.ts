/**
 * Dynadot limits each account, not each connection: 1 request in flight for regular accounts
 * (5 bulk, 25 super bulk) and about 60 a minute (600, 6000). One AccountQueue per API key holds
 * every caller of that key, stdio or any number of HTTP sessions, to both limits.
 */
export interface QueueLimits {
  concurrency: number;
  ratePerMinute: number;
}

const WINDOW_MS = 60_000;

export class AccountQueue {
  private inFlight = 0;
  private readonly waiting: Array<() => void> = [];
  /** Start times of the requests of the last minute, oldest first: a sliding window, never past the rate. */
  private readonly starts: number[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly limits: QueueLimits) {}

  get pending(): number {
    return this.waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    await new Promise<void>((resolve) => {
      this.waiting.push(resolve);
      this.pump();
    });
    try {
      return await task();
    } finally {
      this.inFlight--;
      this.pump();
    }
  }

  private pump(): void {
    while (this.waiting.length > 0 && this.inFlight < this.limits.concurrency) {
      const now = Date.now();
      while (this.starts.length > 0 && (this.starts[0] as number) <= now - WINDOW_MS) this.starts.shift();
      if (this.starts.length >= this.limits.ratePerMinute) {
        this.wakeAt((this.starts[0] as number) + WINDOW_MS);
        return;
      }
      this.starts.push(now);
      this.inFlight++;
      (this.waiting.shift() as () => void)();
    }
  }

  private wakeAt(time: number): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pump();
    }, Math.max(1, time - Date.now()));
  }
}

const queues = new Map<string, AccountQueue>();

/** The process-wide queue for one API key. Limits are fixed by the first caller (they come from one Config). */
export function queueForKey(apiKey: string, limits: QueueLimits): AccountQueue {
  let queue = queues.get(apiKey);
  if (!queue) {
    queue = new AccountQueue(limits);
    queues.set(apiKey, queue);
  }
  return queue;
}
