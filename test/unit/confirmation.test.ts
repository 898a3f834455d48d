import { describe, expect, it } from 'vitest';
import { canonicalJson, CONFIRMATION_TTL_MS, Confirmations } from '../../src/server/confirmation.js';

/** Confirmation ids (src/server/confirmation.ts): bound to the tool, the arguments and the facts shown, for ten minutes. */
describe('confirmation ids', () => {
  let now = Date.UTC(2026, 10, 24, 12, 0, 0);
  const clock = () => now;
  const args = { domain: 'a.com', years: 2 };
  const facts = { price: { amount: 21.98, currency: 'USD' } };

  it('an id verifies for the same tool, arguments and facts, with keys in any order', () => {
    const c = new Confirmations('secret', clock);
    const id = c.issue('register', args, facts);
    expect(id).toMatch(/^c1\.\d+\.[\w-]{11}\.[\w-]{22}\.[\w-]{22}$/);
    expect(c.verify(id, 'register', { years: 2, domain: 'a.com' }, { price: { currency: 'USD', amount: 21.98 } })).toEqual({ ok: true });
  });

  it('says which thing changed: the call, or the facts', () => {
    const c = new Confirmations('secret', clock);
    const id = c.issue('register', args, facts);
    expect(c.verify(id, 'register', { ...args, years: 10 }, facts)).toMatchObject({ ok: false, reason: 'other_call' });
    expect(c.verify(id, 'renew', args, facts)).toMatchObject({ ok: false, reason: 'other_call' });
    expect(c.verify(id, 'register', args, { price: { amount: 23.98, currency: 'USD' } })).toMatchObject({ ok: false, reason: 'facts_changed' });
  });

  it('expires after ten minutes; an altered expiry does not pass', () => {
    const c = new Confirmations('secret', clock);
    const id = c.issue('delete', args, facts);
    now += CONFIRMATION_TTL_MS - 1_000;
    expect(c.verify(id, 'delete', args, facts)).toEqual({ ok: true });
    now += 2_000;
    expect(c.verify(id, 'delete', args, facts)).toMatchObject({ ok: false, reason: 'expired' });
    const [v, expires, nonce, call, all] = id.split('.') as [string, string, string, string, string];
    const extended = [v, String(Number(expires) + 3600), nonce, call, all].join('.');
    expect(c.verify(extended, 'delete', args, facts)).toMatchObject({ ok: false, reason: 'other_call' });
  });

  it('every preview issues its own id, even for the same call and facts in the same second (each is consumed once)', () => {
    const c = new Confirmations('secret', clock);
    const [a, b] = [c.issue('set_ns', args, facts), c.issue('set_ns', args, facts)];
    expect(a).not.toBe(b);
    expect(c.verify(a, 'set_ns', args, facts)).toEqual({ ok: true });
    expect(c.verify(b, 'set_ns', args, facts)).toEqual({ ok: true });
  });

  it('another process with the same DYNADOT_CONFIRM_SECRET accepts it; another secret or none does not', () => {
    const id = new Confirmations('shared', clock).issue('set_ns', args, facts);
    expect(new Confirmations('shared', clock).verify(id, 'set_ns', args, facts)).toEqual({ ok: true });
    expect(new Confirmations('other', clock).verify(id, 'set_ns', args, facts)).toMatchObject({ ok: false });
    expect(new Confirmations(undefined, clock).verify(id, 'set_ns', args, facts)).toMatchObject({ ok: false });
  });

  it('missing and malformed ids are refused with their own reason', () => {
    const c = new Confirmations('secret', clock);
    expect(c.verify(undefined, 't', args, facts)).toMatchObject({ reason: 'missing' });
    expect(c.verify('', 't', args, facts)).toMatchObject({ reason: 'missing' });
    expect(c.verify('yes', 't', args, facts)).toMatchObject({ reason: 'malformed' });
    expect(c.verify(42, 't', args, facts)).toMatchObject({ reason: 'malformed' });
  });

  it('canonicalJson sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: undefined }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"f":1}]},"b":1}');
  });
});
