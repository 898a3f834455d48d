import { describe, expect, it } from 'vitest';
import listDomain from '../../../tools/domains/list_domain.js';
import { DAY } from '../../../src/simulator/state.js';
import { badInputSweep, condenseExample, exampleQueryCase, iso, type Json, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, account, domain } = useHarness();

describe('toApi', () => {
  exampleQueryCase(listDomain, {});
});

describe('condense', () => {
  it('list_domain: summaries by default, epoch -> ISO, yes/no -> booleans', () => {
    const summary = { expires: '2013-02-21T07:09:49Z', locked: true, privacy: 'off', renew_option: 'reset' };
    expect(condenseExample(listDomain)).toEqual({
      items: [
        { name: 'domain-exp140.com', ...summary },
        { name: 'domain-exp141.com', ...summary },
      ],
      page: 1,
      page_size: 100,
      total: 2,
      has_more: false,
    });
  });

  it('list_domain verbose: contacts by role, name server setting, no folder for -1, no empty note', () => {
    const result = condenseExample(listDomain, { verbose: true, sort: 'name_desc' });
    expect(result.items.map((d: { name: string }) => d.name)).toEqual(['domain-exp141.com', 'domain-exp140.com']);
    expect(result.items[0]).toEqual({
      name: 'domain-exp141.com',
      expires: '2013-02-21T07:09:49Z',
      registered: '2009-02-13T23:31:30Z',
      locked: true,
      privacy: 'off',
      renew_option: 'reset',
      for_sale: false,
      name_servers: { type: 'dynadot_parking', with_ads: true },
      contacts: { registrant: 1, admin: 2, technical: 3, billing: 4 },
    });
  });

  it('list_domain: paging over the example list', () => {
    const first = condenseExample(listDomain, { page_size: 1 });
    expect(first).toMatchObject({ page: 1, page_size: 1, total: 2, has_more: true });
    expect(first.items).toHaveLength(1);
    const second = condenseExample(listDomain, { page: 2, page_size: 1 });
    expect(second).toMatchObject({ page: 2, total: 2, has_more: false });
    expect(second.items[0].name).toBe('domain-exp141.com');
    expect(condenseExample(listDomain, { name_contains: '141' }).total).toBe(1);
  });
});

describe('simulator', () => {
  simulatorShapeCase(listDomain);
});

describe('through the client', () => {
  it('list_domain: everything, soonest expiry first, true total', async () => {
    const result = await ok('list_domain');
    expect(result.total).toBe(account().domains.size);
    const expected = [...account().domains.values()].sort((a, b) => a.expiration - b.expiration).map((d) => d.name);
    expect(result.items.map((d: Json) => d.name)).toEqual(expected);
    expect(result.items[0]).toEqual({
      name: 'old-project.org',
      expires: iso(domain('old-project.org').expiration),
      locked: false,
      privacy: 'full',
      renew_option: 'do_not_renew',
    });
  });

  it('list_domain: expiring_within_days 30 gives the domains due within 30 days, soonest first', async () => {
    const horizon = Date.now() + 30 * DAY;
    const due = [...account().domains.values()].filter((d) => d.expiration <= horizon).sort((a, b) => a.expiration - b.expiration);
    expect(due.map((d) => d.name)).toEqual(['old-project.org', 'acme-widgets.com', 'acme-widgets.net']);
    const result = await ok('list_domain', { expiring_within_days: 30 });
    expect(result).toMatchObject({ total: 3, has_more: false, page: 1 });
    expect(result.items.map((d: Json) => d.name)).toEqual(['old-project.org', 'acme-widgets.com', 'acme-widgets.net']);
    expect(result.items.map((d: Json) => d.expires)).toEqual(due.map((d) => iso(d.expiration)));
  });

  it('list_domain: paging has_more and total', async () => {
    const first = await ok('list_domain', { expiring_within_days: 30, page_size: 2 });
    expect(first).toMatchObject({ page: 1, page_size: 2, total: 3, has_more: true });
    expect(first.items.map((d: Json) => d.name)).toEqual(['old-project.org', 'acme-widgets.com']);
    const second = await ok('list_domain', { expiring_within_days: 30, page_size: 2, page: 2 });
    expect(second).toMatchObject({ page: 2, total: 3, has_more: false });
    expect(second.items.map((d: Json) => d.name)).toEqual(['acme-widgets.net']);
    const beyond = await ok('list_domain', { page_size: 5, page: 3 });
    expect(beyond).toMatchObject({ items: [], total: 8, has_more: false });
  });

  it('list_domain: name filter, name sort and verbose details', async () => {
    const byName = await ok('list_domain', { name_contains: 'acme', sort: 'name' });
    expect(byName.items.map((d: Json) => d.name)).toEqual(['acme-widgets.com', 'acme-widgets.de', 'acme-widgets.net']);
    const verbose = await ok('list_domain', { name_contains: 'acme-widgets.de', verbose: true });
    expect(verbose.items[0].contacts).toEqual({ registrant: 1, admin: 1, technical: 0, billing: 0 });
  });
});

describe('safety', () => {
  pinEffect(listDomain, 'read');
  badInputSweep(
    listDomain,
    { expiring_within_days: 30, name_contains: 'widget', sort: 'name', page: 1, page_size: 10, verbose: false },
    {
      // list_domain filters locally; the text never reaches api3.
      kindOf: (path) => (path[path.length - 1] === 'name_contains' ? 'localText' : undefined),
      mustTry: [/^list_domain page_size: above maximum 500$/],
    },
  );
});
