import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/server.js';
import { BIN, connectStdio, tempDir } from '../bundle/support.js';

/**
 * The built bin started over a state folder an earlier run left behind: killed while sending a
 * change (the audit log ends in `sending`), with modes a umask or a copy loosened.
 */
const KEY = 'e2e-restart-key-91c0d3b7a5';
const SENDING = { time: '2026-11-30T12:34:56.000Z', tool: 'set_ns', args: { domains: ['acme-widgets.com', 'widget.dev'], name_servers: ['ns1.cloudhost.example'] }, outcome: 'sending' };

describe('start-up over a left state folder', () => {
  let sim: Simulator;
  let state: { path: string; remove(): void };
  beforeAll(async () => {
    sim = await startSimulator({ keys: [KEY] });
    state = tempDir('dynadot-restart-e2e-');
  });
  afterAll(async () => {
    await sim.close();
    state.remove();
  });

  it('a trailing sending is surfaced in the instructions and in is_processing; the folder is tightened', async () => {
    const dir = join(state.path, 'state');
    mkdirSync(join(dir, 'snapshots'), { recursive: true });
    const done = { ...SENDING, time: '2026-11-30T12:00:00.000Z', tool: 'set_note', args: { domain: 'widget.dev' }, outcome: 'done' };
    writeFileSync(join(dir, 'audit.jsonl'), `${JSON.stringify(done)}\n${JSON.stringify(SENDING)}\n`);
    chmodSync(dir, 0o777);
    chmodSync(join(dir, 'snapshots'), 0o777);
    chmodSync(join(dir, 'audit.jsonl'), 0o666);

    const session = await connectStdio(process.execPath, [BIN], { DYNADOT_API_KEY: KEY, DYNADOT_API_URL: sim.url, DYNADOT_STATE_DIR: dir });
    try {
      const instructions = session.client.getInstructions() ?? '';
      expect(instructions).toMatch(/WARNING: .*set_ns on acme-widgets\.com, widget\.dev at 2026-11-30T12:34:56\.000Z/);
      expect(instructions).toMatch(/is_processing.*domain_info.*get_dns.*get_account_balance/);
      // is_processing is not listed by default: reached, as an agent would, through call_tool.
      const answer = await session.client.callTool({ name: 'call_tool', arguments: { name: 'is_processing' } });
      expect(answer.structuredContent).toMatchObject({ processing: false, warning: expect.stringMatching(/set_ns on acme-widgets\.com, widget\.dev at 2026-11-30T12:34:56/) });
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      expect(statSync(join(dir, 'snapshots')).mode & 0o777).toBe(0o700);
      expect(statSync(join(dir, 'audit.jsonl')).mode & 0o777).toBe(0o600);
    } finally {
      await session.close();
    }
  }, 30_000);
});
