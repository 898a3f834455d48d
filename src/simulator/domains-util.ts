import type { DomainSettings, SimAccount, SimDomain, SimOrder, SimOrderItem, TldPrice } from './state.js';
import { SimFailure } from './types.js';

export function ownedDomain(account: SimAccount, name: string): SimDomain {
  const domain = account.domains.get(name.toLowerCase());
  if (!domain) throw new SimFailure(`${name} not found in your account`);
  return domain;
}

/** `domain=a.com,b.com` as set_ns, set_privacy and set_renew_option take it. */
export function ownedDomainList(account: SimAccount, list: string, max = 100): SimDomain[] {
  const names = list.split(',').map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw new SimFailure('missing required parameter: domain');
  if (names.length > max) throw new SimFailure(`too many domains: at most ${max} per request`);
  return names.map((name) => ownedDomain(account, name));
}

export function tldOf(name: string): string {
  return name.slice(name.indexOf('.') + 1).toLowerCase();
}

export function priceFor(account: SimAccount, name: string): TldPrice {
  const price = account.tldPrices.find((p) => p.tld === tldOf(name));
  if (!price) throw new SimFailure(`The TLD of ${name} is not supported`);
  return price;
}

/**
 * Pays for one order from the balance and keeps it for order_list and get_order_status: every
 * purchase is one order, its items each domain's line. Refused as a whole when the balance does
 * not cover it.
 */
export function chargeOrder(account: SimAccount, now: number, items: ReadonlyArray<Omit<SimOrderItem, 'status'>>): SimOrder {
  const total = Math.round(items.reduce((sum, item) => sum + item.cost, 0) * 100) / 100;
  if (total > account.balance + 1e-9) throw new SimFailure('Insufficient account balance to pay for this order');
  account.balance = Math.round((account.balance - total) * 100) / 100;
  account.totalSpending = Math.round((account.totalSpending + total) * 100) / 100;
  const order: SimOrder = {
    id: account.nextOrderId++,
    created: now,
    paymentMethod: 'account_balance',
    total,
    status: 'Completed',
    items: items.map((item) => ({ ...item, status: 'Completed' })),
  };
  account.orders.push(order);
  return order;
}

/** What a coupon takes off `gross`: nothing without one; an unknown or expired code is refused. */
export function couponDiscount(account: SimAccount, code: string | undefined, gross: number, now: number): number {
  if (code === undefined) return 0;
  const coupon = account.coupons.get(code);
  if (!coupon) throw new SimFailure(`invalid coupon: ${code}`);
  if (now > coupon.end || now < coupon.start) throw new SimFailure(`coupon ${code} is not valid now`);
  const off = 'amount' in coupon.off ? coupon.off.amount : (gross * coupon.off.percent) / 100;
  return Math.min(gross, Math.round(off * 100) / 100);
}

/** A domain just registered: locked, private, in no folder, with the settings it starts with. */
export function newDomain(name: string, now: number, expiration: number, settings: DomainSettings): SimDomain {
  return {
    name,
    registration: now,
    expiration,
    renewed: false,
    locked: true,
    disabled: false,
    hold: false,
    privacy: 'full',
    note: '',
    folderId: -1,
    forSale: false,
    ...settings,
  };
}
