import { describe, expect, it } from 'vitest';
import push from '../../../tools/transfers/push.js';
import { RECEIVER_PUSH_USERNAME, YEAR } from '../../../src/simulator/state.js';
import {
  badInputSweep,
  condenseExample,
  confirmGateCases,
  exampleQueryCase,
  iso,
  pinEffect,
  simulatorShapeCase,
  smugglingCase,
  useHarness,
} from '../../helpers/tool-test.js';

const { ok, call, fail, sent, account, domain } = useHarness();
const receiver = () => {
  const found = account().peers.get(RECEIVER_PUSH_USERNAME);
  if (!found) throw new Error('no receiver account');
  return found;
};

describe('toApi', () => {
  exampleQueryCase(push, { domains: ['domian1.com'], receiver: 'username', currency: 'USD' });

  it('push: several domains in the order given, split by ";", and the unlock flag', () => {
    expect(push.toApi(push.input.parse({ domains: ['b.com', 'a.com', 'c.net'], receiver: 'alice', unlock: true }))).toEqual({
      domain: 'b.com;a.com;c.net',
      receiver_push_username: 'alice',
      unlock_domain_for_push: '1',
    });
  });
});

describe('condense', () => {
  it('push: the domains in their order and the receiver', () => {
    expect(condenseExample(push, { domains: ['domian1.com'], receiver: 'username' })).toEqual({ domains: ['domian1.com'], receiver: 'username', sent: true });
  });
});

describe('simulator', () => {
  simulatorShapeCase(push, (q) => ({ ...q, domain: 'old-project.org', receiver_push_username: RECEIVER_PUSH_USERNAME }));
});

describe('through the client', () => {
  it('push with confirm: the receiver is offered each domain, in order; they stay here until it accepts', async () => {
    const result = await ok('push', { domains: ['widget.dev', 'old-project.org'], receiver: RECEIVER_PUSH_USERNAME, unlock: true, confirm: true });
    expect(result).toEqual({ domains: ['widget.dev', 'old-project.org'], receiver: RECEIVER_PUSH_USERNAME, sent: true });
    expect(sent('push')[0]?.params).toEqual({
      domain: 'widget.dev;old-project.org',
      receiver_push_username: RECEIVER_PUSH_USERNAME,
      unlock_domain_for_push: '1',
    });
    expect(
      account()
        .pushes.at(-1)
        ?.items.map((i) => i.domain),
    ).toEqual(['widget.dev', 'old-project.org']);
    expect(domain('widget.dev').locked).toBe(false);
    expect(account().domains.has('old-project.org')).toBe(true);
    expect(account().orders.at(-1)).toMatchObject({
      status: 'Processing',
      items: [
        { type: 'Domain Push', name: 'widget.dev' },
        { type: 'Domain Push', name: 'old-project.org' },
      ],
    });
    expect(receiver().domains.has('widget.dev')).toBe(false);
  });

  it('push preview: each domain with its lock and expiry, the receiver, and that it leaves once accepted', async () => {
    const { preview } = await ok('push', { domains: ['acme-widgets.com', 'old-project.org'], receiver: RECEIVER_PUSH_USERNAME, unlock: true });
    expect(preview.details).toEqual({
      receiver: RECEIVER_PUSH_USERNAME,
      domains: [
        { domain: 'acme-widgets.com', locked: true, expires: iso(domain('acme-widgets.com').expiration), will_be_unlocked: true },
        { domain: 'old-project.org', locked: false, expires: iso(domain('old-project.org').expiration) },
      ],
      note: expect.stringMatching(/leaves this account once receiver accepts.*Locked domains are unlocked now/),
    });
    expect(preview.confirmation_id).toMatch(/^c1\./);
  });

  it('push: a locked domain without unlock, or one not here, gets no confirmation and nothing is sent', async () => {
    const { preview } = await ok('push', { domains: ['acme-widgets.com', 'google.com'], receiver: RECEIVER_PUSH_USERNAME, confirm: true });
    expect(preview.refused_because).toEqual([expect.stringMatching(/acme-widgets.com is locked: add unlock: true/), 'google.com is not in this account']);
    expect(sent('push')).toEqual([]);
  });

  it('push: a confirmation for one receiver cannot push to another', async () => {
    const args = { domains: ['old-project.org'], receiver: RECEIVER_PUSH_USERNAME };
    const { preview } = await ok('push', args);
    const other = await call('push', { ...args, receiver: 'mallory', confirm: true, confirmation_id: preview.confirmation_id });
    const answer = other.structuredContent as { preview: { why_not_sent: string; would_call: { receiver: string } } };
    expect(answer.preview.why_not_sent).toMatch(/another tool or other arguments/);
    expect(answer.preview.would_call.receiver).toBe('mallory');
    expect(sent('push')).toEqual([]);
    expect(account().pushes).toEqual([]);
  });

  it('push with the receiver\'s email: sent as receiver_email; an email that is not the receiver\'s is refused by api3', async () => {
    const { preview } = await ok('push', { domains: ['old-project.org'], receiver: RECEIVER_PUSH_USERNAME, receiver_email: 'alice@receiver.example' });
    expect(preview.details.receiver_email).toBe('alice@receiver.example');
    await ok('push', { domains: ['old-project.org'], receiver: RECEIVER_PUSH_USERNAME, receiver_email: 'alice@receiver.example', confirm: true });
    expect(sent('push').at(-1)?.params.receiver_email).toBe('alice@receiver.example');
    const error = await fail('push', { domains: ['acme-widgets.com'], receiver: RECEIVER_PUSH_USERNAME, receiver_email: 'bob@elsewhere.example', unlock: true, confirm: true });
    expect(error.message).toMatch(/does not match push username/);
  });

  it('push to a username api3 does not know is refused by api3', async () => {
    const error = await fail('push', { domains: ['old-project.org'], receiver: 'nobody-here', confirm: true });
    expect(error.message).toMatch(/receiver push username nobody-here not found/);
    expect(account().pushes).toEqual([]);
  });
});

describe('safety', () => {
  pinEffect(push, 'destructive');
  confirmGateCases(push, { domains: ['old-project.org'], receiver: RECEIVER_PUSH_USERNAME }, ['list_domain'], {
    otherArgs: { domains: ['old-project.org'], receiver: 'someone-else' },
    changeFacts: {
      what: 'the expiry moved',
      change: (sim) => {
        const d = sim.domains.get('old-project.org');
        if (d) d.expiration += YEAR;
      },
    },
  });
  badInputSweep(push, { domains: ['old-project.org', 'acme-widgets.com'], receiver: RECEIVER_PUSH_USERNAME, receiver_email: 'alice@receiver.example', unlock: true, currency: 'USD' });
  smugglingCase(push, { domains: ['old-project.org'], receiver: 'a&b=c', confirm: true }, 'receiver_push_username', 'a&b=c');
});
