import { describe, expect, it } from 'vitest';
import backorderRequestList from '../../../tools/aftermarket/backorder_request_list.js';
import { badInputSweep, condenseExample, exampleQueryCase, iso, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, sent } = useHarness();
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('toApi', () => {
  // The examples file keeps the document's unpadded `2015-5-20`; the tool writes days as YYYY-MM-DD.
  exampleQueryCase(backorderRequestList, { from: '2015-01-01', to: '2015-05-20' }, { lost: { endDate: '2015-05-20' } });

  it('backorder_request_list: by default from 30 days ago to a year ahead', () => {
    expect(backorderRequestList.toApi(backorderRequestList.input.parse({}))).toEqual({ startDate: day(-30), endDate: day(365) });
  });
});

describe('condense', () => {
  it('backorder_request_list: each request, its status and until when it can be deleted', () => {
    const result = condenseExample(backorderRequestList);
    expect(result).toMatchObject({ total: 4, page_size: 50 });
    expect(result.items[0]).toEqual({ domain: 'testdrop.com', status: 'active', delete_before: iso(1403914140000) });
  });
});

describe('simulator', () => {
  simulatorShapeCase(backorderRequestList, (q) => ({ ...q, startDate: '2026-01-01', endDate: '2026-02-28' }));
});

describe('through the client', () => {
  it('backorder_request_list: the seeded requests; one added with add_backorder_request joins them', async () => {
    const before = await ok('backorder_request_list');
    expect(before.items.map((b: { domain: string }) => b.domain)).toEqual(['expiring-soon.com', 'another-drop.net', 'dropcatch.org', 'startup.io']);
    const { preview } = await ok('add_backorder_request', { domains: ['next-drop.com'] });
    await ok('add_backorder_request', { domains: ['next-drop.com'], confirm: true, confirmation_id: preview.confirmation_id });
    const after = await ok('backorder_request_list', { from: day(0), to: day(30) });
    expect(after.items.find((b: { domain: string }) => b.domain === 'next-drop.com')).toMatchObject({ status: 'active', delete_before: expect.any(String) });
    expect(sent('backorder_request_list').at(-1)?.params).toEqual({ startDate: day(0), endDate: day(30) });
  });
});

describe('safety', () => {
  pinEffect(backorderRequestList, 'read');
  badInputSweep(backorderRequestList, { from: '2026-01-01', to: '2026-03-01', page: 1, page_size: 10 });
});
