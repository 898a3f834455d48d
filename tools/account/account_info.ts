import { z } from 'zod';
import { asJson, epochToIso, flag, idNumber, money, prune, text } from '../../src/server/condense.js';
import { defineTool } from '../../src/server/define.js';
import { idOut, moneySchema } from '../../src/server/schemas.js';
import { condenseContact, contactSchema } from '../shared/contact.js';
import { condenseNameServerSetting, nameServerSettingSchema } from '../shared/domain.js';


export default defineTool({
  name: 'account_info',
  toolset: 'account',
  title: 'Account details',
  description: 'The account: username, balance, spending, price level, and default contacts and name servers.',
  effect: 'read',
  input: z.object({}),
  output: z.object({
    username: z.string().optional(),
    contact: contactSchema.optional(),
    customer_since: z.string().optional(),
    account_locked: z.boolean().optional(),
    balance: moneySchema.optional(),
    total_spending: moneySchema.optional(),
    price_level: z.string().optional(),
    time_zone: z.string().optional(),
    default_contacts: z.record(z.string(), idOut).optional().describe('contact ids by role'),
    default_name_servers: nameServerSettingSchema.optional(),
  }),
  toApi: () => ({}),
  condense: (body) => {
    const info = asJson(body.AccountInfo);
    const defaults = asJson(info.DefaultSettings);
    const whois = asJson(defaults.DefaultWhois);
    return prune({
      username: text(info.Username),
      contact: info.Contact ? condenseContact(asJson(info.Contact)) : undefined,
      customer_since: epochToIso(info.CustomerSince),
      account_locked: flag(info.AccountLock),
      balance: money(info.AccountBalance),
      total_spending: money(info.TotalSpending),
      price_level: text(info.PriceLevel),
      time_zone: text(info.CustomTimeZone),
      default_contacts: Object.fromEntries(
        Object.entries(whois)
          .map(([role, v]) => [role.replace(/^Default/, '').toLowerCase(), idNumber(asJson(v).ContactId)] as const)
          .filter((e): e is readonly [string, number] => e[1] !== undefined),
      ),
      default_name_servers: defaults.DefaultNameServerSettings ? condenseNameServerSetting(defaults.DefaultNameServerSettings) : undefined,
    });
  },
});
