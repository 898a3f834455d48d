import { describe, expect, it } from 'vitest';
import setRenewOption from '../../../tools/domains/set_renew_option.js';
import { badInputSweep, condenseExample, exampleQueryCase, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, domain } = useHarness();
const toApi = (args: Record<string, unknown>) => setRenewOption.toApi(setRenewOption.input.parse(args));

describe('toApi', () => {
  exampleQueryCase(setRenewOption, { domains: ['domain1.com'], renew_option: 'auto' });

  it('set_renew_option: agent terms map to donot, auto, reset; several domains are comma separated', () => {
    expect(toApi({ domains: ['a.com', 'b.net'], renew_option: 'do_not_renew' })).toEqual({
      domain: 'a.com,b.net',
      renew_option: 'donot',
    });
    expect(toApi({ domains: ['a.com'], renew_option: 'reset' }).renew_option).toBe('reset');
  });
});

describe('condense', () => {
  it('set_renew_option: says what is now in place', () => {
    expect(condenseExample(setRenewOption, { domains: ['domain1.com'], renew_option: 'auto' })).toEqual({
      done: true,
      domains: ['domain1.com'],
      changed: { renew_option: 'auto' },
    });
  });
});

describe('simulator', () => {
  simulatorShapeCase(setRenewOption, (q) => ({ ...q, domain: 'acme-widgets.net' }));
});

describe('through the client', () => {
  it('set_renew_option: several domains at once', async () => {
    await ok('set_renew_option', { domains: ['acme-widgets.net', 'widget.dev'], renew_option: 'do_not_renew' });
    expect(domain('acme-widgets.net').renewOption).toBe('do not renew');
    expect(domain('widget.dev').renewOption).toBe('do not renew');
    await ok('set_renew_option', { domains: ['acme-widgets.net'], renew_option: 'auto' });
    expect(domain('acme-widgets.net').renewOption).toBe('auto renew');
  });
});

describe('safety', () => {
  pinEffect(setRenewOption, 'write');
  badInputSweep(setRenewOption, { domains: ['acme-widgets.com'], renew_option: 'auto' });
});
