import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../helpers/harness.js';

/**
 * The server as a whole through a real MCP client -> server -> api3 client -> simulator over
 * loopback HTTP: what holds for every tool rather than for one (each tool's own cases are in
 * test/tools/<toolset>/<tool>.test.ts).
 */
type Json = Record<string, any>;

describe('the server against the simulator', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
    // Listing the tools makes the client check every structuredContent against its outputSchema.
    await h.client.listTools();
  });
  afterAll(async () => h.close());
  beforeEach(() => h.simulator.reset());

  describe('the account queue', () => {
    it('parallel calls all succeed and never overlap at api3 (one request in flight per account)', async () => {
      h.simulator.setLatency(15);
      try {
        const names = ['acme-widgets.com', 'acme-widgets.net', 'widgetlab.io', 'widget.dev', 'shopwidgets.co'];
        const results = await Promise.all(names.map((name) => h.ok<Json>('domain_info', { domain: name })));
        expect(results.map((r) => r.domain.name)).toEqual(names);
        expect(h.simulator.maxInFlightSeen).toBe(1);
        expect(h.simulator.requests.filter((r) => r.command === 'domain_info')).toHaveLength(names.length);
      } finally {
        h.simulator.setLatency(0);
      }
    });
  });

  describe('demo mode', () => {
    it('labels every answer and the instructions as the demo account', async () => {
      const demo = await startHarness({ demo: true });
      try {
        await demo.client.listTools();
        expect(demo.client.getInstructions()).toMatch(/DEMO MODE/);
        const result = await demo.ok('get_account_balance');
        expect(result).toEqual({ balances: [{ amount: 300, currency: 'USD' }], demo: true });
        const preview = await demo.ok('delete', { domain: 'fresh-idea.xyz' });
        expect(preview).toMatchObject({ demo: true, preview: { next_step: expect.stringMatching(/confirm/) } });
      } finally {
        await demo.close();
      }
    });

    it('a real account is not labelled demo', async () => {
      expect(await h.ok('get_account_balance')).not.toHaveProperty('demo');
      expect(h.client.getInstructions()).not.toMatch(/DEMO MODE/);
    });
  });
});
