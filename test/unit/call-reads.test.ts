import { describe, expect, it } from 'vitest';
import type { Api3, Api3Request } from '../../src/api3/client.js';
import type { Api3Payload } from '../../src/api3/envelope.js';
import { invoke, type ToolContext } from '../../src/server/define.js';
import { CallReads } from '../../src/server/reads.js';
import { accountPort } from '../../tools/ports.js';
import getAccountBalance from '../../tools/account/get_account_balance.js';
import setNote from '../../tools/domains/set_note.js';

/** An api3 that answers every command with an empty success and counts what it was sent. */
function countingApi(fail?: (request: Api3Request) => boolean) {
  const sent: string[] = [];
  const api: Api3 = {
    async call(request) {
      sent.push(request.command);
      if (fail?.(request)) throw new Error('lost');
      return { body: { ResponseCode: 0, Status: 'success', BalanceList: [] } } as unknown as Api3Payload;
    },
  };
  return { api, sent };
}

describe('one tool call reads each fact once (CallReads)', () => {
  const ctxWith = (api: Api3, reads?: CallReads): ToolContext => ({ api, account: accountPort, ...(reads ? { reads } : {}) });

  it('answers the same read again from the call, whatever the order of its parameters', async () => {
    const reads = new CallReads();
    let loads = 0;
    const load = async () => {
      loads++;
      return { body: {} } as unknown as Api3Payload;
    };
    await reads.read('get_dns', { domain: 'a.com', x: '1' }, load);
    await reads.read('get_dns', { x: '1', domain: 'a.com' }, load);
    await reads.read('get_dns', { domain: 'b.com' }, load);
    expect(loads).toBe(2);
  });

  it('a write forgets what was read before it; without a call of its own nothing is kept', async () => {
    const { api, sent } = countingApi();
    const ctx = ctxWith(api, new CallReads());
    await invoke(getAccountBalance, {}, ctx);
    await invoke(getAccountBalance, {}, ctx);
    await invoke(setNote, setNote.input.parse({ domain: 'a.com', note: 'x' }), ctx).catch(() => undefined);
    await invoke(getAccountBalance, {}, ctx);
    // set_note reads the note it replaces (list_domain) first: a read of its own.
    expect(sent.filter((command) => command !== 'list_domain')).toEqual(['get_account_balance', 'set_note', 'get_account_balance']);
    const bare = countingApi();
    await invoke(getAccountBalance, {}, ctxWith(bare.api));
    await invoke(getAccountBalance, {}, ctxWith(bare.api));
    expect(bare.sent).toHaveLength(2);
  });

  it('a failed read is not kept: asked again, it is sent again', async () => {
    let first = true;
    const { api, sent } = countingApi(() => {
      const failing = first;
      first = false;
      return failing;
    });
    const ctx = ctxWith(api, new CallReads());
    await expect(invoke(getAccountBalance, {}, ctx)).rejects.toThrow('lost');
    await invoke(getAccountBalance, {}, ctx);
    expect(sent).toEqual(['get_account_balance', 'get_account_balance']);
  });
});
