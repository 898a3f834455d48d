import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorOf, type Harness, startHarness, textOf } from '../helpers/harness.js';

/**
 * Live api3's answers that the document never shows (issue 8), each through the whole server: a
 * real MCP client, the server, the api3 client and the simulator over loopback, answering in the
 * live dialect or with an injected body. What is checked: success or the stable error code, and
 * how many requests reached api3 (a write exactly once; a read retried only when transient).
 */
type Json = Record<string, any>;
const READ_RETRIES = 2;

describe('live api3 answers through the server', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ client: { readRetries: READ_RETRIES, retryBaseMs: 1 } });
    await h.client.listTools();
  });
  afterAll(async () => h.close());
  beforeEach(() => h.simulator.reset());

  const sent = (command: string) => h.simulator.requests.filter((r) => r.command === command).length;
  const account = () => h.simulator.account;

  describe('the live dialect', () => {
    beforeEach(() => h.simulator.setDialect('live'));

    it('search reads sentence prices: first year, renewal and premium', async () => {
      const { results } = await h.ok<{ results: Json[] }>('search', { domains: ['brand-new-name.com', 'best.ai'] });
      expect(results).toEqual([
        { domain: 'brand-new-name.com', available: true, price: { amount: 10.99, currency: 'USD' }, renewal_price: { amount: 11.99, currency: 'USD' } },
        { domain: 'best.ai', available: true, price: { amount: 4999, currency: 'USD' }, renewal_price: { amount: 4999, currency: 'USD' }, premium: true },
      ]);
    });

    it('the register preview shows first-year and renewal price from a sentence-style search answer', async () => {
      const { preview } = await h.ok<Json>('register', { domain: 'brand-new-name.com', years: 3 });
      expect(preview.details).toMatchObject({
        first_year_price: { amount: 10.99, currency: 'USD' },
        renewal_price: { amount: 11.99, currency: 'USD' },
        // 10.99 + 2 x 11.99
        total: { amount: 34.97, currency: 'USD' },
      });
      expect(sent('register')).toBe(0);
    });

    it('name servers as {ServerId, ServerName} objects: domain_info, get_dns and get_ns read them', async () => {
      const hosts = ['ns1.cloudhost.example', 'ns2.cloudhost.example'];
      expect((await h.ok<Json>('domain_info', { domain: 'widgetlab.io' })).domain.name_servers).toEqual({ type: 'name_servers', name_servers: hosts });
      expect((await h.ok<Json>('get_dns', { domain: 'widgetlab.io' })).dns).toEqual({ type: 'name_servers', name_servers: hosts });
      expect((await h.ok<Json>('get_ns', { domain: 'widgetlab.io' })).name_servers).toEqual(hosts);
    });
  });

  describe('refusals by status alone', () => {
    // DESIGN.md: real answers carry a success code beside a refusing status, too.
    for (const code of [1, 0]) {
      it(`a register refused with code ${code} and status not_available is an error, never registered: true`, async () => {
        h.simulator.injectAnswer({ command: 'register', body: { RegisterResponse: { ResponseCode: code, Status: 'not_available' } } });
        const result = await h.call('register', { domain: 'brand-new-name.com', years: 1, confirm: true });
        const error = errorOf(result);
        expect(error.error).toBe('api_error');
        expect(error.message).toMatch(/not available/);
        expect(textOf(result)).not.toMatch(/registered/);
        expect(sent('register')).toBe(1);
        expect(account().domains.has('brand-new-name.com')).toBe(false);
      });
    }

    it('a delete refused with status grace_expired says why and keeps the domain', async () => {
      h.simulator.injectAnswer({ command: 'delete', body: { DeleteResponse: { ResponseCode: '1', Status: 'grace_expired' } } });
      const error = errorOf(await h.call('delete', { domain: 'fresh-idea.xyz', confirm: true }));
      expect(error.message).toMatch(/grace period/);
      expect(error.hint).toMatch(/refund/);
      expect(sent('delete')).toBe(1);
      expect(account().domains.has('fresh-idea.xyz')).toBe(true);
    });

    it('insufficient_funds as a bare status on a renewal', async () => {
      h.simulator.injectAnswer({ command: 'renew', body: { RenewResponse: { ResponseCode: '1', Status: 'insufficient_funds' } } });
      expect(errorOf(await h.call('renew', { domain: 'acme-widgets.com', years: 1, confirm: true })).error).toBe('insufficient_funds');
      expect(sent('renew')).toBe(1);
    });
  });

  describe('accepted, not finished', () => {
    it('order_pending_process is reported as pending, neither done nor failed, and sent exactly once', async () => {
      h.simulator.injectAnswer({
        command: 'register',
        afterRunning: true,
        body: { RegisterResponse: { ResponseCode: '1', Status: 'order_pending_process' } },
      });
      const result = await h.call('register', { domain: 'brand-new-name.com', years: 1, confirm: true });
      expect(result.isError).toBeFalsy();
      const answer = result.structuredContent as Json;
      expect(answer).toEqual({
        pending: {
          status: 'order_pending_process',
          message: expect.stringMatching(/accepted by Dynadot and is not finished yet/),
          next_step: expect.stringMatching(/Do not call register again/),
        },
      });
      expect(answer).not.toHaveProperty('registered');
      expect(sent('register')).toBe(1);
    });
  });

  describe('outages in every wording', () => {
    const wordings: Array<[string, string]> = [
      ['There is a problem with connection to main server, please try again later', 'upstream_unavailable'],
      ['connection to main server is busy', 'busy'],
      ['connection to main server is offline', 'upstream_unavailable'],
    ];
    for (const [text, code] of wordings) {
      const body = { Response: { ResponseCode: '-1', Error: text } };

      it(`"${text}": a read is retried, then ${code}`, async () => {
        h.simulator.injectAnswer({ command: 'domain_info', body, times: 10 });
        expect(errorOf(await h.call('domain_info', { domain: 'acme-widgets.com' })).error).toBe(code);
        expect(sent('domain_info')).toBe(1 + READ_RETRIES);
      });

      it(`"${text}": a write is sent once and reported ${code}`, async () => {
        h.simulator.injectAnswer({ command: 'set_note', body, times: 10 });
        expect(errorOf(await h.call('set_note', { domain: 'acme-widgets.com', note: 'x' })).error).toBe(code);
        expect(sent('set_note')).toBe(1);
      });
    }

    it('code 5 with status system_busy: a read recovers on retry', async () => {
      h.simulator.injectAnswer({ command: 'get_dns', body: { GetDnsResponse: { ResponseCode: 5, Status: 'system_busy' } } });
      expect((await h.ok<Json>('get_dns', { domain: 'acme-widgets.net' })).dns.type).toBe('dynadot_parking');
      expect(sent('get_dns')).toBe(2);
    });
  });

  it('a success with no Status at all is a success', async () => {
    h.simulator.injectAnswer({ command: 'set_note', afterRunning: true, body: { SetNoteResponse: { ResponseCode: 0 } } });
    expect(await h.ok('set_note', { domain: 'acme-widgets.com', note: 'hello' })).toEqual({
      done: true,
      domains: ['acme-widgets.com'],
      changed: { note: 'hello' },
      previous: { 'acme-widgets.com': { note: 'main brand' } },
    });
    expect(account().domains.get('acme-widgets.com')?.note).toBe('hello');
  });

  it('the hint names the remedy for a host that is not registered yet', async () => {
    h.simulator.injectAnswer({
      command: 'set_ns',
      body: { SetNsResponse: { ResponseCode: '-1', Status: 'error', Error: "'ns1.example.net' needs to be registered with an ip address before it can be used." } },
    });
    const error = errorOf(await h.call('set_ns', { domains: ['acme-widgets.net'], name_servers: ['ns1.cloudhost.example'], confirm: true }));
    expect(error.error).toBe('invalid_input');
    expect(error.hint).toMatch(/add it with add_ns .* or register_ns with its IP/);
  });
});
