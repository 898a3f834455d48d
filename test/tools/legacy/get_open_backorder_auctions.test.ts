import { describe, expect, it } from 'vitest';
import getOpenBackorderAuctions from '../../../tools/legacy/get_open_backorder_auctions.js';
import { badInputSweep, condenseExample, exampleQueryCase, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, sent } = useHarness();

/** The document's XML example, in the JSON shape its sibling commands answer (it shows no JSON for this one). */
const DOCUMENTED = {
  GetOpenBackorderAuctionsResponse: {
    ResponseCode: 0,
    Status: 'success',
    Auctions: [
      {
        AuctionId: '10000',
        Domain: 'backorder0.com',
        BidPrice: '6.35',
        BidPriceCurrency: 'USD',
        Bids: '0',
        EndTime: '2017/08/29 17:53 UTC',
        EndTimestamp: '1504029194453',
      },
    ],
  },
};

describe('toApi', () => {
  exampleQueryCase(getOpenBackorderAuctions, {});
});

describe('condense', () => {
  it('get_open_backorder_auctions: the document gives no JSON answer to condense', () => {
    expect(() => condenseExample(getOpenBackorderAuctions)).toThrow(/no example response/);
  });

  it('get_open_backorder_auctions: the auctions of the documented tags, as JSON or under the XML content tag', () => {
    const expected = { currency: 'USD', items: [{ domain: 'backorder0.com', price: 6.35, bids: 0, ends: '2017-08-29T17:53:14Z' }] };
    expect(getOpenBackorderAuctions.condense(DOCUMENTED.GetOpenBackorderAuctionsResponse, {})).toEqual(expected);
    const xmlShaped = { GetOpenBackorderAuctionsContent: { Auction: DOCUMENTED.GetOpenBackorderAuctionsResponse.Auctions[0] } };
    expect(getOpenBackorderAuctions.condense(xmlShaped, {})).toEqual(expected);
  });
});

describe('simulator', () => {
  simulatorShapeCase(getOpenBackorderAuctions, (q) => q, DOCUMENTED);
});

describe('through the client', () => {
  it('get_open_backorder_auctions: the backorder auctions get_open_auctions also lists', async () => {
    const legacy = await ok('get_open_backorder_auctions');
    const current = await ok('get_open_auctions', { type: 'backorder' });
    expect(legacy.items.map((a: { domain: string }) => a.domain).sort()).toEqual(current.items.map((a: { domain: string }) => a.domain).sort());
    expect(sent('get_open_backorder_auctions')).toHaveLength(1);
  });

  it('get_open_backorder_auctions: its description names the replacement', () => {
    expect(getOpenBackorderAuctions.description).toMatch(/get_open_auctions/);
  });
});

describe('safety', () => {
  pinEffect(getOpenBackorderAuctions, 'read');
  badInputSweep(getOpenBackorderAuctions, {});
});
