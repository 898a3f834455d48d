import { describe, expect, it } from 'vitest';
import setPrivacy from '../../../tools/domains/set_privacy.js';
import { badInputSweep, condenseExample, exampleQueryCase, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, fail, domain } = useHarness();
const toApi = (args: Record<string, unknown>) => setPrivacy.toApi(setPrivacy.input.parse(args));

describe('toApi', () => {
  exampleQueryCase(setPrivacy, { domains: ['domain1.com'], privacy: 'off' });

  it('set_privacy: full, partial, off', () => {
    for (const privacy of ['full', 'partial', 'off']) {
      expect(toApi({ domains: ['a.com', 'b.com'], privacy })).toEqual({ domain: 'a.com,b.com', option: privacy });
    }
    expect(() => setPrivacy.input.parse({ domains: ['a.com'], privacy: 'none' })).toThrow();
  });
});

describe('condense', () => {
  it('set_privacy: says what is now in place', () => {
    expect(condenseExample(setPrivacy, { domains: ['domain1.com'], privacy: 'off' })).toEqual({
      done: true,
      domains: ['domain1.com'],
      changed: { privacy: 'off' },
    });
  });
});

describe('simulator', () => {
  simulatorShapeCase(setPrivacy, (q) => ({ ...q, domain: 'acme-widgets.net' }));
});

describe('through the client', () => {
  it('set_privacy: full and off', async () => {
    await ok('set_privacy', { domains: ['acme-widgets.net'], privacy: 'full' });
    expect(domain('acme-widgets.net').privacy).toBe('full');
    await ok('set_privacy', { domains: ['acme-widgets.net', 'widget.dev'], privacy: 'off' });
    expect(domain('acme-widgets.net').privacy).toBe('none');
    expect(domain('widget.dev').privacy).toBe('none');
  });

  it('a settings write naming an unknown domain changes nothing', async () => {
    const error = await fail('set_privacy', { domains: ['acme-widgets.net', 'not-mine.com'], privacy: 'off' });
    expect(error.error).toBe('not_found');
    expect(domain('acme-widgets.net').privacy).toBe('none');
  });
});

describe('safety', () => {
  pinEffect(setPrivacy, 'write');
  badInputSweep(setPrivacy, { domains: ['acme-widgets.com'], privacy: 'full' }, { mustTry: [/^set_privacy privacy: outside enum \(smuggle\)$/] });
});
