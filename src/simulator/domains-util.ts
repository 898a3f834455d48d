import type { DomainSettings, SimAccount, SimDomain, TldPrice } from './state.js';
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

export function charge(account: SimAccount, amount: number, type: string, domain: string, now: number): number {
  if (amount > account.balance + 1e-9) throw new SimFailure('Insufficient account balance to pay for this order');
  account.balance = Math.round((account.balance - amount) * 100) / 100;
  account.totalSpending = Math.round((account.totalSpending + amount) * 100) / 100;
  const id = account.nextOrderId++;
  account.orders.push({ id, type, domain, amount, status: 'Completed', created: now });
  return id;
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
