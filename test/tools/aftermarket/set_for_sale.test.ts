import { describe, expect, it } from 'vitest';
import setForSale from '../../../tools/aftermarket/set_for_sale.js';
import { badInputSweep, confirmGateCases, exampleQueryCase, pinEffect, simulatorShapeCase, smugglingCase, useHarness } from '../../helpers/tool-test.js';

const { ok, fail, sent, domain } = useHarness();
const parse = (args: Record<string, unknown>) => setForSale.input.safeParse(args);

describe('toApi', () => {
  exampleQueryCase(setForSale, {
    domain: 'test.com',
    listing: { type: 'buy_now', price: 1000, installments: 4, category: 'health', sub_category: 'fitness', description: 'testdescription' },
  });

  it('set_for_sale: without a listing the domain is taken off sale', () => {
    expect(setForSale.toApi(setForSale.input.parse({ domain: 'a.com' }))).toEqual({ domains: 'a.com', for_sale_type: 'not_for_sale' });
  });

  it("set_for_sale: the document's categories and the sub-categories each takes; a price where the type needs one", () => {
    expect(parse({ domain: 'a.com', listing: { type: 'make_offer', minimum_offer: 50, category: 'ai' } }).success).toBe(true);
    expect(parse({ domain: 'a.com', listing: { type: 'make_offer', category: 'places', sub_category: 'europe' } }).success).toBe(true);
    const wrong = [
      { type: 'buy_now' },
      { type: 'make_offer', price: 10 },
      { type: 'buy_now', price: 10, minimum_offer: 5 },
      { type: 'buy_now', price: 10, category: 'health', sub_category: 'casino' },
      { type: 'buy_now', price: 10, category: 'ai', sub_category: 'computers' },
      { type: 'buy_now', price: 10, sub_category: 'fitness' },
      { type: 'buy_now', price: 10, category: 'toys' },
      { type: 'buy_now', price: 10, installments: 13 },
      { type: 'auction', price: 10 },
    ];
    for (const listing of wrong) expect(parse({ domain: 'a.com', listing }).success, JSON.stringify(listing)).toBe(false);
    const error = parse({ domain: 'a.com', listing: { type: 'buy_now', price: 10, category: 'health', sub_category: 'casino' } }).error?.issues[0]?.message;
    expect(error).toMatch(/health takes fitness, medicine/);
  });
});

describe('simulator', () => {
  simulatorShapeCase(setForSale, (q) => ({ ...q, domains: 'widget.dev' }));
});

describe('through the client', () => {
  it('set_for_sale: the preview says a buy-now price lets the domain leave the account; listed, then taken off sale', async () => {
    const listing = { type: 'buy_now', price: 750, category: 'technology', sub_category: 'computers' };
    const { preview } = await ok('set_for_sale', { domain: 'widget.dev', listing });
    expect(preview.details).toMatchObject({ for_sale_now: false, listing, outcome: expect.stringMatching(/leaves this account/) });
    expect(await ok('set_for_sale', { domain: 'widget.dev', listing, confirm: true, confirmation_id: preview.confirmation_id })).toEqual({
      domain: 'widget.dev',
      for_sale: true,
    });
    expect(domain('widget.dev').forSale).toBe(true);
    expect(await ok('get_listing_item', { domain: 'widget.dev' })).toMatchObject({ price: { amount: 750 } });
    const off = (await ok('set_for_sale', { domain: 'widget.dev' })).preview;
    expect(off.details).toMatchObject({ for_sale_now: true, outcome: expect.stringMatching(/listing ends/) });
    await ok('set_for_sale', { domain: 'widget.dev', confirm: true, confirmation_id: off.confirmation_id });
    expect(domain('widget.dev').forSale).toBe(false);
  });

  it('set_for_sale: a domain not in the account fails in the preview read, nothing sent', async () => {
    expect((await fail('set_for_sale', { domain: 'not-mine.com', listing: { type: 'make_offer' } })).error).toBe('not_found');
    expect(sent('set_for_sale')).toEqual([]);
  });
});

describe('safety', () => {
  pinEffect(setForSale, 'destructive');
  confirmGateCases(setForSale, { domain: 'widget.dev', listing: { type: 'buy_now', price: 750 } }, ['domain_info'], {
    otherArgs: { domain: 'widget.dev', listing: { type: 'buy_now', price: 800 } },
    changeFacts: {
      what: 'the domain was listed elsewhere meanwhile',
      change: (sim) => {
        const d = sim.domains.get('widget.dev');
        if (d) d.forSale = true;
      },
    },
  });
  smugglingCase(
    setForSale,
    { domain: 'widget.dev', listing: { type: 'make_offer', description: 'Tom & Jerry = fun' }, confirm: true },
    'description',
    'Tom & Jerry = fun',
  );
  badInputSweep(setForSale, {
    domain: 'widget.dev',
    listing: {
      type: 'buy_now_and_make_offer',
      price: 900,
      minimum_offer: 300,
      installments: 6,
      category: 'internet',
      sub_category: 'domains',
      description: 'short',
    },
  });
});
