import { describe, expect, it } from 'vitest';
import setNote from '../../../tools/domains/set_note.js';
import { badInputSweep, condenseExample, exampleQueryCase, pinEffect, simulatorShapeCase, smugglingCase, useHarness } from '../../helpers/tool-test.js';

const { ok, domain, h } = useHarness();
const toApi = (args: Record<string, unknown>) => setNote.toApi(setNote.input.parse(args));

describe('toApi', () => {
  exampleQueryCase(setNote, { domain: 'domain1.com', note: 'Do' });

  it('set_note: values that would smuggle extra query parameters are refused', () => {
    expect(() => setNote.input.parse({ domain: 'a.com', note: 'x\u0000y' })).toThrow();
    // A note with & and = is fine: it is one parameter's value, URL-encoded by the client.
    expect(toApi({ domain: 'a.com', note: 'a&b=c' })).toEqual({ domain: 'a.com', note: 'a&b=c' });
  });
});

describe('condense', () => {
  it('set_note: says what is now in place', () => {
    expect(condenseExample(setNote, { domain: 'domain1.com', note: 'Do' })).toEqual({ done: true, domains: ['domain1.com'], changed: { note: 'Do' } });
  });
});

describe('simulator', () => {
  simulatorShapeCase(setNote, (q) => ({ ...q, domain: 'acme-widgets.com' }));
});

describe('through the client', () => {
  it('set_note: sets and clears the note, answering the note it replaced', async () => {
    const set = await ok('set_note', { domain: 'widget.dev', note: 'launch & landing page' });
    expect(set).toEqual({ done: true, domains: ['widget.dev'], changed: { note: 'launch & landing page' }, previous: { 'widget.dev': { note: '' } } });
    expect(domain('widget.dev').note).toBe('launch & landing page');
    const cleared = await ok('set_note', { domain: 'widget.dev', note: '' });
    expect(cleared.previous).toEqual({ 'widget.dev': { note: 'launch & landing page' } });
    expect(domain('widget.dev').note).toBe('');
  });

  it('set_note: the previous note comes from one list_domain read before the one write', async () => {
    const result = await ok('set_note', { domain: 'acme-widgets.com', note: 'flagship' });
    expect(result.previous).toEqual({ 'acme-widgets.com': { note: 'main brand' } });
    expect(h().simulator.requests.map((r) => r.command)).toEqual(['list_domain', 'set_note']);
  });

  it('set_note: when the read of the previous note fails, the note is still set, without previous', async () => {
    h().simulator.injectFault({ kind: 'busy', times: 10, command: 'list_domain' });
    try {
      const result = await ok('set_note', { domain: 'acme-widgets.com', note: 'flagship' });
      expect(result).toEqual({ done: true, domains: ['acme-widgets.com'], changed: { note: 'flagship' } });
      expect(domain('acme-widgets.com').note).toBe('flagship');
    } finally {
      h().simulator.clearFaults();
    }
  });
});

describe('safety', () => {
  pinEffect(setNote, 'write');
  badInputSweep(
    setNote,
    { domain: 'acme-widgets.com', note: 'main brand' },
    {
      mustTry: [/^set_note note: control characters "a\\u0000b"$/, /^set_note note: control characters "x\\ny"$/, /^set_note note: huge string \(100k chars\)$/],
    },
  );
  smugglingCase(
    setNote,
    { domain: 'acme-widgets.com', note: 'x&command=delete&domain=acme-widgets.com' },
    'note',
    'x&command=delete&domain=acme-widgets.com',
  );
});
