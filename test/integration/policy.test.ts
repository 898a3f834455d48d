import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { fileAuditLog } from '../../src/server/audit.js';
import type { SpendCap } from '../../src/server/safety.js';
import { errorOf, type Harness, startHarness } from '../helpers/harness.js';

const KEY = 'policy-key-1e2d3c4b5a697887';

/** The cap DYNADOT_SPEND_CAP gives the server, through the config parser. */
function capFrom(text: string): SpendCap {
  const parsed = loadConfig([], { DYNADOT_SPEND_CAP: text });
  if (parsed.kind !== 'run' || !parsed.config.spendCap) throw new Error(`no cap from ${text}`);
  return parsed.config.spendCap;
}

/** Requests that would have changed the account: the purchases themselves, not renew's price_check. */
const purchasesSent = (h: Harness) => h.simulator.requests.filter((r) => ['register', 'renew'].includes(r.command) && r.params.price_check === undefined);

type PreviewAnswer = { preview: { details: Record<string, unknown>; confirmation_id?: string } };

/**
 * A purchase the spend cap refuses in its preview (issue 15): refused_because naming the cap and
 * the amount, no confirmation id, and nothing bought. The confirmed call the harness makes after
 * that preview gets the same preview back.
 */
async function refusedByCap(h: Harness, tool: string, args: Record<string, unknown>) {
  const balance = h.simulator.account.balance;
  const domains = h.simulator.account.domains.size;
  h.simulator.requests.length = 0;
  const result = await h.call(tool, { ...args, confirm: true });
  expect(result.isError).toBeFalsy();
  const { preview } = result.structuredContent as { preview: { refused_because?: string[]; confirmation_id?: string } };
  expect(preview.confirmation_id).toBeUndefined();
  const refusal = (preview.refused_because ?? []).join(' ');
  expect(h.simulator.requests.length).toBeGreaterThan(0);
  expect(purchasesSent(h)).toEqual([]);
  expect(h.simulator.account.balance).toBe(balance);
  expect(h.simulator.account.domains.size).toBe(domains);
  // The cap's refusal says what it refused and why; its hint is part of the same sentence.
  return { message: refusal, hint: refusal };
}

describe('spend cap in the account currency (DYNADOT_SPEND_CAP=50)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ spendCap: capFrom('50') });
  });
  afterAll(async () => h.close());
  afterEach(() => h.simulator.clearFaults());

  it('refuses a purchase above the cap in its preview: no id, and no order', async () => {
    const error = await refusedByCap(h, 'register', { domain: 'coolstartup.ai', years: 1 });
    expect(error.message).toMatch(/refused by the spend cap/);
    expect(error.message).toMatch(/69\.99 USD, above the cap of 50 USD/);
    expect(error.hint).toMatch(/DYNADOT_SPEND_CAP/);
    expect(h.simulator.account.domains.has('coolstartup.ai')).toBe(false);
  });

  it('lets a purchase under the cap through', async () => {
    const result = await h.ok<{ registered: boolean }>('register', { domain: 'cheap-name.xyz', years: 1, confirm: true });
    expect(result.registered).toBe(true);
    expect(h.simulator.account.domains.has('cheap-name.xyz')).toBe(true);
  });

  it('prices renewals by their duration', async () => {
    expect((await h.call('renew', { domain: 'acme-widgets.com', years: 1, confirm: true })).isError).toBeFalsy();
    const error = await refusedByCap(h, 'renew', { domain: 'acme-widgets.com', years: 10 });
    expect(error.message).toMatch(/above the cap of 50 USD/);
  });

  it('refuses a purchase priced in another currency, even one far below the cap', async () => {
    const error = await refusedByCap(h, 'register', { domain: 'euro-priced.xyz', years: 1, currency: 'EUR' });
    expect(error.message).toMatch(/priced at [\d.]+ EUR, not in the account currency USD/);
    expect(error.hint).toMatch(/USD/);
    expect(h.simulator.account.domains.has('euro-priced.xyz')).toBe(false);
  });

  it('refuses when the account currency cannot be determined', async () => {
    // Two balances holding money, and no balance in account_info: no way to tell which one pays.
    const times = 50;
    h.simulator.injectAnswer({
      command: 'get_account_balance',
      times,
      body: { GetAccountBalanceResponse: { ResponseCode: 0, Status: 'success', BalanceList: [{ Currency: 'USD', Amount: '300.00' }, { Currency: 'EUR', Amount: '80.00' }] } },
    });
    h.simulator.injectAnswer({ command: 'account_info', times, body: { AccountInfoResponse: { ResponseCode: 0, Status: 'success', AccountInfo: { Username: 'someone' } } } });
    const error = await refusedByCap(h, 'renew', { domain: 'acme-widgets.com', years: 1 });
    expect(error.message).toMatch(/account currency could not be determined \(get_account_balance lists 2 balances and account_info shows no balance\)/);
  });

  it('refuses when the price cannot be determined', async () => {
    // renew's price_check answers without a price: the cost is unknown.
    h.simulator.injectAnswer({ command: 'renew', times: 50, body: { RenewResponse: { ResponseCode: 0, Status: 'price_check_success' } } });
    const error = await refusedByCap(h, 'renew', { domain: 'acme-widgets.com', years: 1 });
    // No price, no confirmation: the preview says so before the cap is even compared.
    expect(error.message).toMatch(/renewal price of acme-widgets.com could not be read/);
  });

  it('shows the cap with the account currency in the preview, and in the instructions', async () => {
    const { preview } = await h.ok<PreviewAnswer>('register', { domain: 'coolstartup.ai', years: 1 });
    expect(preview.details.spend_cap).toEqual({ amount: 50, currency: 'USD' });
    expect(preview.details.note_on_cap).toMatch(/refused even when confirmed/);
    expect(h.client.getInstructions()).toMatch(/Spend cap: a single purchase above 50 \(account currency\)/);
  });
});

describe('spend cap written with its currency', () => {
  it('"50 USD" on an account in USD works as the bare amount does', async () => {
    const h = await startHarness({ spendCap: capFrom('50 usd') });
    try {
      const { preview } = await h.ok<PreviewAnswer>('register', { domain: 'coolstartup.ai', years: 1 });
      expect(preview.details.spend_cap).toEqual({ amount: 50, currency: 'USD' });
      const error = await refusedByCap(h, 'register', { domain: 'coolstartup.ai', years: 1 });
      expect(error.message).toMatch(/69\.99 USD, above the cap of 50 USD/);
      expect(await h.ok('register', { domain: 'cheap-name.xyz', years: 1, confirm: true })).toMatchObject({ registered: true });
    } finally {
      await h.close();
    }
  });

  it('"50 EUR" on an account in USD refuses every purchase, saying why, and the preview warns', async () => {
    const h = await startHarness({ spendCap: capFrom('50 EUR') });
    try {
      const { preview } = await h.ok<PreviewAnswer>('register', { domain: 'cheap-name.xyz', years: 1 });
      expect(preview.details.spend_cap).toEqual({ amount: 50, currency: 'EUR' });
      expect(preview.details.note_on_cap).toMatch(/set in EUR but this account pays in USD: every purchase is refused/);
      const error = await refusedByCap(h, 'register', { domain: 'cheap-name.xyz', years: 1 });
      expect(error.message).toMatch(/spend cap of 50 EUR: the cap is set in EUR but this account pays in USD/);
      expect(error.hint).toMatch(/DYNADOT_SPEND_CAP in USD/);
      await refusedByCap(h, 'renew', { domain: 'acme-widgets.com', years: 1 });
      expect(h.simulator.account.domains.has('cheap-name.xyz')).toBe(false);
    } finally {
      await h.close();
    }
  });

  it('a bare cap follows the account: in EUR on an account in EUR', async () => {
    const h = await startHarness({ spendCap: capFrom('50') });
    try {
      h.simulator.account.currency = 'EUR';
      const { preview } = await h.ok<PreviewAnswer>('register', { domain: 'cheap-name.xyz', years: 1 });
      expect(preview.details.spend_cap).toEqual({ amount: 50, currency: 'EUR' });
      const error = await refusedByCap(h, 'register', { domain: 'dollar-priced.xyz', years: 1, currency: 'USD' });
      expect(error.message).toMatch(/priced at [\d.]+ USD, not in the account currency EUR/);
      expect(await h.ok('register', { domain: 'cheap-name.xyz', years: 1, confirm: true })).toMatchObject({ registered: true });
    } finally {
      await h.close();
    }
  });
});

describe('audit log', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dynadot-audit-'));
  const path = join(dir, 'audit.jsonl');
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ apiKey: KEY, audit: fileAuditLog(path) });
  });
  afterAll(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records writes and confirmed destructive calls, with their outcome, and nothing else', async () => {
    await h.ok('list_domain', {});
    await h.ok('set_note', { domain: 'acme-widgets.com', note: 'audited' });
    await h.ok('register', { domain: 'coolstartup.ai', years: 1 }); // preview: nothing sent, nothing recorded
    await h.call('delete', { domain: 'acme-widgets.com', confirm: true }); // past grace: the preview refuses, nothing sent
    // Confirmed after its preview, and refused by api3 itself.
    h.simulator.injectAnswer({ command: 'register', body: { RegisterResponse: { ResponseCode: '-1', Status: 'error', Error: 'order could not be placed' } } });
    const refused = await h.call('register', { domain: 'cheap-name.xyz', years: 1, confirm: true });
    expect(errorOf(refused).error).toBe('api_error');

    const lines = readFileSync(path, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    // Each change is written before it is sent (`sending`) and again with its outcome.
    expect(lines.map((l) => [l.tool, l.outcome, l.error])).toEqual([
      ['set_note', 'sending', undefined],
      ['set_note', 'done', undefined],
      ['register', 'sending', undefined],
      ['register', 'error', 'api_error'],
    ]);
    expect(lines[0].args).toEqual({ domain: 'acme-widgets.com', note: 'audited' });
    expect(Date.parse(lines[0].time)).not.toBeNaN();
    expect(readFileSync(path, 'utf8')).not.toContain(KEY);
  });
});

describe('unknown tools', () => {
  it('get invalid_input with a pointer to tools/list, not a field hint', async () => {
    const h = await startHarness({ toolsets: ['account'] });
    try {
      const error = errorOf(await h.call('register', { domain: 'x.com', years: 1 }));
      expect(error.error).toBe('invalid_input');
      expect(error.message).toMatch(/Tool register not found/);
      expect(error.hint).toMatch(/tools\/list/);
    } finally {
      await h.close();
    }
  });
});
