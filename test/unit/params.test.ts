import { describe, expect, it } from 'vitest';
import { apiParams, commaList, flagParam, indexed, indexedRows } from '../../src/api3/params.js';

/** The vocabulary every spec's toApi is written in (src/api3/params.ts). */
describe('api3 parameter helpers', () => {
  it('apiParams drops only undefined: id 0 and an empty note are real values', () => {
    expect(apiParams({ contact_id: 0, note: '', folder_id: undefined, duration: 3 })).toEqual({ contact_id: '0', note: '', duration: '3' });
    expect(apiParams({ a: '1' }, { b: undefined }, { c: 2 })).toEqual({ a: '1', c: '2' });
    expect(apiParams()).toEqual({});
  });

  it('commaList joins names and leaves an empty or missing list out', () => {
    expect(commaList(['a.com', 'b.net'])).toBe('a.com,b.net');
    expect(commaList([])).toBeUndefined();
    expect(commaList(undefined)).toBeUndefined();
  });

  it('indexed numbers from 0 in order', () => {
    expect(indexed('ns', ['h1', 'h2', 'h3'])).toEqual({ ns0: 'h1', ns1: 'h2', ns2: 'h3' });
    expect(apiParams(indexed('domain', undefined))).toEqual({});
  });

  it('indexedRows pairs columns per row, and an undefined cell is left out by apiParams', () => {
    const rows = [
      { mailbox: 'info', to: 'a@example.org' },
      { mailbox: 'sales', to: 'b@example.org' },
    ];
    expect(apiParams(indexedRows(rows, { username: (r) => r.mailbox, exist_email: (r) => r.to }))).toEqual({
      username0: 'info',
      exist_email0: 'a@example.org',
      username1: 'sales',
      exist_email1: 'b@example.org',
    });
    expect(apiParams(indexedRows([{ v: 'x', x: undefined }], { rec: (r) => r.v, recx: (r) => r.x }))).toEqual({ rec0: 'x' });
  });

  it('flag spellings: 1 when on, yes/no, Yes/No and the inverted is_temp form; unsaid stays out', () => {
    expect([flagParam.oneWhenOn(true), flagParam.oneWhenOn(false), flagParam.oneWhenOn(undefined)]).toEqual(['1', undefined, undefined]);
    expect([flagParam.yesNo(true), flagParam.yesNo(false), flagParam.yesNo(undefined)]).toEqual(['yes', 'no', undefined]);
    expect([flagParam.capitalYesNo(true), flagParam.capitalYesNo(false)]).toEqual(['Yes', 'No']);
    expect([flagParam.invertedYesNo(true), flagParam.invertedYesNo(false), flagParam.invertedYesNo(undefined)]).toEqual(['no', 'yes', undefined]);
  });
});
