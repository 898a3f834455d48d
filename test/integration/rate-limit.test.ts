import { randomBytes } from 'node:crypto';
import type { CallToolResult } from '@modelcontextprotocol/client';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { queueForKey } from '../../src/api3/queue.js';
import { errorOf, type Harness, type HarnessOptions, startHarness, textOf } from '../helpers/harness.js';
import { ManualClock } from '../helpers/manual-clock.js';
import { captureStderr } from '../helpers/stderr.js';

/**
 * api3 answers a rate limit with HTTP 200 on the generic root: "Too many requests. Please try
 * again in 1 minute after." The key's queue then holds every caller of that key, in every session,
 * for that long: nothing reaches api3, nothing is retried inside the pause, a call that cannot wait
 * that long is answered rate_limited with retry_after_s at once, and a write is refused, never
 * re-sent and never unknown_outcome. A hand-moved clock stands in for the minute.
 */

const keys: string[] = [];
const results: CallToolResult[] = [];
const open = new Set<Harness>();
const stderr = captureStderr();

function newKey(label: string): string {
  const key = `rate-limit-${label}-${randomBytes(8).toString('hex')}`;
  keys.push(key);
  return key;
}

async function harness(options: HarnessOptions): Promise<Harness> {
  const h = await startHarness(options);
  open.add(h);
  return h;
}

async function call(h: Harness, name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  const result = await h.call(name, args);
  results.push(result);
  return result;
}

type AgentError = ReturnType<typeof errorOf> & { retry_after_s?: number };
const rateError = (result: CallToolResult) => errorOf(result) as AgentError;

afterEach(async () => {
  for (const h of [...open]) {
    open.delete(h);
    await h.close();
  }
});

afterAll(() => stderr.restore());

describe('api3 rate limits', () => {
  it('a rate-limited read pauses the key: one request, nothing from a second session, both go through after the pause', async () => {
    const clock = new ManualClock();
    const key = newKey('read');
    const a = await harness({ apiKey: key, client: { clock, timeoutMs: 120_000 } });
    // A second session with its own Api3Client for the same key, talking to the same api3.
    const b = await harness({ apiKey: key, client: { clock, timeoutMs: 120_000, apiUrl: a.simulator.url } });
    const queue = queueForKey(key, { concurrency: 1, ratePerMinute: 1 });
    const sent = () => a.simulator.requests.map((r) => r.command);

    a.simulator.injectFault({ kind: 'rate_limited', minutes: 1, command: 'domain_info' });
    const start = clock.now();
    const timer = clock.nextTimer();
    const first = call(a, 'domain_info', { domain: 'acme-widgets.com' });
    // The read was answered "try again in 1 minute" and now waits in the queue for the pause end.
    expect(await timer).toBe(start + 60_000);
    expect(queue.pausedUntil).toBe(start + 60_000);

    const second = call(b, 'list_domain', {});
    await vi.waitFor(() => expect(queue.pending).toBe(2));
    expect(sent()).toEqual(['domain_info']);

    clock.advance(59_999);
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(sent()).toEqual(['domain_info']);
    expect(queue.pending).toBe(2);

    clock.advance(1);
    const [read, list] = await Promise.all([first, second]);
    expect(read.isError, textOf(read)).toBeFalsy();
    expect(read.structuredContent).toMatchObject({ domain: { name: 'acme-widgets.com' } });
    expect(list.isError, textOf(list)).toBeFalsy();
    // The read kept its place at the front; the second session's call followed it.
    expect(sent()).toEqual(['domain_info', 'domain_info', 'list_domain']);
    expect(b.simulator.requests).toEqual([]);
  });

  it('a call whose timeout is shorter than the pause is answered rate_limited at once, with retry_after_s, nothing sent', async () => {
    // The real clock and the harness's 2 s timeout: a one-minute pause cannot be waited out.
    const h = await harness({ apiKey: newKey('timeout') });
    h.simulator.injectFault({ kind: 'rate_limited', minutes: 1, command: 'domain_info' });

    const limited = rateError(await call(h, 'domain_info', { domain: 'acme-widgets.com' }));
    expect(limited.error).toBe('rate_limited');
    expect(limited.retry_after_s).toBe(60);
    expect(limited.message).toMatch(/Please try again in 1 minute after/);
    expect(limited.message).toMatch(/try again in 60 s/);
    expect(limited.hint).toMatch(/retry_after_s/);
    expect(h.simulator.requests).toHaveLength(1);

    for (const [name, args] of [
      ['list_domain', {}],
      ['set_note', { domain: 'acme-widgets.com', note: 'during the pause' }],
    ] as const) {
      const refused = rateError(await call(h, name, args));
      expect(refused.error, name).toBe('rate_limited');
      expect(refused.message).toMatch(new RegExp(`${name} was not sent.*try again in \\d+ s`));
      expect(refused.retry_after_s).toBeGreaterThanOrEqual(1);
      expect(refused.retry_after_s).toBeLessThanOrEqual(60);
      expect(refused.hint).toMatch(/retry_after_s/);
    }
    expect(h.simulator.requests).toHaveLength(1);
    expect(h.simulator.account.domains.get('acme-widgets.com')?.note).not.toBe('during the pause');
  });

  it('a rate-limited write is refused: rate_limited, sent once, never re-sent, never unknown_outcome', async () => {
    const clock = new ManualClock();
    const key = newKey('write');
    // Time enough to wait out the pause: a read would; a write must not be sent again anyway.
    const h = await harness({ apiKey: key, client: { clock, timeoutMs: 600_000 } });
    const before = h.simulator.account.domains.get('acme-widgets.com')?.note;
    h.simulator.injectFault({ kind: 'rate_limited', minutes: 2, command: 'set_note' });

    const refused = rateError(await call(h, 'set_note', { domain: 'acme-widgets.com', note: 'rate limited' }));
    expect(refused.error).toBe('rate_limited');
    expect(refused.retry_after_s).toBe(120);
    expect(refused.message).toMatch(/not carried out/);
    // set_note reads the current note first (to report it as previous), then writes once.
    expect(h.simulator.requests.map((r) => r.command)).toEqual(['list_domain', 'set_note']);
    expect(clock.pendingTimers).toBe(0);

    clock.advance(120_000);
    // After the pause the key works again, and the write was not sent a second time.
    const info = await h.ok<{ domain: { name: string } }>('domain_info', { domain: 'acme-widgets.com' });
    expect(info.domain.name).toBe('acme-widgets.com');
    expect(h.simulator.requests.map((r) => r.command)).toEqual(['list_domain', 'set_note', 'domain_info']);
    expect(h.simulator.account.domains.get('acme-widgets.com')?.note).toBe(before);
  });

  it('"Too many requests" without a duration pauses the key for a minute', async () => {
    const clock = new ManualClock();
    const h = await harness({ apiKey: newKey('no-duration'), client: { clock, timeoutMs: 10_000 } });
    h.simulator.injectFault({ kind: 'rate_limited', command: 'list_domain' });
    const refused = rateError(await call(h, 'list_domain', {}));
    expect(refused.error).toBe('rate_limited');
    expect(refused.retry_after_s).toBe(60);
    expect(h.simulator.requests).toHaveLength(1);
  });

  it('HTTP 429 with Retry-After in seconds pauses the key the same way; the read goes through after it', async () => {
    const clock = new ManualClock();
    const key = newKey('429-seconds');
    const h = await harness({ apiKey: key, client: { clock, timeoutMs: 60_000 } });
    h.simulator.injectFault({ kind: 'rate_limited', retryAfter: '30', command: 'get_ns' });
    const start = clock.now();
    const timer = clock.nextTimer();
    const pending = call(h, 'get_ns', { domain: 'widgetlab.io' });
    expect(await timer).toBe(start + 30_000);
    expect(h.simulator.requests).toHaveLength(1);
    clock.advance(30_000);
    const result = await pending;
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(h.simulator.requests).toHaveLength(2);
  });

  it('HTTP 429 with Retry-After as an HTTP date, for a write: rate_limited with retry_after_s, sent once', async () => {
    const clock = new ManualClock();
    const h = await harness({ apiKey: newKey('429-date'), client: { clock, timeoutMs: 10_000 } });
    h.simulator.injectFault({ kind: 'rate_limited', retryAfter: new Date(clock.now() + 90_000).toUTCString(), command: 'set_note' });
    const refused = rateError(await call(h, 'set_note', { domain: 'acme-widgets.com', note: 'x' }));
    expect(refused.error).toBe('rate_limited');
    expect(refused.retry_after_s).toBe(90);
    expect(h.simulator.requests.filter((r) => r.command === 'set_note')).toHaveLength(1);
  });

  it('the API key appears in no result and no log line', () => {
    expect(results.length).toBeGreaterThan(5);
    const everything = results.map((r) => JSON.stringify(r)).join('\n') + stderr.text();
    for (const key of keys) expect(everything).not.toContain(key);
    // The pause was logged, without the key.
    expect(stderr.text()).toMatch(/rate limited; requests for this account paused for 60 s/);
  });
});
