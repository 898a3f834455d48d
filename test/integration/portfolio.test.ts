import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { type Harness, startHarness } from '../helpers/harness.js';

/**
 * Issue 20, item 2: "which domains expire in the next 30 days and are not on auto-renew?" on an
 * account of 10,000 domains is one call, one api3 request and a short answer; summaries count.
 */
const DAY = 86_400_000;
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ simulator: { portfolio: 10_000 } });
});
afterAll(async () => h.close());

describe('a portfolio of 10,000 domains', () => {
  it('expiring in 30 days and not on auto-renew: the right domains, in one request and a short answer', async () => {
    const horizon = Date.now() + 30 * DAY;
    const expected = [...h.simulator.account.domains.values()]
      .filter((d) => d.expiration <= horizon && d.renewOption !== 'auto renew')
      .map((d) => d.name)
      .sort();
    expect(expected.length).toBeGreaterThan(100);
    h.simulator.requests.length = 0;
    const result = await h.call('list_domain', { expiring_within_days: 30, renew_option: ['do_not_renew', 'reset'], page_size: 500 });
    const answer = result.structuredContent as { items: Array<{ name: string; renew_option: string }>; total: number };
    expect(answer.total).toBe(expected.length);
    expect(expected.length).toBeLessThanOrEqual(500);
    expect(answer.items.map((d) => d.name).sort()).toEqual(expected);
    expect(answer.items.every((d) => d.renew_option !== 'auto')).toBe(true);
    expect(h.simulator.requests.map((r) => r.command)).toEqual(['list_domain']);
  });

  it('the default page of that question stays short: 100 rows and the true total, under 8,000 tokens', async () => {
    const result = await h.call('list_domain', { expiring_within_days: 30, renew_option: ['do_not_renew', 'reset'] });
    const answer = result.structuredContent as { items: unknown[]; total: number; has_more: boolean };
    expect(answer.items).toHaveLength(100);
    expect(answer.has_more).toBe(true);
    expect(countTokens(JSON.stringify(answer))).toBeLessThan(8_000);
  });

  it('summary by renew option counts every domain once, without rows', async () => {
    const result = await h.call('list_domain', { summary: 'renew_option' });
    const answer = result.structuredContent as { total: number; summary: { by: string; counts: Record<string, number> }; items?: unknown };
    expect(answer.items).toBeUndefined();
    expect(answer.total).toBe(h.simulator.account.domains.size);
    expect(Object.values(answer.summary.counts).reduce((a, b) => a + b, 0)).toBe(answer.total);
    expect(Object.keys(answer.summary.counts).sort()).toEqual(['auto', 'do_not_renew', 'reset']);
  });

  it('filters combine: a TLD, unlocked, privacy off, by expiry month', async () => {
    const result = await h.call('list_domain', { tld: '.io', locked: false, privacy: 'off', summary: 'expiry_month' });
    const answer = result.structuredContent as { total: number; summary: { counts: Record<string, number> } };
    const expected = [...h.simulator.account.domains.values()].filter((d) => d.name.endsWith('.io') && !d.locked && d.privacy === 'none').length;
    expect(answer.total).toBe(expected);
    expect(Object.keys(answer.summary.counts).every((month) => /^\d{4}-\d{2}$/.test(month))).toBe(true);
  });

  it('folder by exact name, and "" for domains in no folder', async () => {
    const inClients = (await h.call('list_domain', { folder: 'Clients' })).structuredContent as { items: Array<{ name: string }> };
    expect(inClients.items.map((d) => d.name).sort()).toEqual(['acme-widgets.de', 'widgetlab.io']);
    const none = (await h.call('list_domain', { folder: '', summary: 'tld' })).structuredContent as { total: number };
    expect(none.total).toBe(h.simulator.account.domains.size - 2);
  });

  it('fields cut each row to the name and the columns asked for', async () => {
    const result = await h.call('list_domain', { expiring_within_days: 30, renew_option: ['do_not_renew', 'reset'], fields: ['expires'], page_size: 5 });
    const answer = result.structuredContent as { items: Array<Record<string, unknown>> };
    expect(answer.items).toHaveLength(5);
    for (const row of answer.items) expect(Object.keys(row).sort()).toEqual(['expires', 'name']);
  });
});
