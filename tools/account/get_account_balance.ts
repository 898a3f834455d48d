import { z } from 'zod';
import { asList, money } from '../../src/server/condense.js';
import { defineTool } from '../../src/server/define.js';
import { moneySchema } from '../../src/server/schemas.js';

export default defineTool({
  name: 'get_account_balance',
  toolset: 'account',
  everyday: true,
  title: 'Account balance',
  description: 'The account balance per currency: what registrations and renewals are paid from.',
  effect: 'read',
  input: z.object({}),
  output: z.object({ balances: z.array(moneySchema) }),
  toApi: () => ({}),
  condense: (body) => ({
    balances: asList(body.BalanceList)
      .map((b) => money(b.Amount, typeof b.Currency === 'string' ? b.Currency : undefined))
      .filter((m) => m !== undefined),
  }),
});
