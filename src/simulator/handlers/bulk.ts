import { charge, newDomain, tldOf } from '../domains-util.js';
import { defaultsFor } from '../setting-scopes.js';
import { type SimAccount, YEAR } from '../state.js';
import { indexed, SimFailure, type SimHandlers } from '../types.js';

/**
 * bulk_register: up to 100 names (domain0..domain99), one year each (the document gives the
 * command no duration), answered per name in the order given. A name that cannot be had
 * (registered already, premium without premium=1, a TLD not sold) is an error item and costs
 * nothing; the others are registered only if the balance pays for all of them, else nothing is.
 */
const round = (n: number) => Math.round(n * 100) / 100;

type Outcome = { name: string; price: number } | { name: string; error: string };

function outcomeFor(account: SimAccount, name: string, premiumAllowed: boolean, seen: Set<string>): Outcome {
  if (seen.has(name) || account.domains.has(name) || account.takenElsewhere.has(name)) return { name, error: 'not_available' };
  seen.add(name);
  const premium = account.premium.get(name);
  if (premium !== undefined && !premiumAllowed) return { name, error: 'premium_domain' };
  const price = premium ?? account.tldPrices.find((p) => p.tld === tldOf(name))?.register;
  return price === undefined ? { name, error: 'tld_not_supported' } : { name, price };
}

export const bulkHandlers: SimHandlers = {
  bulk_register: {
    root: 'BulkRegisterResponse',
    handle(params, { account, now }) {
      const names = indexed(params, 'domain', 100).map((n) => n.toLowerCase());
      if (names.length === 0) throw new SimFailure('missing required parameter: domain0');
      const coupon = params.coupon;
      const discount = coupon === undefined ? 0 : account.coupons.get(coupon);
      if (discount === undefined) throw new SimFailure(`invalid coupon: ${coupon}`);
      const seen = new Set<string>();
      const outcomes = names.map((name) => outcomeFor(account, name, params.premium === '1', seen));
      const buying = outcomes.filter((o): o is { name: string; price: number } => 'price' in o);
      // Every check before the first charge: an order the balance cannot pay costs nothing.
      const total = round(Math.max(0, buying.reduce((sum, o) => sum + o.price, 0) - discount));
      if (total > account.balance + 1e-9) throw new SimFailure('Insufficient account balance to pay for this order');
      let couponLeft = discount;
      const expiration = now + YEAR;
      for (const { name, price } of buying) {
        const paid = round(Math.max(0, price - couponLeft));
        couponLeft = round(couponLeft - (price - paid));
        charge(account, paid, 'Registration', name, now);
        account.domains.set(name, newDomain(name, now, expiration, defaultsFor(account)));
      }
      return {
        ResponseCode: 0,
        Status: 'success',
        BulkRegister: outcomes.map((o) =>
          'price' in o
            ? { DomainName: o.name, Expiration: String(expiration), Result: 'success', Message: '-' }
            : { DomainName: o.name, Expiration: '-', Result: 'error', Message: o.error },
        ),
      };
    },
  },
};
