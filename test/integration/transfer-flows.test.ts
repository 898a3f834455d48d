import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, InMemoryTransport } from '@modelcontextprotocol/client';
import type { CallToolResult } from '@modelcontextprotocol/client';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Api3Client } from '../../src/api3/client.js';
import { type AuditEntry, fileAuditLog } from '../../src/server/audit.js';
import { buildServer } from '../../src/server/server.js';
import { StateStore } from '../../src/server/state-store.js';
import { completeTransfer } from '../../src/simulator/handlers/transfers.js';
import type { FaultKind } from '../../src/simulator/server.js';
import { RECEIVER_API_KEY, RECEIVER_PUSH_USERNAME } from '../../src/simulator/state.js';
import { CATALOG } from '../../tools/index.js';
import { NOT_YET } from '../../tools/not-yet.js';
import { accountPort } from '../../tools/ports.js';
import { type Harness, startHarness, textOf } from '../helpers/harness.js';
import { captureStderr } from '../helpers/stderr.js';

/**
 * The flows of issue 18 through the SDK client: a transfer in from preview to the domain in the
 * account, a push from one account to another, and auth codes that never leave the call.
 */
type Json = Record<string, any>;
const today = () => new Date().toISOString().slice(0, 10);
const structured = (result: CallToolResult) => result.structuredContent as Json;

/** A second MCP server on the same simulator, acting for the receiving account by its own key. */
async function receiverSession(simulatorUrl: string) {
  const api = new Api3Client({
    apiUrl: simulatorUrl,
    apiKey: RECEIVER_API_KEY,
    timeoutMs: 2_000,
    concurrency: 1,
    ratePerMinute: 100_000,
    readRetries: 2,
    retryBaseMs: 5,
  });
  const server = buildServer({ api, account: accountPort, catalog: CATALOG, demo: false, toolsets: 'all', notYet: NOT_YET, elicitationTimeoutMs: 0 });
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'receiver', version: '1.0.0' });
  await Promise.all([server.connect(serverTransport), client.connect(clientTransport)]);
  const call = (name: string, args: Record<string, unknown> = {}) => client.callTool({ name, arguments: args }) as Promise<CallToolResult>;
  return {
    async ok(name: string, args: Record<string, unknown> = {}): Promise<Json> {
      const result = await call(name, args);
      if (result.isError) throw new Error(`${name} failed: ${textOf(result)}`);
      return structured(result);
    },
    async close() {
      await client.close();
      await server.close();
      await api.close();
    },
  };
}

describe('transfer and push flows', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.close());
  beforeEach(() => h.simulator.reset());

  it('transfer: preview with the price, confirm, pending in get_transfer_status, completed by the simulator, then in list_domain and order_list', async () => {
    const args = { domain: 'widgets.com', auth_code: 'Wdg-7Kq2-Xp9z' };
    const { preview } = await h.ok<Json>('transfer', args);
    expect(preview.details).toMatchObject({
      transfer_price: { amount: 10.99, currency: 'USD' },
      balance_before: { amount: 300, currency: 'USD' },
      balance_after: { amount: 289.01, currency: 'USD' },
    });
    const done = await h.ok<Json>('transfer', { ...args, confirm: true, confirmation_id: preview.confirmation_id });
    expect(done).toEqual({ domain: 'widgets.com', order_id: expect.any(Number), charged: { amount: 10.99, currency: 'USD' } });

    const pending = await h.ok<Json>('get_transfer_status', { domain: 'widgets.com' });
    expect(pending.transfers).toEqual([{ order_id: done.order_id, status: 'none', meaning: expect.stringMatching(/not started/) }]);
    expect(pending.hint).toMatch(/get_order_status/);
    expect(await h.ok<Json>('get_order_status', { order_id: done.order_id })).toMatchObject({
      status: 'processing',
      pending: true,
      items: [{ type: 'domain transfer', name: 'widgets.com' }],
    });
    const before = await h.ok<Json>('list_domain', { page_size: 100 });
    expect(before.items.map((d: Json) => d.name)).not.toContain('widgets.com');

    completeTransfer(h.simulator.account, 'widgets.com');
    expect((await h.ok<Json>('get_transfer_status', { domain: 'widgets.com' })).transfers[0].status).toBe('completed');
    const after = await h.ok<Json>('list_domain', { page_size: 100 });
    expect(after.items.map((d: Json) => d.name)).toContain('widgets.com');
    const orders = await h.ok<Json>('order_list', { search: { by: 'date_range', from: today(), to: today() } });
    expect(orders.items).toEqual([
      expect.objectContaining({ id: done.order_id, status: 'completed', items: [expect.objectContaining({ type: 'domain transfer', name: 'widgets.com' })] }),
    ]);
  });

  it('push: preview, confirm; the receiving account lists it, accepts it, and the domain moves', async () => {
    const receiver = await receiverSession(h.simulator.url);
    try {
      const args = { domains: ['acme-widgets.com', 'old-project.org'], receiver: RECEIVER_PUSH_USERNAME, unlock: true };
      const { preview } = await h.ok<Json>('push', args);
      expect(preview.details.domains.map((d: Json) => [d.domain, d.locked])).toEqual([
        ['acme-widgets.com', true],
        ['old-project.org', false],
      ]);
      expect(preview.details.note).toMatch(/leaves this account once receiver accepts/);
      expect(await h.ok<Json>('push', { ...args, confirm: true, confirmation_id: preview.confirmation_id })).toMatchObject({ sent: true });

      // The receiver sees the two, beside the domain it already offers the demo account.
      const offered = await receiver.ok('get_domain_push_request');
      expect(offered).toEqual({ domains: ['acme-widgets.com', 'old-project.org'] });
      expect(await receiver.ok('set_domain_push_request', { domains: ['acme-widgets.com', 'old-project.org'], action: 'accept' })).toEqual({
        action: 'accepted',
        domains: ['acme-widgets.com', 'old-project.org'],
      });

      const sender = (await h.ok<Json>('list_domain', { page_size: 100 })).items.map((d: Json) => d.name);
      expect(sender).not.toContain('acme-widgets.com');
      expect(sender).not.toContain('old-project.org');
      const theirs = (await receiver.ok('list_domain', { page_size: 100 })).items.map((d: Json) => d.name);
      expect(theirs).toEqual(expect.arrayContaining(['acme-widgets.com', 'old-project.org', 'alice-gift.net']));
      expect(await receiver.ok('get_domain_push_request')).toEqual({ domains: [] });
      // The sender's push order is done.
      expect(h.simulator.account.orders.at(-1)?.status).toBe('Completed');
    } finally {
      await receiver.close();
    }
  });

  it('push: a confirmation for one receiver cannot push to another', async () => {
    const args = { domains: ['old-project.org'], receiver: RECEIVER_PUSH_USERNAME };
    const { preview } = await h.ok<Json>('push', args);
    const redirected = await h.call('push', { ...args, receiver: 'mallory', confirm: true, confirmation_id: preview.confirmation_id });
    expect(structured(redirected).preview.why_not_sent).toMatch(/another tool or other arguments/);
    expect(h.simulator.requests.filter((r) => r.command === 'push')).toEqual([]);
    expect(h.simulator.account.pushes).toEqual([]);
  });

  it('get_transfer_auth_code with new_code and no confirmation sends nothing', async () => {
    const result = await h.call('get_transfer_auth_code', { domain: 'old-project.org', new_code: true });
    expect(Object.keys(structured(result))).toEqual(['preview']);
    expect(h.simulator.requests.map((r) => r.command)).not.toContain('get_transfer_auth_code');
    expect(h.simulator.account.authCodes.has('old-project.org')).toBe(false);
  });
});

/**
 * Auth codes under every fault the simulator injects: the code goes to api3 and to the caller
 * that asked for it, and nowhere else (audit lines in memory and on file, stderr, previews,
 * error texts, the state folder's snapshots and confirmation records).
 */
const FAULTS: FaultKind[] = ['http500', 'html', 'malformed', 'hang', 'reset', 'busy', 'rate_limited'];

describe('auth codes stay secret, under every fault', () => {
  let stderr: ReturnType<typeof captureStderr>;
  let dir: string;
  let audited: AuditEntry[];
  let h: Harness;
  let counter = 0;
  beforeEach(async () => {
    stderr = captureStderr();
    dir = mkdtempSync(join(tmpdir(), 'dynadot-transfer-secrets-'));
    audited = [];
    const fileAudit = fileAuditLog(join(dir, 'audit.jsonl'));
    // A harness per case: a rate limit pauses its key's queue, and must not hold up the next case.
    h = await startHarness({
      store: new StateStore(dir, false),
      audit: (entry) => {
        audited.push(entry);
        fileAudit(entry);
      },
      client: { timeoutMs: 300, readRetries: 0 },
    });
  });
  afterEach(async () => {
    stderr.restore();
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Every file of the state folder, read whole. */
  const stateFolder = (): string => {
    const texts: string[] = [];
    const walk = (path: string) => {
      for (const name of readdirSync(path)) {
        const full = join(path, name);
        if (statSync(full).isDirectory()) walk(full);
        else texts.push(readFileSync(full, 'utf8'));
      }
    };
    walk(dir);
    return texts.join('\n');
  };
  const expectNowhere = (secret: string, answers: CallToolResult[]) => {
    expect(stderr.text()).not.toContain(secret);
    expect(JSON.stringify(audited)).not.toContain(secret);
    expect(stateFolder()).not.toContain(secret);
    for (const answer of answers) expect(JSON.stringify(answer)).not.toContain(secret);
  };
  const secret = () => `Tr4nsfer-Secret-${process.pid}-${++counter}-Qz`;

  for (const fault of FAULTS) {
    it(`transfer and set_transfer_auth_code under ${fault}: the code reaches api3 and nothing else`, async () => {
      const code = secret();
      const args = { domain: 'widgets.com', auth_code: code };
      const preview = await h.call('transfer', args);
      const id = structured(preview).preview.confirmation_id;
      expect(id).toMatch(/^c1\./);
      h.simulator.injectFault({ kind: fault, command: 'transfer' });
      const confirmed = await h.call('transfer', { ...args, confirm: true, confirmation_id: id });
      expect(confirmed.isError, textOf(confirmed)).toBe(true);
      const replay = await h.call('transfer', { ...args, confirm: true, confirmation_id: id });

      h.simulator.clearFaults();
      const resend = secret();
      h.simulator.injectFault({ kind: fault, command: 'set_transfer_auth_code' });
      const written = await h.call('set_transfer_auth_code', { domain: 'acme.com', auth_code: resend });
      expect(written.isError, textOf(written)).toBe(true);

      const sent = h.simulator.requests;
      expect(sent.find((r) => r.command === 'transfer')?.params.auth).toBe(code);
      // A rate limit pauses the key's queue: the second call is refused before it is sent.
      if (fault !== 'rate_limited') expect(sent.find((r) => r.command === 'set_transfer_auth_code')?.params.auth_code).toBe(resend);
      expect(audited.map((e) => [e.tool, e.outcome, e.args.auth_code])).toEqual([
        ['transfer', 'sending', '***'],
        ['transfer', 'error', '***'],
        ['set_transfer_auth_code', 'sending', '***'],
        ['set_transfer_auth_code', 'error', '***'],
      ]);
      expectNowhere(code, [preview, confirmed, replay]);
      expectNowhere(resend, [written]);
    });
  }

  it('a preview whose read fails keeps the code out of its text and the log', async () => {
    const code = secret();
    h.simulator.injectFault({ kind: 'http500', command: 'tld_price', times: 5 });
    const preview = await h.call('transfer', { domain: 'widgets.com', auth_code: code });
    expect(structured(preview).preview.would_call.auth_code).toBe('***');
    expectNowhere(code, [preview]);
  });

  it("get_transfer_auth_code: the code is in the caller's answer only; a replayed confirmation answers *** for it", async () => {
    const args = { domain: 'old-project.org', new_code: true };
    const preview = await h.call('get_transfer_auth_code', args);
    const id = structured(preview).preview.confirmation_id;
    const first = await h.call('get_transfer_auth_code', { ...args, confirm: true, confirmation_id: id });
    const code = structured(first).auth_code as string;
    expect(code).toBe(h.simulator.account.authCodes.get('old-project.org'));
    const replay = await h.call('get_transfer_auth_code', { ...args, confirm: true, confirmation_id: id });
    expect(structured(replay)).toMatchObject({ replay: true, auth_code: '***' });
    expect(audited.map((e) => [e.tool, e.outcome])).toEqual([
      ['get_transfer_auth_code', 'sending'],
      ['get_transfer_auth_code', 'done'],
    ]);
    expectNowhere(code, [preview, replay]);
  });

  for (const fault of FAULTS) {
    it(`get_transfer_auth_code under ${fault}: an error, and no code anywhere`, async () => {
      const code = h.simulator.account.authCodes.get('acme-widgets.com') ?? '';
      h.simulator.account.skipLockAgreement = true;
      const args = { domain: 'acme-widgets.com', unlock: true };
      const id = structured(await h.call('get_transfer_auth_code', args)).preview.confirmation_id;
      h.simulator.injectFault({ kind: fault, command: 'get_transfer_auth_code' });
      const result = await h.call('get_transfer_auth_code', { ...args, confirm: true, confirmation_id: id });
      expect(result.isError, textOf(result)).toBe(true);
      expectNowhere(code, [result]);
    });
  }
});
