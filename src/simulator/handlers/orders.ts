import type { SimAccount, SimCoupon, SimOrder } from '../state.js';
import { required, SimFailure, type SimHandlers, type SimParams } from '../types.js';

/** The document's payment_method words, and how order_list spells each in an answer. */
const PAYMENT_METHODS: Readonly<Record<string, string>> = {
  none_balance: 'None Balance',
  account_balance: 'Account Balance',
  credit_card: 'Credit Card',
  money_order: 'Money Order',
  paypal: 'Paypal',
  moneybookers: 'Moneybookers',
  bank_wire: 'Bank Wire',
  alipay: 'Alipay',
  payflow_credit_card2: 'Credit Card',
  wechat_pay: 'WeChat Pay',
  ecash: 'eCash',
  bank_transfer: 'Bank Transfer',
  apple_pay: 'Apple Pay',
  checking_account: 'Checking Account',
  sale: 'Sale',
  union_pay: 'UnionPay',
  paypal_account: 'Paypal Account',
  mercado_pago: 'Mercado Pago',
  payoneer: 'Payoneer',
};

/** Order statuses of an order api3 has not finished: set by an `order_pending_process` answer. */
export const PENDING_ORDER = 'Processing';

const DATE = /^(\d{4})\/(\d{2})\/(\d{2})$/;

/** `yyyy/MM/dd` as the start of that day (UTC), as order_list takes dates. */
function dayStart(value: string, name: string): number {
  const match = DATE.exec(value);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (!Number.isFinite(ms)) throw new SimFailure(`invalid ${name}: use yyyy/MM/dd`);
  return ms;
}

const DAY_MS = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10).replace(/-/g, '/');
const dollars = (n: number) => `$${n.toFixed(2)}`;

function matching(account: SimAccount, params: SimParams): SimOrder[] {
  const by = required(params, 'search_by');
  let orders: SimOrder[];
  if (by === 'date_range') {
    const from = dayStart(required(params, 'start_date'), 'start_date');
    const to = dayStart(required(params, 'end_date'), 'end_date') + DAY_MS;
    orders = account.orders.filter((o) => o.created >= from && o.created < to);
  } else if (by === 'domain') {
    const name = required(params, 'domain').toLowerCase();
    orders = account.orders.filter((o) => o.items.some((item) => item.name === name));
  } else if (by === 'order_id') {
    const id = required(params, 'order_id');
    orders = account.orders.filter((o) => String(o.id) === id);
  } else {
    throw new SimFailure('invalid search_by: date_range, domain or order_id');
  }
  const methods = params.payment_method?.split(',').filter(Boolean);
  if (methods === undefined || methods.length === 0) return orders;
  const unknown = methods.filter((m) => !Object.hasOwn(PAYMENT_METHODS, m));
  if (unknown.length > 0) throw new SimFailure(`invalid payment_method: ${unknown.join(',')}`);
  return orders.filter((o) => methods.includes(o.paymentMethod));
}

function renderOrder(order: SimOrder, currency: string): Record<string, unknown> {
  return {
    OrderId: String(order.id),
    SubmittedDate: dayOf(order.created),
    Currency: currency,
    PaymentMethod: PAYMENT_METHODS[order.paymentMethod] ?? order.paymentMethod,
    TotalCost: dollars(order.total),
    TotalPaid: dollars(order.total),
    Status: order.status,
    ItemList: order.items.map((item) => ({ ItemType: item.type, Name: item.name, Duration: item.years, Cost: item.cost.toFixed(2), Status: item.status })),
  };
}

/** get_order_status names item types in its own words (the document's example: "domain" for a registration). */
const STATUS_ITEM_TYPES: Readonly<Record<string, string>> = {
  'Domain Registration': 'domain',
  'Domain Renewal': 'domain renewal',
  'Domain Transfer': 'domain transfer',
};

const COUPON_TYPES: Readonly<Record<SimCoupon['type'], string>> = {
  registration: 'Domain Registration Coupons',
  renewal: 'Domain Renewal Coupons',
  transfer: 'Domain Transfer Coupons',
};

function renderCoupon(coupon: SimCoupon): Record<string, unknown> {
  const percent = 'percent' in coupon.off;
  return {
    Code: coupon.code,
    Description: coupon.description,
    CouponType: COUPON_TYPES[coupon.type],
    // The document shows only PERCENTAGE_OFF; an amount off is given per currency, as its DiscountInfo lists.
    DiscountType: percent ? 'PERCENTAGE_OFF' : 'AMOUNT_OFF',
    DiscountInfo: 'percent' in coupon.off ? { Percentage: `${coupon.off.percent}%` } : { USD: coupon.off.amount.toFixed(2) },
    Restriction: {
      PriceLevels: 'Any',
      IdnRestriction: 'None',
      DomainDurationMin: String(coupon.years.min),
      DomainDurationMax: String(coupon.years.max),
      Tlds: coupon.tlds.map((tld) => `.${tld}`),
      Currencies: ['US Dollar USD ($)'],
    },
    StartDate: String(coupon.start),
    EndDate: String(coupon.end),
  };
}

/**
 * Orders created by a call whose answer was `order_pending_process` (an injected real-world
 * answer run after the command): accepted but not finished, as get_order_status then says.
 */
export function leaveOrdersPending(account: SimAccount, fromId: number): void {
  for (const order of account.orders) {
    if (order.id < fromId) continue;
    order.status = PENDING_ORDER;
    for (const item of order.items) item.status = PENDING_ORDER;
  }
}

export const orderHandlers: SimHandlers = {
  order_list: {
    root: 'OrderListResponse',
    handle(params, { account }) {
      return { ResponseCode: 0, Status: 'success', OrderList: matching(account, params).map((o) => renderOrder(o, account.currency)) };
    },
  },

  get_order_status: {
    root: 'GetOrderStatusResponse',
    handle(params, { account }) {
      const id = required(params, 'order_id');
      const order = account.orders.find((o) => String(o.id) === id);
      if (!order) throw new SimFailure(`order ${id} not found`);
      return {
        ResponseCode: 0,
        Status: 'success',
        OrderStatus: {
          OrderId: order.id,
          OrderStatus: order.status,
          ItemList: order.items.map((item) => ({
            ItemTypeName: STATUS_ITEM_TYPES[item.type] ?? item.type.toLowerCase(),
            ItemName: item.name,
            ItemStatus: item.status,
          })),
        },
      };
    },
  },

  list_coupons: {
    root: 'ListCouponsResponse',
    handle(params, { account, now }) {
      const type = required(params, 'coupon_type');
      if (!Object.hasOwn(COUPON_TYPES, type)) throw new SimFailure('invalid coupon_type: registration, renewal or transfer');
      const coupons = [...account.coupons.values()].filter((c) => c.type === type && c.end >= now);
      return { ResponseCode: 0, Status: 'success', Coupons: coupons.map(renderCoupon) };
    },
  },
};
