/**
 * A portfolio-sized question: "which domains expire in the next 30 days and are not on
 * auto-renew?" on an account of 10,000 domains (the simulator's portfolio seed), through a real
 * SDK client: the answer's bytes and o200k tokens, its time (median of the rounds) and its api3
 * requests; and the same account summed up per renew option instead of rows.
 *
 *   node dist/test/bench/portfolio.js       (or as part of npm run bench)
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { startHarness } from '../helpers/harness.js';

const DOMAINS = 10_000;
const ROUNDS = 9;

interface Question {
  label: string;
  args: Record<string, unknown>;
}

const QUESTIONS: readonly Question[] = [
  { label: 'expiring in 30 days, not on auto-renew (first page)', args: { expiring_within_days: 30, renew_option: ['do_not_renew', 'reset'] } },
  { label: 'the same, name and expiry only (fields)', args: { expiring_within_days: 30, renew_option: ['do_not_renew', 'reset'], fields: ['expires'] } },
  { label: 'the same as counts per expiry month', args: { expiring_within_days: 30, renew_option: ['do_not_renew', 'reset'], summary: 'expiry_month' } },
  { label: 'the whole account per renew option', args: { summary: 'renew_option' } },
];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export async function measurePortfolio(): Promise<Array<readonly [string, string]>> {
  const h = await startHarness({ simulator: { portfolio: DOMAINS } });
  try {
    const rows: Array<readonly [string, string]> = [];
    for (const question of QUESTIONS) {
      const times: number[] = [];
      let text = '';
      let requests = 0;
      let total = 0;
      for (let round = 0; round < ROUNDS; round++) {
        h.simulator.requests.length = 0;
        const started = performance.now();
        const result = await h.call('list_domain', question.args);
        times.push(performance.now() - started);
        requests = h.simulator.requests.length;
        text = JSON.stringify(result.structuredContent);
        total = Number((result.structuredContent as { total?: number }).total);
      }
      rows.push([
        question.label,
        `${total} of ${DOMAINS + 8} domains; ${Buffer.byteLength(text).toLocaleString('en-US')} bytes, ${countTokens(text).toLocaleString('en-US')} tokens; ${median(times).toFixed(0)} ms median of ${ROUNDS}; ${requests} api3 request(s)`,
      ]);
    }
    return rows;
  } finally {
    await h.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const [label, figure] of await measurePortfolio()) process.stdout.write(`${label.padEnd(56)} ${figure}\n`);
}
