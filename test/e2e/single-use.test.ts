import type { CallToolResult } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/server.js';
import { BIN, connectStdio, type StdioSession, tempDir } from '../bundle/support.js';

/**
 * Two processes of the built bin sharing a state folder and a confirmation secret (two
 * `--stateless` replicas, or a client that restarted its server): an id one of them issued
 * acts once, whichever of them gets it and however often.
 */
const KEY = 'e2e-single-use-key-5d2e8a41c7';
const RENEW = { domain: 'acme-widgets.com', years: 1 };

describe('single use across processes', () => {
  let sim: Simulator;
  let state: { path: string; remove(): void };
  let sessions: StdioSession[] = [];
  beforeAll(async () => {
    sim = await startSimulator({ keys: [KEY], maxConcurrentPerKey: 5, latencyMs: 50 });
    state = tempDir('dynadot-single-use-e2e-');
    const env = { DYNADOT_API_KEY: KEY, DYNADOT_API_URL: sim.url, DYNADOT_STATE_DIR: state.path, DYNADOT_CONFIRM_SECRET: 'shared-secret-for-two-replicas' };
    sessions = await Promise.all([connectStdio(process.execPath, [BIN], env), connectStdio(process.execPath, [BIN], env)]);
  }, 30_000);
  afterAll(async () => {
    await Promise.all(sessions.map((s) => s.close()));
    await sim.close();
    state.remove();
  });

  it('two processes sharing the state folder send one order for one id', async () => {
    const [a, b] = sessions;
    if (!a || !b) throw new Error('not started');
    const call = (session: StdioSession, args: Record<string, unknown>) =>
      session.client.callTool({ name: 'renew', arguments: args }) as Promise<CallToolResult>;
    const preview = (await call(a, RENEW)).structuredContent as { preview?: { confirmation_id?: string } };
    const confirmed = { ...RENEW, confirm: true, confirmation_id: preview.preview?.confirmation_id };
    expect(confirmed.confirmation_id).toBeTruthy();

    const together = await Promise.all([call(a, confirmed), call(b, confirmed), call(b, confirmed)]);
    const later = [await call(b, confirmed), await call(a, confirmed)];
    // Every request takes 50 ms, so each copy's preview reads overlap the others' and all pass the gate.
    const orders = sim.requests.filter((r) => r.command === 'renew' && r.params.price_check === undefined);
    expect(orders).toHaveLength(1);
    const replays = [...together, ...later].filter((r) => (r.structuredContent as { replay?: boolean } | undefined)?.replay === true);
    expect(replays, JSON.stringify([...together, ...later].map((r) => r.structuredContent ?? r.content))).toHaveLength(4);
    // The later ones, once the first had finished, answer its outcome rather than "in progress".
    for (const r of later) expect(r.structuredContent).toMatchObject({ replay: true, domain: 'acme-widgets.com' });
  }, 30_000);
});
