import { describe, expect, it } from 'vitest';
import setCustomerId from '../../../tools/reseller/set_customer_id.js';
import { badInputSweep, condenseExample, exampleQueryCase, type Json, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, fail, h, domain, sent } = useHarness();

describe('toApi', () => {
  exampleQueryCase(setCustomerId, { domains: ['domain1.com', 'domain2.com'], customer_id: 123456 });
});

describe('condense', () => {
  it('set_customer_id: the domains set and the id now in place', () => {
    expect(condenseExample(setCustomerId, { domains: ['domain1.com', 'domain2.com'], customer_id: 123456 })).toEqual({
      done: true,
      domains: ['domain1.com', 'domain2.com'],
      changed: { customer_id: 123456 },
    });
  });

  it('set_customer_id: domains api3 did not set are named', () => {
    const body = { SetCustomerIdSuccess: [{ Domain: 'a.com', CustomerId: 7 }], SetCustomerIdFailed: [{ Domain: 'b.com', CustomerId: 7 }] };
    expect(setCustomerId.condense(body, { domains: ['a.com', 'b.com'], customer_id: 7 })).toEqual({
      done: true,
      domains: ['a.com'],
      changed: { customer_id: 7 },
      not_set: ['b.com'],
    });
  });
});

describe('simulator', () => {
  simulatorShapeCase(setCustomerId, (q) => ({ ...q, domain: 'acme-widgets.com,widget.dev' }));
});

describe('through the client', () => {
  it("set_customer_id: the domains are then listed under the customer's id", async () => {
    const result = await ok('set_customer_id', { domains: ['acme-widgets.com', 'widget.dev'], customer_id: 42 });
    expect(result).toEqual({ done: true, domains: ['acme-widgets.com', 'widget.dev'], changed: { customer_id: 42 } });
    expect(domain('acme-widgets.com').customerId).toBe(42);
    // list_domain's reseller filter is the read that shows it.
    const { body } = await h().api.call({ command: 'list_domain', params: { customer_id: '42' }, mutates: false });
    expect((body.MainDomains as Json[]).map((d) => d.Name)).toEqual(['acme-widgets.com', 'widget.dev']);
  });

  it('set_customer_id: a domain not in the account is refused, and no domain changes', async () => {
    const error = await fail('set_customer_id', { domains: ['acme-widgets.com', 'not-mine.com'], customer_id: 42 });
    expect(error.error).toBe('not_found');
    expect(domain('acme-widgets.com').customerId).toBeUndefined();
    expect(sent('set_customer_id')).toHaveLength(1);
  });
});

describe('safety', () => {
  pinEffect(setCustomerId, 'write');
  badInputSweep(setCustomerId, { domains: ['acme-widgets.com', 'widget.dev'], customer_id: 42 });
});
