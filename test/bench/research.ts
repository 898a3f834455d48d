/**
 * Research in bulk: 250 name/TLD pairs through research_domains on the simulator, through a
 * real SDK client asking for progress, on a bulk account (100 names per search) and a regular one
 * (1 per search, learnt from its first refusal): api3 requests, progress notifications, the
 * answer's bytes and o200k tokens, and time (median of the rounds). The simulator answers at
 * once and the harness lifts api3's rate limit, so the time is the server's own; at api3's own
 * rate (60 requests a minute on regular accounts, 600 on bulk) the requests alone take what the
 * last column says.
 *
 *   node dist/test/bench/research.js       (or as part of npm run bench)
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { createRdap } from '../../src/rdap/client.js';
import { startHarness } from '../helpers/harness.js';
import { startRdapDouble } from '../helpers/rdap-double.js';

const ROUNDS = 5;
/** 50 made-up labels and 5 TLDs, two of them taken in the seeded account (acme.com, startup.io). */
const LABELS = ['acme', 'startup', ...Array.from({ length: 48 }, (_, i) => `quillbyte${i}`)];
const TLDS = ['com', 'io', 'xyz', 'dev', 'co'];

interface Case {
  label: string;
  tier: 'bulk' | 'regular';
  perMinute: number;
  taken?: string[];
}

const CASES: readonly Case[] = [
  { label: 'bulk account', tier: 'bulk', perMinute: 600 },
  { label: 'bulk account, taken names: aftermarket', tier: 'bulk', perMinute: 600, taken: ['aftermarket'] },
  { label: 'bulk account, taken: aftermarket + RDAP (local double)', tier: 'bulk', perMinute: 600, taken: ['aftermarket', 'registration'] },
  { label: 'regular account', tier: 'regular', perMinute: 60 },
];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export async function measureResearch(): Promise<Array<readonly [string, string]>> {
  const rows: Array<readonly [string, string]> = [];
  // A registry's RDAP service on loopback for the taken .com names (the seeded acme.com).
  const double = await startRdapDouble({
    records: { 'acme.com': { objectClassName: 'domain', ldhName: 'ACME.COM', status: ['client transfer prohibited'], events: [{ eventAction: 'expiration', eventDate: '2027-06-01T00:00:00Z' }] } },
  });
  const rdap = createRdap({ bootstrap: double.bootstrapFile(['com', 'io']) });
  for (const c of CASES) {
    // A harness per case: what an api3 client learnt of one account's tier is not carried to the next.
    const h = await startHarness({ rdap });
    try {
      const times: number[] = [];
      let requests = 0;
      let notifications = 0;
      let text = '';
      for (let round = 0; round < ROUNDS; round++) {
        h.simulator.reset();
        if (c.tier === 'regular') h.simulator.account.tier = 'regular';
        h.simulator.requests.length = 0;
        let progress = 0;
        const started = performance.now();
        const result = await h.client.callTool(
          { name: 'research_domains', arguments: { names: LABELS, tlds: TLDS, ...(c.taken ? { taken: c.taken } : {}) } },
          { onprogress: () => progress++ },
        );
        times.push(performance.now() - started);
        if (result.isError) throw new Error(`research_domains failed: ${JSON.stringify(result.content)}`);
        // The first round of a regular account includes the refused batch that tells its tier.
        if (round === 0) requests = h.simulator.requestCount;
        notifications = progress;
        text = JSON.stringify(result.structuredContent);
      }
      const atRate = (requests / c.perMinute) * 60;
      rows.push([
        `${LABELS.length * TLDS.length} pairs, ${c.label}`,
        `${requests} api3 requests; ${notifications} progress notifications; ${Buffer.byteLength(text).toLocaleString('en-US')} bytes, ${countTokens(text).toLocaleString('en-US')} tokens; ${median(times).toFixed(0)} ms median of ${ROUNDS}; at ${c.perMinute} requests/min: ${atRate < 60 ? `${atRate.toFixed(1)} s` : `${(atRate / 60).toFixed(1)} min`}`,
      ]);
    } finally {
      await h.close();
    }
  }
  await rdap.close();
  await double.close();
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const [label, figure] of await measureResearch()) process.stdout.write(`${label.padEnd(66)} ${figure}\n`);
}
