import { chargeOrder, couponDiscount, newDomain, tldOf } from '../domains-util.js';
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
      const seen = new Set<string>();
      const outcomes = names.map((name) => outcomeFor(account, name, params.premium === '1', seen));
      const buying = outcomes.filter((o): o is { name: string; price: number } => 'price' in o);
      const gross = buying.reduce((sum, o) => sum + o.price, 0);
      const discount = couponDiscount(account, params.coupon, gross, now);
      // Every check before the charge: an order the balance cannot pay costs nothing.
      let couponLeft = discount;
      const items = buying.map(({ name, price }) => {
        const paid = round(Math.max(0, price - couponLeft));
        couponLeft = round(couponLeft - (price - paid));
        return { type: 'Domain Registration', name, years: 1, cost: paid };
      });
      const expiration = now + YEAR;
      if (items.length > 0) chargeOrder(account, now, items);
      for (const { name } of buying) account.domains.set(name, newDomain(name, now, expiration, defaultsFor(account)));
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
