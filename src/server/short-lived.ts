import type { Api3, Api3Params } from '../api3/client.js';
import type { Api3Payload } from '../api3/envelope.js';

/**
 * Answers of the few reads that return a whole market at once (open auctions, closeouts,
 * listings: up to hundreds of thousands of items), kept for a short while per api3 client: an
 * agent paging or refiltering them spends no more of the account's 60 requests a minute. Any
 * write through the same client forgets them, so a bid or a purchase is seen at once.
 */
const kept = new WeakMap<Api3, Map<string, { at: number; generation: number; answer: Promise<Api3Payload> }>>();
/** Raised by forgetAllShortLived: what was kept before is never answered again. */
let generation = 0;

function keyOf(command: string, params: Api3Params): string {
  const sorted = Object.keys(params)
    .sort()
    .map((name): [string, string] => [name, params[name] ?? '']);
  return `${command}?${new URLSearchParams(sorted).toString()}`;
}

/** The answer read less than `ms` ago with this client, else `load`'s (kept once it succeeds). */
export function shortLivedRead(api: Api3, command: string, params: Api3Params, ms: number, load: () => Promise<Api3Payload>): Promise<Api3Payload> {
  let answers = kept.get(api);
  if (!answers) {
    answers = new Map();
    kept.set(api, answers);
  }
  const key = keyOf(command, params);
  const now = Date.now();
  const known = answers.get(key);
  if (known && known.generation === generation && now - known.at >= 0 && now - known.at < ms) return known.answer;
  const answer = load();
  answers.set(key, { at: now, generation, answer });
  answer.catch(() => {
    if (answers.get(key)?.answer === answer) answers.delete(key);
  });
  return answer;
}

/** A write was sent through this client: nothing it kept is current any more. */
export function forgetShortLived(api: Api3): void {
  kept.delete(api);
}

/** Everything kept, for every client (a test that resets its simulated account). */
export function forgetAllShortLived(): void {
  generation++;
}
