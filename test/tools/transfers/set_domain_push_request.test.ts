import { describe, expect, it } from 'vitest';
import setDomainPushRequest from '../../../tools/transfers/set_domain_push_request.js';
import { RECEIVER_PUSH_USERNAME } from '../../../src/simulator/state.js';
import { startHarness } from '../../helpers/harness.js';
import { badInputSweep, exampleQueryCase, type Json, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, fail, sent, account } = useHarness();
const receiver = () => {
  const found = account().peers.get(RECEIVER_PUSH_USERNAME);
  if (!found) throw new Error('no receiver account');
  return found;
};

describe('toApi', () => {
  exampleQueryCase(setDomainPushRequest, { domains: ['domain-haha1.com', 'domain-haha2.com', 'domain-haha3.com'], action: 'accept' });
});

describe('condense', () => {
  it('set_domain_push_request: what was done to which domains', () => {
    expect(setDomainPushRequest.condense({ ResponseCode: 0, Status: 'success' }, { domains: ['a.com'], action: 'decline' })).toEqual({
      action: 'declined',
      domains: ['a.com'],
    });
  });
});

describe('simulator', () => {
  simulatorShapeCase(setDomainPushRequest, (q) => ({ ...q, domains: 'alice-gift.net' }));
});

describe('through the client', () => {
  it('set_domain_push_request accept: the domain moves in from the pushing account, its order completes', async () => {
    expect(await ok('set_domain_push_request', { domains: ['alice-gift.net'], action: 'accept' })).toEqual({ action: 'accepted', domains: ['alice-gift.net'] });
    expect(account().domains.get('alice-gift.net')).toMatchObject({ locked: true, folderId: -1 });
    expect(receiver().domains.has('alice-gift.net')).toBe(false);
    expect(receiver().orders.find((o) => o.id === 5000)?.status).toBe('Completed');
    const { items } = await ok('list_domain', { page_size: 100 });
    expect(items.map((d: Json) => d.name)).toContain('alice-gift.net');
    expect(await ok('get_domain_push_request')).toEqual({ domains: [] });
  });

  it('set_domain_push_request decline: the domain stays with the sender, its order is cancelled', async () => {
    await ok('set_domain_push_request', { domains: ['alice-gift.net'], action: 'decline' });
    expect(account().domains.has('alice-gift.net')).toBe(false);
    expect(receiver().domains.has('alice-gift.net')).toBe(true);
    expect(receiver().orders.find((o) => o.id === 5000)?.status).toBe('Cancelled');
  });

  it('set_domain_push_request: a domain no push offers is refused by api3', async () => {
    expect(await fail('set_domain_push_request', { domains: ['widgets.com'], action: 'accept' })).toMatchObject({
      message: expect.stringMatching(/no push request for widgets.com/),
    });
    expect(sent('set_domain_push_request')).toHaveLength(1);
  });

  it('set_domain_push_request in dry run: the preview lists the domains an accept adds, and what no push offers', async () => {
    const dry = await startHarness({ dryRun: true });
    try {
      const result = await dry.call('set_domain_push_request', { domains: ['alice-gift.net', 'widgets.com'], action: 'accept' });
      const { preview } = result.structuredContent as Json;
      expect(preview.details).toEqual({ domains_added: ['alice-gift.net', 'widgets.com'] });
      expect(preview.refused_because).toEqual([expect.stringMatching(/no push of widgets.com waits/)]);
      expect(dry.simulator.requests.map((r) => r.command)).toEqual(['get_domain_push_request']);
    } finally {
      await dry.close();
    }
  });
});

describe('safety', () => {
  pinEffect(setDomainPushRequest, 'write');
  badInputSweep(setDomainPushRequest, { domains: ['alice-gift.net'], action: 'decline' });
});
