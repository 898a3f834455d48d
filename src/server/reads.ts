import type { Api3Params } from '../api3/client.js';
import type { Api3Payload } from '../api3/envelope.js';

/**
 * What one tool call has read from api3, by command and query, for that call alone: its gate,
 * preview, snapshot, declared needs and the command itself ask for the same facts (a domain's
 * records, the balance), and each is read once (issue 16: the account's quota is 60 requests a
 * minute). It never outlives the call: a confirmed call must read again what its preview read,
 * or a change in between would go unseen. A write forgets everything read before it, so what is
 * read after (a read-back, the balance a purchase left) is read fresh.
 */
export class CallReads {
  private readonly answers = new Map<string, Promise<Api3Payload>>();
  /** Reads that went to api3 rather than to an answer this call already had: what a step cost. */
  loads = 0;

  /** The answer to this read in this call: the one already asked for, else `load`'s. */
  read(command: string, params: Api3Params, load: () => Promise<Api3Payload>): Promise<Api3Payload> {
    const key = readKey(command, params);
    const known = this.answers.get(key);
    if (known) return known;
    this.loads++;
    const answer = load();
    this.answers.set(key, answer);
    // A failed read is no fact: a later ask in the same call may try again.
    answer.catch(() => {
      if (this.answers.get(key) === answer) this.answers.delete(key);
    });
    return answer;
  }

  /** Everything read so far is out of date: a write was sent, or the user took time to approve. */
  forget(): void {
    this.answers.clear();
  }
}

/** The same query however its parameters were ordered. */
function readKey(command: string, params: Api3Params): string {
  const sorted = Object.keys(params)
    .sort()
    .map((name): [string, string] => [name, params[name] ?? '']);
  return `${command}?${new URLSearchParams(sorted).toString()}`;
}
