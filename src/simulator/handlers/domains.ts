import { chargeOrder, couponDiscount, newDomain, ownedDomain, ownedDomainList, priceFor } from '../domains-util.js';
import { renderDomain } from '../render.js';
import { defaultsFor } from '../setting-scopes.js';
import { DAY, YEAR, type SimAccount, type SimDomain } from '../state.js';
import { indexed, ok, required, SimFailure, type SimHandlers, type SimParams } from '../types.js';

/** Registrations can be deleted for a refund within this many days (api3's add grace period). */
const DELETE_GRACE_DAYS = 5;

/** set_privacy's `option` and the privacy it sets. */
const PRIVACY_OPTIONS = new Map<string, SimDomain['privacy']>([
  ['full', 'full'],
  ['partial', 'partial'],
  ['off', 'none'],
]);

function isAvailable(account: SimAccount, name: string): boolean {
  return !account.domains.has(name) && !account.takenElsewhere.has(name);
}

function duration(params: SimParams): number {
  const years = Number(required(params, 'duration'));
  if (!Number.isInteger(years) || years < 1 || years > 10) throw new SimFailure('invalid duration: 1 to 10 years');
  return years;
}

const round = (n: number) => Math.round(n * 100) / 100;

export const domainHandlers: SimHandlers = {
  search: {
    root: 'SearchResponse',
    handle(params, { account }) {
      const names = indexed(params, 'domain', 100).map((n) => n.toLowerCase());
      if (names.length === 0) throw new SimFailure('missing required parameter: domain0');
      // The document's own words; what live api3 answers a regular account's second name is not documented.
      if (account.tier === 'regular' && names.length > 1) throw new SimFailure('regular account can specify 1 domain per command');
      const currency = (params.currency ?? account.currency).toUpperCase();
      return {
        ResponseCode: '0',
        SearchResults: names.map((name) => {
          const available = isAvailable(account, name);
          const result: Record<string, string> = { DomainName: name, Available: available ? 'yes' : 'no' };
          if (available && params.show_price === '1') {
            const premium = account.premium.get(name);
            const price = premium ?? account.tldPrices.find((p) => name.endsWith(`.${p.tld}`))?.register;
            if (price !== undefined) result.Price = `${price.toFixed(2)} in ${currency}`;
            if (premium !== undefined) result.Premium = 'yes';
          }
          return result;
        }),
      };
    },
  },

  register: {
    root: 'RegisterResponse',
    handle(params, { account, now }) {
      const name = required(params, 'domain').toLowerCase();
      const years = duration(params);
      if (!isAvailable(account, name)) throw new SimFailure(`${name} is not available`);
      const premium = account.premium.get(name);
      if (premium !== undefined && params.premium !== '1') throw new SimFailure(`${name} is a premium domain: set premium=1 to register it`);
      // The first year at the registration price, later years at the renewal price (as previews count them).
      const tld = priceFor(account, name);
      const gross = premium === undefined ? tld.register + tld.renew * (years - 1) : premium * years;
      const price = round(gross - couponDiscount(account, params.coupon, gross, now));
      // A new domain starts with the account defaults (set_default_*); contacts given here win.
      const settings = defaultsFor(account);
      const contact = (field: string, fallback: number) => {
        const value = params[field];
        if (value === undefined) return fallback;
        if (!account.contacts.has(Number(value))) throw new SimFailure(`contact ${value} not found`);
        return Number(value);
      };
      // Every check before the charge: a refused order must cost nothing.
      const contacts = {
        registrant: contact('registrant_contact', settings.contacts.registrant),
        admin: contact('admin_contact', settings.contacts.admin),
        technical: contact('technical_contact', settings.contacts.technical),
        billing: contact('billing_contact', settings.contacts.billing),
      };
      chargeOrder(account, now, [{ type: 'Domain Registration', name, years, cost: price }]);
      const expiration = now + years * YEAR;
      account.domains.set(name, newDomain(name, now, expiration, { ...settings, contacts }));
      return { ...ok, DomainName: name, Expiration: expiration };
    },
  },

  delete: {
    root: 'DeleteResponse',
    handle(params, { account, now }) {
      const domain = ownedDomain(account, required(params, 'domain'));
      if (domain.renewed || now - domain.registration > DELETE_GRACE_DAYS * DAY) {
        throw new SimFailure(`${domain.name} is past its grace period and cannot be deleted`);
      }
      const refund = priceFor(account, domain.name).register;
      account.balance = round(account.balance + refund);
      account.domains.delete(domain.name);
      return { ...ok, DomainName: domain.name };
    },
  },

  renew: {
    root: 'RenewResponse',
    handle(params, { account, now }) {
      const domain = ownedDomain(account, required(params, 'domain'));
      const years = duration(params);
      if (params.year !== undefined && params.year !== String(new Date(domain.expiration).getUTCFullYear())) {
        throw new SimFailure(`year does not match: ${domain.name} expires in ${new Date(domain.expiration).getUTCFullYear()}`);
      }
      const lateFee = domain.expiration < now ? 5 : 0;
      if (lateFee > 0 && params.no_renew_if_late_renew_fee_needed === '1') {
        throw new SimFailure(`${domain.name} needs a late renewal fee; not renewed as requested`);
      }
      const currency = (params.currency ?? account.currency).toUpperCase();
      const gross = priceFor(account, domain.name).renew * years + lateFee;
      const price = round(gross - couponDiscount(account, params.coupon, gross, now));
      if (params.price_check === '1') {
        return { ResponseCode: '0', Status: 'price_check_success', PriceInfo: `${price.toFixed(2)} in ${currency}` };
      }
      chargeOrder(account, now, [{ type: 'Domain Renewal', name: domain.name, years, cost: price }]);
      domain.expiration += years * YEAR;
      domain.renewed = true;
      return { ResponseCode: '0', Status: 'success', DomainName: domain.name, Expiration: String(domain.expiration) };
    },
  },

  domain_info: {
    root: 'DomainInfoResponse',
    handle(params, { account }) {
      const domain = ownedDomain(account, required(params, 'domain'));
      return { ...ok, DomainInfo: renderDomain(domain, account.folders.get(domain.folderId)?.name) };
    },
  },

  list_domain: {
    root: 'ListDomainInfoResponse',
    handle(params, { account }) {
      const sort = params.sort ?? 'CountAsc';
      // A reseller's filter (set_customer_id tags domains with the customer's id).
      const customer = params.customer_id;
      const all = [...account.domains.values()].filter((d) => customer === undefined || String(d.customerId) === customer);
      if (sort === 'NameAsc') all.sort((a, b) => a.name.localeCompare(b.name));
      if (sort === 'NameDesc') all.sort((a, b) => b.name.localeCompare(a.name));
      if (sort === 'CountDesc') all.reverse();
      let page = all;
      if (params.count_per_page !== undefined) {
        const size = Number(params.count_per_page);
        const index = Number(params.page_index ?? '1');
        if (!(size >= 1) || !(index >= 1)) throw new SimFailure('invalid count_per_page or page_index');
        page = all.slice((index - 1) * size, index * size);
      }
      return { ...ok, MainDomains: page.map((domain) => renderDomain(domain, account.folders.get(domain.folderId)?.name)) };
    },
  },

  lock_domain: {
    root: 'LockDomainResponse',
    handle(params, { account }) {
      ownedDomain(account, required(params, 'domain')).locked = true;
      return { ResponseCode: '0', Status: 'success' };
    },
  },

  set_note: {
    root: 'SetNoteResponse',
    handle(params, { account }) {
      const domain = ownedDomain(account, required(params, 'domain'));
      domain.note = params.note ?? '';
      return { ResponseCode: '0', Status: 'success' };
    },
  },

  set_privacy: {
    root: 'SetPrivacyResponse',
    handle(params, { account }) {
      const option = required(params, 'option');
      const mapped = PRIVACY_OPTIONS.get(option);
      if (!mapped) throw new SimFailure('invalid option: full, partial or off');
      for (const domain of ownedDomainList(account, required(params, 'domain'))) domain.privacy = mapped;
      return { ResponseCode: '0', Status: 'success' };
    },
  },

  tld_price: {
    root: 'TldPriceResponse',
    handle(params, { account }) {
      const currency = (params.currency ?? account.currency).toUpperCase();
      let prices = [...account.tldPrices];
      const sort = params.sort;
      if (sort === 'NameAsc') prices.sort((a, b) => a.tld.localeCompare(b.tld));
      if (sort === 'NameDesc') prices.sort((a, b) => b.tld.localeCompare(a.tld));
      if (params.count_per_page !== undefined) {
        const size = Number(params.count_per_page);
        const index = Number(params.page_index ?? '1');
        prices = prices.slice((index - 1) * size, index * size);
      }
      return {
        ...ok,
        PriceLevel: 'Regular Pricing',
        Currency: currency,
        TldPrice: prices.map((p) => ({
          Tld: p.tld,
          Usage: p.usage,
          IDN: p.idn ? 'YES' : 'NO',
          Restrictions: '--',
          Privacy: p.privacy.toFixed(2),
          Price: {
            Unit: '(Price/1 year)',
            Register: p.register.toFixed(2),
            Renew: p.renew.toFixed(2),
            Transfer: p.transfer.toFixed(2),
            Restore: p.restore.toFixed(2),
          },
          GracePeriod: { Unit: '(days)', Renew: '30', Delete: '5', Restore: 'YES' },
        })),
      };
    },
  },
};
