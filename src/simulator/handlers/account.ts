import { renderContact, renderDefaults } from '../render.js';
import { ok, type SimHandlers } from '../types.js';

export const accountHandlers: SimHandlers = {
  account_info: {
    root: 'AccountInfoResponse',
    handle(_params, { account }) {
      const main = account.contacts.get(0);
      const { ContactId: _id, GtldVerified: _verified, ...contact } = main ? renderContact(main) : {};
      return {
        ...ok,
        AccountInfo: {
          Username: account.username,
          ForumName: '',
          AvatarUrl: '',
          Contact: contact,
          CustomerSince: String(account.customerSince),
          AccountLock: 'on',
          TotalSpending: `$${account.totalSpending.toFixed(2)}`,
          PriceLevel: 'Regular Pricing',
          AccountBalance: `$${account.balance.toFixed(2)}`,
          CustomTimeZone: 'PST',
          DefaultSettings: renderDefaults(account.defaults),
        },
      };
    },
  },

  get_account_balance: {
    root: 'GetAccountBalanceResponse',
    handle(_params, { account }) {
      return { ...ok, BalanceList: [{ Currency: account.currency, Amount: account.balance.toFixed(2) }] };
    },
  },

  is_processing: {
    root: 'Response',
    handle() {
      // The simulator finishes each request before answering, so nothing is ever still processing.
      return { ResponseCode: '0', ResponseMsg: 'no' };
    },
  },
};
