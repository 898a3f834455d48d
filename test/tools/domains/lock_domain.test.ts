import { describe, expect, it } from 'vitest';
import lockDomain from '../../../tools/domains/lock_domain.js';
import { badInputSweep, condenseExample, exampleQueryCase, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, domain, h } = useHarness();

describe('toApi', () => {
  exampleQueryCase(lockDomain, { domain: 'domain4.com' });
});

describe('condense', () => {
  it('lock_domain: says what is now in place', () => {
    expect(condenseExample(lockDomain, { domain: 'domain4.com' })).toEqual({ done: true, domains: ['domain4.com'], changed: { locked: true } });
  });
});

describe('simulator', () => {
  simulatorShapeCase(lockDomain, (q) => ({ ...q, domain: 'old-project.org' }));
});

describe('through the client', () => {
  it('lock_domain: locks an unlocked domain', async () => {
    expect(domain('old-project.org').locked).toBe(false);
    const result = await ok('lock_domain', { domain: 'old-project.org' });
    expect(result).toEqual({ done: true, domains: ['old-project.org'], changed: { locked: true }, previous: { 'old-project.org': { locked: false } } });
    expect(domain('old-project.org').locked).toBe(true);
  });

  it('lock_domain: on a locked domain the answer says it was locked already; one read, one write', async () => {
    const result = await ok('lock_domain', { domain: 'acme-widgets.com' });
    expect(result.previous).toEqual({ 'acme-widgets.com': { locked: true } });
    expect(h().simulator.requests.map((r) => r.command)).toEqual(['list_domain', 'lock_domain']);
  });
});

describe('safety', () => {
  pinEffect(lockDomain, 'write');
  badInputSweep(lockDomain, { domain: 'acme-widgets.com' });
});
