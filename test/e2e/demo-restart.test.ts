import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, connectStdio, type StdioSession, tempDir } from '../bundle/support.js';

/**
 * Issue 20, item 6: the demo account is kept in the demo part of the state folder with its
 * snapshots and audit log, so a restarted demo continues where it was; --demo-reset starts over.
 */
describe('a demo that remembers', () => {
  let state: { path: string; remove(): void };
  beforeAll(() => {
    state = tempDir('dynadot-demo-restart-');
  });
  afterAll(() => state.remove());

  const start = (args: string[] = []) => connectStdio(process.execPath, [BIN, ...args], { DYNADOT_STATE_DIR: state.path });
  const call = async (session: StdioSession, name: string, args: Record<string, unknown>) =>
    (await session.client.callTool({ name: 'call_tool', arguments: { name, arguments: args } })).structuredContent as Record<string, unknown>;
  const noteOf = async (session: StdioSession) => ((await call(session, 'domain_info', { domain: 'widget.dev' })).domain as { note?: string }).note;

  it('a change made in one run is there in the next, with the snapshot of what it replaced', async () => {
    const first = await start();
    try {
      expect(await noteOf(first)).not.toBe('kept across restarts');
      await call(first, 'set_note', { domain: 'widget.dev', note: 'kept across restarts' });
      const parked = await first.client.callTool({ name: 'set_dns2', arguments: { domains: ['widget.dev'], records: [{ type: 'a', value: '198.51.100.9' }] } });
      const id = (parked.structuredContent as { preview: { confirmation_id: string } }).preview.confirmation_id;
      await first.client.callTool({ name: 'set_dns2', arguments: { domains: ['widget.dev'], records: [{ type: 'a', value: '198.51.100.9' }], confirm: true, confirmation_id: id } });
    } finally {
      await first.close();
    }
    const account = join(state.path, 'demo', 'account.json');
    expect(statSync(account).mode & 0o777).toBe(0o600);

    const second = await start();
    try {
      expect(await noteOf(second)).toBe('kept across restarts');
      const dns = (await second.client.callTool({ name: 'get_dns', arguments: { domain: 'widget.dev' } })).structuredContent as { dns: unknown };
      expect(dns.dns).toMatchObject({ type: 'dynadot_dns', records: [{ type: 'a', value: '198.51.100.9' }] });
      const snapshots = (await second.client.callTool({ name: 'list_snapshots', arguments: {} })).structuredContent as { items: unknown[] };
      expect(snapshots.items).toHaveLength(1);
    } finally {
      await second.close();
    }
  }, 60_000);

  it('--demo-reset starts the account, its snapshots and its audit log over, and says so', async () => {
    const reset = await start(['--demo-reset']);
    try {
      expect(reset.stderr()).toMatch(/DEMO RESET/);
      expect(await noteOf(reset)).not.toBe('kept across restarts');
      const snapshots = (await reset.client.callTool({ name: 'list_snapshots', arguments: {} })).structuredContent as { items: unknown[] };
      expect(snapshots.items).toEqual([]);
    } finally {
      await reset.close();
    }
  }, 60_000);
});
