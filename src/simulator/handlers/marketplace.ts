import { chargeOrder, newDomain, ownedDomain } from '../domains-util.js';
import { defaultsFor } from '../setting-scopes.js';
import { type SimAccount, type SimListing, YEAR } from '../state.js';
import { required, SimFailure, type SimHandlers, type SimParams } from '../types.js';

/** Closeouts and the marketplace: bought once; the account's own listings from set_for_sale; Afternic and Sedo sales. */

const RATES: Readonly<Record<string, number>> = { usd: 1, eur: 0.92, cny: 7.2 };
function rateOf(params: SimParams): number {
  const rate = RATES[(params.currency ?? 'usd').toLowerCase()];
  if (rate === undefined) throw new SimFailure('invalid currency: usd, eur or cny');
  return rate;
}
const money = (n: number, rate: number) => String(Math.round(n * rate * 100) / 100);

/** A bought name joins the account for a year, paid as one order. */
function buy(account: SimAccount, name: string, price: number, type: string, now: number): void {
  chargeOrder(account, now, [{ type, name, years: 1, cost: price }]);
  account.domains.set(name, newDomain(name, now, now + YEAR, defaultsFor(account)));
  account.takenElsewhere.delete(name);
}

function listingJson(l: SimListing, rate: number): Record<string, unknown> {
  return {
    ListingId: String(l.id),
    Domain: l.domain,
    Price: money(l.price, rate),
    InboundLinks: String(l.links),
    Age: String(l.age),
    PendingSaleLocked: l.pendingSale ? 'Yes' : 'No',
  };
}

function listing(account: SimAccount, name: string): SimListing {
  const found = account.aftermarket.listings.find((l) => l.domain === name.toLowerCase());
  if (!found) throw new SimFailure(`listing for ${name} not found`);
  return found;
}

const CONFIRM_ACTIONS = { afternic: ['confirm_afternic', 'delete_from_afternic'], sedo: ['confirm_sedo', 'delete_from_sedo'] } as const;

/** Confirming hands the domain to the buyer (the proceeds to the balance); deleting takes it off the venue. */
function fastTransfer(account: SimAccount, venue: 'afternic' | 'sedo', params: SimParams): void {
  const name = required(params, 'domain').toLowerCase();
  const action = required(params, 'action');
  const [confirm, remove] = CONFIRM_ACTIONS[venue];
  if (action !== confirm && action !== remove) throw new SimFailure(`invalid action: ${confirm} or ${remove}`);
  ownedDomain(account, name);
  const sale = account.aftermarket.fastTransfers.find((t) => t.venue === venue && t.domain === name);
  if (!sale) throw new SimFailure(`${name} has no ${venue} fast-transfer sale to confirm`);
  account.aftermarket.fastTransfers = account.aftermarket.fastTransfers.filter((t) => t !== sale);
  if (action === remove) return;
  account.domains.delete(name);
  account.balance = Math.round((account.balance + sale.price) * 100) / 100;
  account.aftermarket.listings = account.aftermarket.listings.filter((l) => l.domain !== name);
}

export const marketHandlers: SimHandlers = {
  get_expired_closeout_domains: {
    root: 'GetExpiredCloseoutDomainsResponse',
    handle(params, { account, now }) {
      const rate = rateOf(params);
      const code = (params.currency ?? 'usd').toLowerCase();
      let items = account.aftermarket.closeouts.filter((c) => c.end > now);
      if (params.domain) items = items.filter((c) => c.domain === params.domain?.toLowerCase());
      const size = Number(params.count_per_page ?? 0);
      if (size > 0) {
        const index = Math.max(1, Number(params.page_index ?? 1));
        items = items.slice((index - 1) * size, index * size);
      }
      return {
        ResponseCode: 0,
        Status: 'success',
        Size: items.length,
        CloseoutDomains: items.map((c) => ({
          closeoutItem: {
            domainName: c.domain,
            domainNameUtf: c.domain,
            currentPrice: money(c.price, rate),
            isIdn: false,
            endTimeStamp: c.end,
            renewalPrice: money(c.renewal, rate),
            expiredRevenue: money(c.revenue, rate),
            estibotAppraisal: '',
            inboundLinks: -1,
            monthlyVisitors: -1,
            currency: code,
          },
        })),
      };
    },
  },

  buy_expired_closeout_domain: {
    root: 'BuyExpiredCloseoutDomainResponse',
    handle(params, { account, now }) {
      rateOf(params);
      const name = required(params, 'domain').toLowerCase();
      const closeout = account.aftermarket.closeouts.find((c) => c.domain === name && c.end > now);
      if (!closeout) throw new SimFailure(`${name} is not available as an expired closeout`);
      buy(account, name, closeout.price, 'Expired Closeout', now);
      account.aftermarket.closeouts = account.aftermarket.closeouts.filter((c) => c !== closeout);
      return { ResponseCode: '0', Status: 'success' };
    },
  },

  get_listings: {
    root: 'GetListingsResponse',
    handle(params, { account }) {
      const rate = rateOf(params);
      const shown = account.aftermarket.listings.filter((l) => !(params.exclude_pending_sale === 'yes' && l.pendingSale));
      return { ResponseCode: 0, Status: 'success', Listing: shown.map((l) => listingJson(l, rate)) };
    },
  },

  get_listing_item: {
    root: 'GetListingsItemResponse',
    handle(params, { account }) {
      const rate = rateOf(params);
      return { ResponseCode: 0, Status: 'success', Listing: listingJson(listing(account, required(params, 'domain')), rate) };
    },
  },

  buy_it_now: {
    root: 'BuyItNowResponse',
    handle(params, { account, now }) {
      rateOf(params);
      const item = listing(account, required(params, 'domain'));
      if (item.own) throw new SimFailure(`${item.domain} is your own listing`);
      if (item.pendingSale) throw new SimFailure(`${item.domain} is locked by a pending sale`);
      if (item.price <= 0) throw new SimFailure(`${item.domain} takes offers only: it has no buy-now price`);
      buy(account, item.domain, item.price, 'Buy It Now', now);
      account.aftermarket.listings = account.aftermarket.listings.filter((l) => l !== item);
      return { ResponseCode: 0, Status: 'success' };
    },
  },

  set_for_sale: {
    root: 'SetForSaleResponse',
    handle(params, { account }) {
      const domain = ownedDomain(account, required(params, 'domains'));
      const type = required(params, 'for_sale_type');
      account.aftermarket.listings = account.aftermarket.listings.filter((l) => l.domain !== domain.name);
      if (type === 'not_for_sale') {
        domain.forSale = false;
      } else if (type === 'marketplace') {
        const listingType = required(params, 'listing_type');
        if (!['buy_now', 'make_offer', 'buy_now_and_make_offer'].includes(listingType)) throw new SimFailure('invalid listing_type');
        const price = Number(params.price ?? 0);
        if (listingType !== 'make_offer' && !(price > 0)) throw new SimFailure('price is required for buy_now');
        domain.forSale = true;
        const id = 600 + account.aftermarket.listings.length;
        account.aftermarket.listings.push({
          id,
          domain: domain.name,
          price: listingType === 'make_offer' ? 0 : price,
          links: 0,
          age: 0,
          pendingSale: false,
          own: true,
          listingType,
        });
      } else {
        throw new SimFailure('invalid for_sale_type: marketplace or not_for_sale');
      }
      // The document's own answer has the stray "ResponseCode: " key; the plain one beside it for clients.
      return { 'ResponseCode: ': '0', ResponseCode: '0', Status: 'Success' };
    },
  },

  set_afternic_confirm_action: {
    root: 'SetAfternicConfirmActionResponse',
    handle(params, { account }) {
      fastTransfer(account, 'afternic', params);
      return { ResponseCode: '0', Status: 'success' };
    },
  },

  set_sedo_confirm_action: {
    root: 'SetSedoConfirmActionResponse',
    handle(params, { account }) {
      fastTransfer(account, 'sedo', params);
      return { ResponseCode: '0', Status: 'success' };
    },
  },
};
