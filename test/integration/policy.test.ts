import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileAuditLog } from '../../src/server/audit.js';
import { errorOf, type Harness, startHarness } from '../helpers/harness.js';

const KEY = 'policy-key-1e2d3c4b5a697887';

describe('spend cap', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ spendCap: 50 });
  });
  afterAll(async () => h.close());

  it('refuses a confirmed purchase above the cap and sends no order', async () => {
    const balance = h.simulator.account.balance;
    h.simulator.requests.length = 0;
    const error = errorOf(await h.call('register', { domain: 'coolstartup.ai', years: 1, confirm: true }));
    expect(error.error).toBe('permission_denied');
    expect(error.message).toMatch(/69\.99 USD, above the cap of 50/);
    expect(error.hint).toMatch(/DYNADOT_SPEND_CAP/);
    expect(h.simulator.requests.map((r) => r.command)).toEqual(['search']);
    expect(h.simulator.account.balance).toBe(balance);
    expect(h.simulator.account.domains.has('coolstartup.ai')).toBe(false);
  });

  it('lets a purchase under the cap through', async () => {
    const result = await h.ok<{ registered: boolean }>('register', { domain: 'cheap-name.xyz', years: 1, confirm: true });
    expect(result.registered).toBe(true);
    expect(h.simulator.account.domains.has('cheap-name.xyz')).toBe(true);
  });

  it('prices renewals by their duration', async () => {
    expect((await h.call('renew', { domain: 'acme-widgets.com', years: 1, confirm: true })).isError).toBeFalsy();
    const error = errorOf(await h.call('renew', { domain: 'acme-widgets.com', years: 10, confirm: true }));
    expect(error.message).toMatch(/above the cap/);
  });

  it('says so in the preview and the instructions', async () => {
    const preview = (await h.ok<{ preview: { details: Record<string, unknown> } }>('register', { domain: 'coolstartup.ai', years: 1 })).preview;
    expect(preview.details.spend_cap).toBe(50);
    expect(h.client.getInstructions()).toMatch(/Spend cap/);
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
    await h.call('delete', { domain: 'acme-widgets.com', confirm: true }); // refused by api3: past grace

    const lines = readFileSync(path, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((l) => [l.tool, l.outcome, l.error])).toEqual([
      ['set_note', 'done', undefined],
      ['delete', 'error', 'api_error'],
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
