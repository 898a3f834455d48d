import { bid, minimumBid, openAuction, rateOf, settle } from '../auctions.js';
import { priceFor } from '../domains-util.js';
import { DAY, type SimAccount, type SimAuction } from '../state.js';
import { required, SimFailure, type SimHandlers, type SimParams } from '../types.js';

/**
 * The auction and backorder commands, spelled as api3 answers them; how auctions move on the
 * clock is src/simulator/auctions.ts. The newer auction commands answer root-less in snake_case
 * (root ''), as the document shows them.
 */

const fixed = (n: number) => n.toFixed(2);
const stamp = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ').replace(/-/g, '/')} UTC`;

function timeLeft(end: number, now: number): string {
  const hours = Math.max(0, Math.floor((end - now) / 3_600_000));
  return `${Math.floor(hours / 24)} days, ${hours % 24} hours`;
}

function auctionJson(a: SimAuction, now: number, rate: number, code: string): Record<string, unknown> {
  return {
    auction_id: a.id,
    domain: a.domain,
    utf_name: a.domain,
    is_idn: false,
    auction_type: a.type,
    currency: code,
    current_bid_price: fixed(a.price * rate),
    bids: a.bids,
    bidders: a.bidders,
    time_left: timeLeft(a.end, now),
    start_time: stamp(a.start),
    start_time_stamp: a.start,
    end_time: stamp(a.end),
    end_time_stamp: a.end,
    visitors: a.visitors,
    links: '-',
    age: 0,
    dyna_appraisal: '-',
  };
}

function detailsJson(account: SimAccount, a: SimAuction, now: number, rate: number, code: string): Record<string, unknown> {
  const ended = a.state !== 'open';
  return {
    auction_json: {
      ...auctionJson(a, now, rate, code),
      accepted_bid_price: fixed(minimumBid(a) * rate),
      is_high_bidder: a.you?.high ?? false,
      auction_status_id: ended ? 4 : 0,
      revenue: fixed(a.revenue),
      estibot_appraisal: '',
      bidder_name: '',
      bid_price: '',
      timestamp: 0,
      bid_status: '',
      is_proxy_auto_bid: false,
      auction_ended: ended,
      customer_bided: a.you !== undefined,
      customer_bid: fixed((a.you?.bid ?? -1) * (a.you ? rate : 1)),
      customer_proxy_bid: fixed((a.you?.proxy ?? -1) * (a.you ? rate : 1)),
      is_premium: account.premium.has(a.domain),
      renewal_price: fixed(a.renewal * rate),
    },
    bid_history: a.history.map((h) => ({
      bidder_name: h.you ? 'You' : 'Bidder',
      bid_price: fixed(h.price * rate),
      currency: code,
      timestamp: h.at,
      bid_status: h.you && a.you?.high && h.price === a.you.bid ? 'High Bidder' : 'Out Bid',
      is_proxy_auto_bid: !h.you,
    })),
  };
}

/** `yyyy-mm-dd` (api3's own example writes `2015-5-15`) as the start of that day, UTC. */
function day(value: string, name: string): number {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!Number.isFinite(ms)) throw new SimFailure(`invalid ${name}: use yyyy-mm-dd`);
  return ms;
}

/** The closed auctions this account bid in that ended within startDate..endDate (both days included). */
function closed(account: SimAccount, params: SimParams, backorder: boolean): SimAuction[] {
  const from = day(required(params, 'startDate'), 'startDate');
  const to = day(required(params, 'endDate'), 'endDate') + DAY;
  return account.aftermarket.auctions.filter((a) => a.state !== 'open' && a.you && (a.type === 'backorder') === backorder && a.end >= from && a.end < to);
}

const yesNo = (b: boolean) => (b ? 'yes' : 'no');

export const auctionHandlers: SimHandlers = {
  get_open_auctions: {
    root: '',
    handle(params, { account, now }) {
      settle(account, now);
      const { rate, code } = rateOf(params);
      const types = required(params, 'type').split(',');
      const list = account.aftermarket.auctions.filter((a) => a.state === 'open' && types.includes(a.type));
      return { status: 'success', auction_list: list.map((a) => auctionJson(a, now, rate, code)) };
    },
  },

  get_auction_details: {
    root: '',
    handle(params, { account, now }) {
      settle(account, now);
      const { rate, code } = rateOf(params);
      const names = required(params, 'domain').toLowerCase().split(',');
      const found = names.map((name) => openAuction(account, name, false));
      return { status: 'success', size: found.length, auction_details: found.map((a) => detailsJson(account, a, now, rate, code)) };
    },
  },

  get_auction_bids: {
    root: '',
    handle(params, { account, now }) {
      settle(account, now);
      const { rate } = rateOf(params);
      const mine = account.aftermarket.auctions.filter((a) => a.state === 'open' && a.you && a.type !== 'backorder');
      return {
        status: 'success',
        auction_bids: mine.map((a, i) => ({
          bid_id: i,
          auction_id: a.id,
          account_id: '1',
          domain: a.domain,
          domain_utf: a.domain,
          auction_type: a.type,
          is_idn: false,
          current_bid: `$${fixed(a.price * rate)}`,
          your_status: a.you?.high ? 'High Bidder' : 'Out Bid',
          proxy_bid: `$${fixed((a.you?.proxy ?? 0) * rate)}`,
          active_bidders: a.bidders,
          time_left: timeLeft(a.end, now),
          end_time: stamp(a.end),
          end_time_stamp: a.end,
        })),
      };
    },
  },

  place_auction_bid: {
    root: '',
    handle(params, { account, now }) {
      settle(account, now);
      const { rate, code } = rateOf(params);
      const auction = openAuction(account, required(params, 'domain'), false);
      bid(account, auction, params, now);
      return { status: 'success', auction_details: detailsJson(account, auction, now, rate, code) };
    },
  },

  get_closed_auctions: {
    root: 'GetClosedAuctionsResponse',
    handle(params, { account }) {
      const { rate, code } = rateOf(params);
      return {
        ResponseCode: 0,
        Status: 'success',
        Auctions: closed(account, params, false).map((a) => ({
          AuctionId: String(a.id),
          Domain: a.domain,
          AuctionStatusId: '4',
          AuctionStatus: 'Closed by Timeout',
          BidPrice: fixed(a.price * rate),
          BidPriceCurrency: code,
          Bids: String(a.bids),
          AuctionWonStatus: a.state === 'won' ? 'won' : 'lost',
          YourHighBid: fixed((a.you?.bid ?? 0) * rate),
          YourProxyBid: fixed((a.you?.proxy ?? 0) * rate),
        })),
      };
    },
  },

  get_backorder_auction_details: {
    root: 'GetBackorderAuctionDetailsResponse',
    handle(params, { account, now }) {
      settle(account, now);
      const { rate, code } = rateOf(params);
      const a = openAuction(account, required(params, 'domain'), true);
      return {
        ResponseCode: 0,
        Status: 'success',
        GetBackorderAuctionDetails: {
          AuctionStatusId: a.state === 'open' ? '0' : '4',
          AuctionStatus: a.state === 'open' ? 'In Progress' : 'Closed by Timeout',
          UserIsHighBid: yesNo(a.you?.high ?? false),
          YourCurrentBid: a.you ? fixed(a.you.bid * rate) : '-1',
          YourProxyBid: a.you ? fixed(a.you.proxy * rate) : '-1',
          Auction: {
            AuctionId: String(a.id),
            Domain: a.domain,
            BidPrice: fixed(a.price * rate),
            BidPriceCurrency: code,
            Bids: String(a.bids),
            EndTime: stamp(a.end),
            EndTimestamp: String(a.end),
          },
        },
      };
    },
  },

  place_backorder_auction_bid: {
    root: 'PlaceBakcorderAuctionBidResponse',
    handle(params, { account, now }) {
      settle(account, now);
      const auction = openAuction(account, required(params, 'domain'), true);
      // Only the accounts whose backorder caught the name take part.
      if (!account.aftermarket.backorders.some((b) => b.domain === auction.domain)) throw new SimFailure(`you have no backorder for ${auction.domain}`);
      bid(account, auction, params, now);
      return { ResponseCode: '0', Status: 'success' };
    },
  },

  get_closed_backorder_auctions: {
    root: 'GetClosedBackorderAuctionsResponse',
    handle(params, { account }) {
      const { rate, code } = rateOf(params);
      return {
        ResponseCode: 0,
        Status: 'success',
        Auctions: closed(account, params, true).map((a) => ({
          AuctionWonStatus: a.state === 'won' ? 'won' : 'lost',
          YourHighBid: fixed((a.you?.bid ?? 0) * rate),
          YourProxyBid: fixed((a.you?.proxy ?? 0) * rate),
          AuctionId: String(a.id),
          Domain: a.domain,
          BidPrice: fixed(a.price * rate),
          BidPriceCurrency: code,
          Bids: String(a.bids),
          EndTime: stamp(a.end),
          EndTimestamp: String(a.end),
        })),
      };
    },
  },

  // Deprecated by the document, which shows no JSON answer: its XML tags under the usual root.
  get_open_backorder_auctions: {
    root: 'GetOpenBackorderAuctionsResponse',
    handle(params, { account, now }) {
      settle(account, now);
      const { rate, code } = rateOf(params);
      const open = account.aftermarket.auctions.filter((a) => a.state === 'open' && a.type === 'backorder');
      return {
        ResponseCode: 0,
        Status: 'success',
        Auctions: open.map((a) => ({
          AuctionId: String(a.id),
          Domain: a.domain,
          BidPrice: fixed(a.price * rate),
          BidPriceCurrency: code,
          Bids: String(a.bids),
          EndTime: stamp(a.end),
          EndTimestamp: String(a.end),
        })),
      };
    },
  },

  add_backorder_request: {
    root: 'AddBackorderRequestResponse',
    handle(params, { account, now }) {
      const names = required(params, 'domain').toLowerCase().split(',');
      if (names.length > 100) throw new SimFailure('too many domains: at most 100 per request');
      for (const name of names) {
        if (account.domains.has(name)) throw new SimFailure(`${name} is already in your account`);
        priceFor(account, name);
      }
      for (const name of names) {
        if (account.aftermarket.backorders.some((b) => b.domain === name && b.status === 'Active')) continue;
        account.aftermarket.backorders.push({ domain: name, drop: now + 7 * DAY, cutoff: now + 6 * DAY, status: 'Active' });
      }
      return { ResponseCode: '0', Status: 'success' };
    },
  },

  delete_backorder_request: {
    root: 'DeleteBackorderRequestResponse',
    handle(params, { account, now }) {
      const names = required(params, 'domain').toLowerCase().split(',');
      for (const name of names) {
        const request = account.aftermarket.backorders.find((b) => b.domain === name);
        if (!request) throw new SimFailure(`${name} is not on your backorder request list`);
        if (request.status !== 'Active' || request.cutoff <= now) throw new SimFailure(`the cutoff time for ${name} has passed`);
      }
      account.aftermarket.backorders = account.aftermarket.backorders.filter((b) => !names.includes(b.domain));
      return { ResponseCode: '0', Status: 'success' };
    },
  },

  backorder_request_list: {
    root: 'BackorderRequestListResponse',
    handle(params, { account, now }) {
      settle(account, now);
      const from = day(required(params, 'startDate'), 'startDate');
      const to = day(required(params, 'endDate'), 'endDate') + DAY;
      const listed = account.aftermarket.backorders.filter((b) => b.drop >= from && b.drop < to);
      return {
        ResponseCode: 0,
        Status: 'success',
        BackorderRequestList: listed.map((b) => ({ DomainName: b.domain, CutoffTime: String(b.cutoff), BackorderRequestStatus: b.status })),
      };
    },
  },
};

export { marketHandlers } from './marketplace.js';
// The test controls of the simulated aftermarket, where the tests look for them.
export { dropBackorder, endAuction, rivalBid } from '../auctions.js';
