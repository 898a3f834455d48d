import type { AnyToolSpec } from '../../src/server/define.js';
import getAuctionBids from './get_auction_bids.js';
import getAuctionDetails from './get_auction_details.js';
import getClosedAuctions from './get_closed_auctions.js';
import getOpenAuctions from './get_open_auctions.js';
import placeAuctionBid from './place_auction_bid.js';

export const aftermarketTools: AnyToolSpec[] = [getOpenAuctions, getAuctionDetails, getAuctionBids, placeAuctionBid, getClosedAuctions];
