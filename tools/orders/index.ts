import type { AnyToolSpec } from '../../src/server/define.js';
import getOrderStatus from './get_order_status.js';
import listCoupons from './list_coupons.js';
import orderList from './order_list.js';

export const ordersTools: AnyToolSpec[] = [
  orderList,
  getOrderStatus,
  listCoupons,
];
