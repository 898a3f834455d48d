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

  it('delete: a domain past its grace period is refused with an error code and kept', async () => {
    const error = await fail('delete', { domain: 'acme-widgets.com', confirm: true });
    expect(error.error).toBe('api_error');
    expect(error.message).toMatch(/grace period/);
    expect(account().domains.has('acme-widgets.com')).toBe(true);
    expect(account().balance).toBe(300);
  });
});

describe('safety', () => {
  pinEffect(deleteDomain, 'destructive');
  confirmGateCases(deleteDomain, { domain: 'fresh-idea.xyz' }, ['domain_info']);

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
