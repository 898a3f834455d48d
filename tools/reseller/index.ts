import type { AnyToolSpec } from '../../src/server/define.js';
import setCustomerId from './set_customer_id.js';

export const resellerTools: AnyToolSpec[] = [
  setCustomerId,
];
