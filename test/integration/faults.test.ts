import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FaultKind } from '../../src/simulator/server.js';
import { errorOf, type Harness, startHarness, textOf } from '../helpers/harness.js';
import { captureStderr } from '../helpers/stderr.js';

/**
 * Every fault the simulator can inject, for a read (retried) and a write (never retried), with
 * the API key absent from every result and log line.
 */
const KEY = 'fault-key-9c1e4b2a77d3f0e5';
const READ_RETRIES = 2;

/**
 * rate_limited is not here: api3 names a pause, the key's queue holds every caller to it and
 * nothing is retried inside it (test/integration/rate-limit.test.ts), so it cannot share a key.
 */
type RetriedFault = Exclude<FaultKind, 'rate_limited'>;

const READ_EXPECTATIONS: Record<RetriedFault, string> = {
  http500: 'upstream_unavailable',
  html: 'upstream_unavailable',
  malformed: 'upstream_unavailable',
  hang: 'timeout',
  reset: 'upstream_unavailable',
  busy: 'busy',
};

/** A write whose answer is lost may have happened; a refusal (busy, rate limit) certainly did not. */
const WRITE_EXPECTATIONS: Record<RetriedFault, string> = {
  http500: 'unknown_outcome',
  html: 'unknown_outcome',
  malformed: 'unknown_outcome',
  hang: 'unknown_outcome',
  reset: 'unknown_outcome',
  busy: 'busy',
};

describe('faults', () => {
  let h: Harness;
  const stderr = captureStderr();
  beforeAll(async () => {
    h = await startHarness({ apiKey: KEY, client: { timeoutMs: 300, readRetries: READ_RETRIES, retryBaseMs: 5 } });
  });
  afterAll(async () => {
    stderr.restore();
    await h.close();
  });
  beforeEach(() => {
    h.simulator.clearFaults();
    h.simulator.requests.length = 0;
  });

  const count = (command: string) => h.simulator.requests.filter((r) => r.command === command).length;

  for (const [fault, code] of Object.entries(READ_EXPECTATIONS) as Array<[RetriedFault, string]>) {
    it(`read under persistent ${fault}: ${READ_RETRIES} retries, then ${code}`, async () => {
      h.simulator.injectFault({ kind: fault, times: 10, command: 'domain_info' });
      const result = await h.call('domain_info', { domain: 'acme-widgets.com' });
      expect(errorOf(result).error).toBe(code);
      expect(count('domain_info')).toBe(1 + READ_RETRIES);
      expect(textOf(result)).not.toContain(KEY);
    });

    it(`read recovers from one ${fault}`, async () => {
      h.simulator.injectFault({ kind: fault, times: 1, command: 'domain_info' });
      const result = await h.call('domain_info', { domain: 'acme-widgets.com' });
      expect(result.isError).toBeFalsy();
      expect(count('domain_info')).toBe(2);
    });
  }

  for (const [fault, code] of Object.entries(WRITE_EXPECTATIONS) as Array<[RetriedFault, string]>) {
    it(`write under ${fault}: sent once, ${code}`, async () => {
      h.simulator.injectFault({ kind: fault, times: 10, command: 'set_note' });
      const result = await h.call('set_note', { domain: 'acme-widgets.com', note: 'fault test' });
      const error = errorOf(result);
      expect(error.error).toBe(code);
      expect(count('set_note')).toBe(1);
      if (code === 'unknown_outcome') expect(error.hint).toMatch(/is_processing/);
      expect(textOf(result)).not.toContain(KEY);
    });
  }

  it('an invalid key is permission_denied with the IP allow-list hint, and the key is not echoed', async () => {
    const strict = await startHarness({ apiKey: 'wrong-key-5d0b8f3e2a19c4d7', simulator: { keys: ['the-right-key-123456'] } });
    try {
      const error = errorOf(await strict.call('list_domain', {}));
      expect(error.error).toBe('permission_denied');
      expect(error.hint).toMatch(/allow-list/);
      expect(JSON.stringify(error)).not.toContain('wrong-key-5d0b8f3e2a19c4d7');
    } finally {
      await strict.close();
    }
  });

  // The preview already refuses an order the balance does not cover; api3 saying so itself
  // (its balance moved between the preview and the order) must still map to the stable code.
  it('an api3 refusal maps to a stable code: insufficient funds', async () => {
    h.simulator.injectAnswer({
      command: 'register',
      body: { RegisterResponse: { ResponseCode: '-1', Status: 'error', Error: 'Insufficient account balance to pay for this order' } },
    });
    const error = errorOf(await h.call('register', { domain: 'brand-new-name.com', years: 1, confirm: true }));
    expect(error.error).toBe('insufficient_funds');
    expect(h.simulator.account.domains.has('brand-new-name.com')).toBe(false);
  });

  it('the key never reached stderr during all of the above', () => {
    expect(stderr.text()).not.toContain(KEY);
  });
});
