import { describe, expect, it } from 'vitest';
import setDefaultEmailForward from '../../../tools/defaults/set_default_email_forward.js';
import { badInputSweep, exampleQueryCase, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, fail, account, sent } = useHarness();

describe('toApi', () => {
  exampleQueryCase(setDefaultEmailForward, { email: { type: 'forward', forwards: [{ mailbox: 'test', to: 'owner@example.org' }] } }, { lost: { exist_email0: 'owner@example.org' } });

  it('mail hosts with their distance; none is donot', () => {
    const toApi = (args: Record<string, unknown>) => setDefaultEmailForward.toApi(setDefaultEmailForward.input.parse(args));
    expect(toApi({ email: { type: 'mx', hosts: [{ host: 'mx1.example.org', distance: 0 }] } })).toEqual({ forward_type: 'mx', mx_host0: 'mx1.example.org', mx_distance0: '0' });
    expect(toApi({ email: { type: 'none' } })).toEqual({ forward_type: 'donot' });
  });
});

describe('simulator', () => {
  simulatorShapeCase(setDefaultEmailForward, (q) => ({ ...q, exist_email0: 'owner@example.org' }));
});

describe('through the client', () => {
  it('a domain registered afterwards forwards its mail as set', async () => {
    await ok('set_default_email_forward', { email: { type: 'forward', forwards: [{ mailbox: 'info', to: 'owner@example.org' }] } });
    await ok('register', { domain: 'brand-new-name.com', years: 1, confirm: true });
    expect(account().domains.get('brand-new-name.com')?.emailForward).toEqual({ kind: 'forward', forwards: [{ username: 'info', to: 'owner@example.org' }] });
  });
});

describe('safety', () => {
  pinEffect(setDefaultEmailForward, 'write');
  badInputSweep(setDefaultEmailForward, { email: { type: 'forward', forwards: [{ mailbox: 'info', to: 'owner@example.org' }] } });
});
