import type { AnyToolSpec } from '../../src/server/define.js';
import accountInfo from './account_info.js';
import getAccountBalance from './get_account_balance.js';
import isProcessing from './is_processing.js';

export const accountTools: AnyToolSpec[] = [
  accountInfo,
  getAccountBalance,
  isProcessing,
];
