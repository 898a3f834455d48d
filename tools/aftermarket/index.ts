import type { AnyToolSpec } from '../../src/server/define.js';
import addBackorderRequest from './add_backorder_request.js';
import backorderRequestList from './backorder_request_list.js';
import buyExpiredCloseoutDomain from './buy_expired_closeout_domain.js';
import buyItNow from './buy_it_now.js';
import deleteBackorderRequest from './delete_backorder_request.js';
import getAuctionBids from './get_auction_bids.js';
import getAuctionDetails from './get_auction_details.js';
import getBackorderAuctionDetails from './get_backorder_auction_details.js';
import getClosedAuctions from './get_closed_auctions.js';
import getClosedBackorderAuctions from './get_closed_backorder_auctions.js';
import getExpiredCloseoutDomains from './get_expired_closeout_domains.js';
import getListingItem from './get_listing_item.js';
import getListings from './get_listings.js';
import getOpenAuctions from './get_open_auctions.js';
import placeAuctionBid from './place_auction_bid.js';
import placeBackorderAuctionBid from './place_backorder_auction_bid.js';
import setAfternicConfirmAction from './set_afternic_confirm_action.js';
import setForSale from './set_for_sale.js';
import setSedoConfirmAction from './set_sedo_confirm_action.js';

export const aftermarketTools: AnyToolSpec[] = [
  getOpenAuctions,
  getAuctionDetails,
  getAuctionBids,
  placeAuctionBid,
  getClosedAuctions,
  getBackorderAuctionDetails,
  placeBackorderAuctionBid,
  getClosedBackorderAuctions,
  addBackorderRequest,
  deleteBackorderRequest,
  backorderRequestList,
  getExpiredCloseoutDomains,
  buyExpiredCloseoutDomain,
  getListings,
  getListingItem,
  buyItNow,
  setForSale,
  setAfternicConfirmAction,
  setSedoConfirmAction,
];
