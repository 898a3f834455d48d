import { describe, expect, it } from 'vitest';
import { formatResults, REQUIRED_SCENARIOS, runConformance } from './conformance/run.js';

/**
 * The official MCP conformance suite against the Streamable HTTP server (see
 * test/conformance/run.ts; `npm run conformance` prints the same table). Offline: the suite only
 * talks to the loopback URL it is given. Scenarios that need the suite's own fixture tools,
 * resources and prompts fail by design and are not asserted.
 */
describe('MCP conformance suite (Streamable HTTP)', () => {
  it('passes every required scenario', { timeout: 120_000 }, async () => {
    const run = await runConformance({ timeoutMs: 100_000 });
    const table = formatResults(run);
    for (const scenario of REQUIRED_SCENARIOS) {
      const result = run.results.find((r) => r.scenario === scenario);
      expect(result?.status, `${scenario}\n${table}\n${run.output.slice(-4000)}`).toBe('pass');
    }
    expect(run.requiredFailures).toEqual([]);
  });
});
