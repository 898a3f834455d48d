import { describe, expect, it } from 'vitest';
import {
  asList,
  epochToIso,
  flag,
  indexedList,
  isEmptyValue,
  labelledPrice,
  money,
  paginate,
  prune,
  snakeCase,
  snakeKeys,
  text,
} from '../../src/server/condense.js';

/**
 * The condensing helpers every tool's `condense` is built from. Each tool's condensing of the
 * document's example is in its own test file (test/tools/<toolset>/<tool>.test.ts).
 */
describe('condense helpers', () => {
  it('epochToIso: milliseconds (number or digit string) -> ISO 8601 UTC without milliseconds', () => {
    expect(epochToIso(1361430589062)).toBe('2013-02-21T07:09:49Z');
    expect(epochToIso('1361430589062')).toBe('2013-02-21T07:09:49Z');
    expect(epochToIso(' 1361430589062 ')).toBe('2013-02-21T07:09:49Z');
    expect(epochToIso(1361430589000)).toBe('2013-02-21T07:09:49Z');
    for (const bad of [0, -1, '0', '', '-', '2013-02-21', '12.5', 'abc', null, undefined, {}, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(epochToIso(bad), String(bad)).toBeUndefined();
    }
  });

  it('flag: every spelling api3 uses', () => {
    for (const yes of ['yes', 'Yes', 'YES', 'on', 'ON', '1', 'true', 'y', ' yes ', 1, true]) expect(flag(yes), String(yes)).toBe(true);
    for (const no of ['no', 'No', 'NO', 'off', '0', 'false', 'n', 0, false]) expect(flag(no), String(no)).toBe(false);
    for (const other of ['maybe', '', 2, null, undefined, {}, '-']) expect(flag(other), String(other)).toBeUndefined();
  });

  it('money: "77.00 in USD", "$70.02", plain numbers only with a known currency', () => {
    expect(money('77.00 in USD')).toEqual({ amount: 77, currency: 'USD' });
    expect(money('44.50 in eur')).toEqual({ amount: 44.5, currency: 'EUR' });
    expect(money('12.00 GBP')).toEqual({ amount: 12, currency: 'GBP' });
    expect(money('1,234.56 in USD')).toEqual({ amount: 1234.56, currency: 'USD' });
    expect(money('$70.02')).toEqual({ amount: 70.02, currency: 'USD' });
    expect(money('$0.00')).toEqual({ amount: 0, currency: 'USD' });
    expect(money('-$5.00')).toEqual({ amount: -5, currency: 'USD' });
    expect(money('€9.99')).toEqual({ amount: 9.99, currency: 'EUR' });
    expect(money('£3')).toEqual({ amount: 3, currency: 'GBP' });
    expect(money('300.00', 'usd')).toEqual({ amount: 300, currency: 'USD' });
    expect(money(12.5, 'USD')).toEqual({ amount: 12.5, currency: 'USD' });
    expect(money('300.00')).toBeUndefined();
    expect(money(12.5)).toBeUndefined();
    for (const bad of ['', '-', 'free', 'USD', '$', null, undefined, {}]) expect(money(bad, 'USD'), String(bad)).toBeUndefined();
  });

  it('money: every wording api3 prices in (issue 15)', () => {
    const usd = { amount: 11.99, currency: 'USD' };
    for (const wording of ['11.99 in USD', '11.99 USD', 'Renewal price: 11.99 USD', 'Renewal Price: 11.99 in USD', 'USD 11.99', 'usd11.99', '$11.99', '$ 11.99']) {
      expect(money(wording), wording).toEqual(usd);
    }
    expect(money('USD 1,288.00')).toEqual({ amount: 1288, currency: 'USD' });
    // Two prices in one sentence are not one price: the label says which is meant.
    const sentence = 'Registration Price: 10.88 in USD and Renewal price: 11.99 USD and Domain is not a Premium Domain';
    expect(money(sentence)).toBeUndefined();
    expect(labelledPrice('registration price', sentence)).toEqual({ amount: 10.88, currency: 'USD' });
    expect(labelledPrice('renewal price', sentence)).toEqual(usd);
    expect(labelledPrice('renewal price', 'Renewal price: USD 11.99')).toEqual(usd);
    expect(labelledPrice('renewal price', 'Registration Price: 10.88 in USD')).toBeUndefined();
    for (const bad of ['Renewal price: call us', 'Renewal price: 11.99', 'price on request', '11.99 dollars']) expect(money(bad), bad).toBeUndefined();
  });

  it('indexedList: Host0..HostN in index order, empties skipped, other keys ignored', () => {
    expect(indexedList({ Host0: 'ns1', Host1: 'ns2' })).toEqual(['ns1', 'ns2']);
    expect(indexedList({ Host10: 'k', Host2: 'c', Host0: 'a', Host1: '', Other: 'x', host3: 'd' })).toEqual(['a', 'c', 'd', 'k']);
    expect(indexedList({ Ns0: 'a', Ns1: 'b', Host0: 'z' }, 'Ns')).toEqual(['a', 'b']);
    expect(indexedList({ Host0: 5, Host1: 'ok' })).toEqual(['ok']);
    expect(indexedList(undefined)).toEqual([]);
    expect(indexedList('Host0')).toEqual([]);
  });

  it('snakeCase: api3 spellings -> snake_case', () => {
    const cases: Record<string, string> = {
      DomainName: 'domain_name',
      isForSale: 'is_for_sale',
      IDN: 'idn',
      TTL: 'ttl',
      'ResponseCode: ': 'response_code',
      GtldVerified: 'gtld_verified',
      TLDPrice: 'tld_price',
      Host0: 'host0',
      already_snake: 'already_snake',
      'Name Server': 'name_server',
      current_bid_price: 'current_bid_price',
    };
    for (const [from, to] of Object.entries(cases)) expect(snakeCase(from), from).toBe(to);
  });

  it('snakeKeys: at every depth, arrays included, values untouched', () => {
    expect(snakeKeys({ DomainName: 'A.com', NsContent: { Host0: 'x' }, List: [{ ServerId: '0' }] })).toEqual({
      domain_name: 'A.com',
      ns_content: { host0: 'x' },
      list: [{ server_id: '0' }],
    });
  });

  it('prune: drops "", null, "-", "(no folder)" and what they leave empty; keeps 0 and false', () => {
    expect(
      prune({
        a: '',
        b: null,
        c: '-',
        d: '(no folder)',
        e: 0,
        f: false,
        g: { h: '', i: { j: undefined } },
        k: ['', 'x', null, { l: '' }],
        m: [],
        n: 'keep',
        o: ' - ',
      }),
    ).toEqual({ e: 0, f: false, k: ['x'], n: 'keep' });
  });

  it('isEmptyValue, asList and text', () => {
    expect(isEmptyValue('--')).toBe(true);
    expect(isEmptyValue('N/A')).toBe(true);
    expect(isEmptyValue(0)).toBe(false);
    expect(asList({ a: 1 })).toEqual([{ a: 1 }]);
    expect(asList([{ a: 1 }, null, 'x', { b: 2 }])).toEqual([{ a: 1 }, { b: 2 }]);
    expect(asList(undefined)).toEqual([]);
    expect(asList('')).toEqual([]);
    expect(text(' x ')).toBe('x');
    expect(text('-')).toBeUndefined();
    expect(text(5)).toBe('5');
    expect(text(null)).toBeUndefined();
  });

  it('paginate: pages from 1 with a true total and has_more', () => {
    const all = [1, 2, 3, 4, 5];
    expect(paginate(all, 1, 2)).toEqual({ items: [1, 2], page: 1, page_size: 2, total: 5, has_more: true });
    expect(paginate(all, 2, 2)).toEqual({ items: [3, 4], page: 2, page_size: 2, total: 5, has_more: true });
    expect(paginate(all, 3, 2)).toEqual({ items: [5], page: 3, page_size: 2, total: 5, has_more: false });
    expect(paginate(all, 4, 2)).toEqual({ items: [], page: 4, page_size: 2, total: 5, has_more: false });
    expect(paginate(all, 1, 5)).toEqual({ items: all, page: 1, page_size: 5, total: 5, has_more: false });
    expect(paginate([], 1, 10)).toEqual({ items: [], page: 1, page_size: 10, total: 0, has_more: false });
  });
});
