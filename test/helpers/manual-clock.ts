import type { Clock } from '../../src/api3/queue.js';

/**
 * A clock that moves only when a test says so, for the queue's pauses and rate window: tests see
 * "one minute" pass without waiting one. Timers fire, in order of due time, inside advance().
 */
export class ManualClock implements Clock {
  private time: number;
  private readonly timers: Array<{ at: number; fn: () => void }> = [];
  private readonly onTimer: Array<(at: number) => void> = [];

  constructor(start = Date.parse('2030-01-01T00:00:00Z')) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  setTimer(fn: () => void, ms: number): () => void {
    const timer = { at: this.time + ms, fn };
    this.timers.push(timer);
    for (const notify of this.onTimer.splice(0)) notify(timer.at);
    return () => {
      const index = this.timers.indexOf(timer);
      if (index >= 0) this.timers.splice(index, 1);
    };
  }

  /** Timers set and not yet fired or cancelled. */
  get pendingTimers(): number {
    return this.timers.length;
  }

  /** Resolves with the due time of the next timer someone sets: an event to wait for, not a sleep. */
  nextTimer(): Promise<number> {
    return new Promise((resolve) => this.onTimer.push(resolve));
  }

  advance(ms: number): void {
    const target = this.time + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers.splice(this.timers.indexOf(due), 1);
      this.time = Math.max(this.time, due.at);
      due.fn();
    }
    this.time = target;
  }
}
