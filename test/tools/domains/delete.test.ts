import { describe, expect, it } from 'vitest';
import deleteDomain from '../../../tools/domains/delete.js';
import { textOf } from '../../helpers/harness.js';
import {
  badInputSweep,
  condenseExample,
  confirmGateCases,
  exampleQueryCase,
  type Json,
  pinEffect,
  simulatorShapeCase,
  useHarness,
} from '../../helpers/tool-test.js';

const { ok, fail, call, account, h } = useHarness();
const commands = () => h().simulator.requests.map((r) => r.command);

describe('toApi', () => {
  exampleQueryCase(deleteDomain, { domain: 'domain1.com' });
});

describe('condense', () => {
  it('delete', () => {
    expect(condenseExample(deleteDomain, { domain: 'domain1.com' })).toEqual({ domain: 'domain1.com', deleted: true });
  });
});

describe('simulator', () => {
  // fresh-idea.xyz is the domain still in its delete grace period.
  simulatorShapeCase(deleteDomain, (q) => ({ ...q, domain: 'fresh-idea.xyz' }));
});

describe('through the client', () => {
  it('delete with confirm: removes a domain in its grace period and credits the fee', async () => {
    const result = await ok('delete', { domain: 'fresh-idea.xyz', confirm: true });
    expect(result).toEqual({ domain: 'fresh-idea.xyz', deleted: true });
    expect(account().domains.has('fresh-idea.xyz')).toBe(false);
    expect(account().balance).toBeCloseTo(300 + 1.99, 2);
  });

  it('delete: a domain past its grace period gets no confirmation id, is not sent, and is kept', async () => {
    const { preview } = await ok('delete', { domain: 'acme-widgets.com', confirm: true });
    expect(preview.refused_because).toEqual([expect.stringMatching(/past the 5-day delete grace period/)]);
    expect(preview).not.toHaveProperty('confirmation_id');
    expect(h().simulator.requests.map((r) => r.command)).not.toContain('delete');
    expect(account().domains.has('acme-widgets.com')).toBe(true);
    expect(account().balance).toBe(300);
  });

  it('delete: when api3 refuses anyway (the grace period it counts differs), the error says why', async () => {
    h().simulator.injectAnswer({ command: 'delete', body: { DeleteResponse: { ResponseCode: '-1', Status: 'error', Error: 'fresh-idea.xyz is past its grace period' } } });
    const error = await fail('delete', { domain: 'fresh-idea.xyz', confirm: true });
    expect(error.error).toBe('api_error');
    expect(error.message).toMatch(/grace period/);
    expect(account().domains.has('fresh-idea.xyz')).toBe(true);
  });
});

describe('safety', () => {
  pinEffect(deleteDomain, 'destructive');
  confirmGateCases(deleteDomain, { domain: 'fresh-idea.xyz' }, ['domain_info'], {
    otherArgs: { domain: 'fresh-idea2.xyz' },
    // A second domain in its grace period, so the other arguments make a confirmable preview too.
    prepareOther: (sim) => {
      const fresh = sim.domains.get('fresh-idea.xyz');
      if (fresh) sim.domains.set('fresh-idea2.xyz', { ...structuredClone(fresh), name: 'fresh-idea2.xyz' });
    },
    changeFacts: {
      what: 'the expiry changed',
      change: (sim) => {
        const fresh = sim.domains.get('fresh-idea.xyz');
        if (fresh) fresh.expiration += 86_400_000;
      },
    },
  });

  it('delete preview names the dates', async () => {
    const del = (await call('delete', { domain: 'fresh-idea.xyz' })).structuredContent as Json;
    expect(del.preview.details.registered).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('a preview for an unknown domain is refused up front with not_found', async () => {
    const result = await call('delete', { domain: 'not-mine.com' });
    expect(result.isError).toBe(true);
    expect(JSON.parse(textOf(result)).error).toBe('not_found');
    expect(commands()).not.toContain('delete');
  });

  it('delete: other invalid input is refused before anything is sent', async () => {
    const args = { domain: 'fresh-idea.xyz', confirm: 1 };
    const result = await call('delete', args);
    expect(result.isError, JSON.stringify(args)).toBe(true);
    expect(h().simulator.requests).toEqual([]);
  });

  badInputSweep(deleteDomain, { domain: 'fresh-idea.xyz' });
});
