import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileAuditLog } from '../../src/server/audit.js';
import { auditLogPath, StateStore } from '../../src/server/state-store.js';
import { loadConfig } from '../../src/config.js';
import { errorOf, startHarness } from '../helpers/harness.js';

/**
 * Issue 10, items 3 and 4: dry run answers every change with its preview (every tool is covered
 * by its own test file's dryRunCase); the audit log is on by default in the state folder, and a
 * change whose audit line cannot be written is not sent.
 */
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'dynadot-undo-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('dry run', () => {
  it('the instructions say so first, reads work as usual, and every answer carries dry_run', async () => {
    const h = await startHarness({ dryRun: true });
    try {
      expect(h.client.getInstructions()).toMatch(/^DRY RUN: this server changes nothing/);
      expect(await h.ok('get_account_balance')).toEqual({ balances: [{ amount: 300, currency: 'USD' }], dry_run: true });
      const answer = await h.ok<{ preview: { summary: string; next_step: string }; dry_run: true }>('set_note', { domain: 'acme-widgets.com', note: 'x' });
      expect(answer.preview.summary).toMatch(/^Dry run/);
      expect(answer.preview.next_step).toMatch(/without DYNADOT_DRY_RUN/);
      expect(h.simulator.requests.map((r) => r.command)).toEqual(['get_account_balance']);
    } finally {
      await h.close();
    }
  });

  it('--dry-run and DYNADOT_DRY_RUN=1 turn it on', () => {
    const flag = loadConfig(['--dry-run'], {});
    const env = loadConfig([], { DYNADOT_DRY_RUN: '1' });
    expect(flag.kind === 'run' && flag.config.dryRun).toBe(true);
    expect(env.kind === 'run' && env.config.dryRun).toBe(true);
    const off = loadConfig([], {});
    expect(off.kind === 'run' && off.config.dryRun).toBe(false);
  });
});

describe('the audit log', () => {
  it('lives in the state folder by default (the demo in its own part); off disables it; a path is taken as given', () => {
    const dir = tempDir();
    expect(auditLogPath(undefined, new StateStore(dir, false))).toBe(join(dir, 'audit.jsonl'));
    expect(auditLogPath(undefined, new StateStore(dir, true))).toBe(join(dir, 'demo', 'audit.jsonl'));
    for (const off of ['off', 'OFF', 'none', '0', 'false']) expect(auditLogPath(off, new StateStore(dir, false))).toBeUndefined();
    expect(auditLogPath('/var/log/dynadot.jsonl', new StateStore(dir, false))).toBe('/var/log/dynadot.jsonl');
  });

  it('each change is written before it is sent, with its outcome after', async () => {
    const path = join(tempDir(), 'nested', 'audit.jsonl');
    const h = await startHarness({ audit: fileAuditLog(path) });
    try {
      await h.ok('set_note', { domain: 'acme-widgets.com', note: 'traced' });
      const lines = readFileSync(path, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { outcome: string; tool: string });
      expect(lines.map((l) => [l.tool, l.outcome])).toEqual([
        ['set_note', 'sending'],
        ['set_note', 'done'],
      ]);
    } finally {
      await h.close();
    }
  });

  it('a change whose audit line cannot be written is refused, and nothing is sent', async () => {
    // A path below a regular file can never be created.
    const blocker = join(tempDir(), 'not-a-folder');
    writeFileSync(blocker, '');
    const h = await startHarness({ audit: fileAuditLog(join(blocker, 'audit.jsonl')) });
    try {
      const error = errorOf(await h.call('set_note', { domain: 'acme-widgets.com', note: 'untraceable' }));
      expect(error.message).toMatch(/could not write the audit log.*nothing was sent/);
      expect(error.hint).toMatch(/DYNADOT_AUDIT_LOG=off/);
      expect(h.simulator.requests.filter((r) => r.command === 'set_note')).toEqual([]);
      expect(h.simulator.account.domains.get('acme-widgets.com')?.note).toBe('main brand');
    } finally {
      await h.close();
    }
  });
});
