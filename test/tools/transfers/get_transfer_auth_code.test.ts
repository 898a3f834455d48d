import { describe, expect, it } from 'vitest';
import getTransferAuthCode from '../../../tools/transfers/get_transfer_auth_code.js';
import { YEAR } from '../../../src/simulator/state.js';
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

const { ok, call, fail, sent, account, domain } = useHarness();
/** Seeded unlocked (the only one): api3 gives its code without unlocking anything. */
const OPEN = 'old-project.org';

describe('toApi', () => {
  exampleQueryCase(getTransferAuthCode, { domain: 'domian1.com', new_code: true, unlock: true });

  it('get_transfer_auth_code: only reading sends the domain alone', () => {
    expect(getTransferAuthCode.toApi(getTransferAuthCode.input.parse({ domain: 'a.com' }))).toEqual({ domain: 'a.com' });
  });
});

describe('condense', () => {
  it('get_transfer_auth_code: the code, and what the call did', () => {
    expect(condenseExample(getTransferAuthCode, { domain: 'domian1.com', new_code: true, unlock: true })).toEqual({
      domain: 'domian1.com',
      auth_code: 'testauthcode',
      new_code: true,
      unlocked: true,
    });
  });
});

describe('simulator', () => {
  // The seeded account has no skip lock agreement: the shape is checked on new_code for an unlocked domain.
  simulatorShapeCase(getTransferAuthCode, () => ({ domain: OPEN, new_code: '1' }));
});

describe('through the client', () => {
  it('get_transfer_auth_code: reading needs no confirm and answers the same code twice', async () => {
    const first = await ok('get_transfer_auth_code', { domain: OPEN });
    expect(first).toEqual({ domain: OPEN, auth_code: expect.stringMatching(/^\S{8,}$/) });
    expect((await ok('get_transfer_auth_code', { domain: OPEN })).auth_code).toBe(first.auth_code);
    expect(account().authCodes.get(OPEN)).toBe(first.auth_code);
  });

  it('get_transfer_auth_code with new_code and no confirmation sends nothing and keeps the code', async () => {
    const before = (await ok('get_transfer_auth_code', { domain: OPEN })).auth_code;
    const answer = await ok('get_transfer_auth_code', { domain: OPEN, new_code: true });
    expect(Object.keys(answer)).toEqual(['preview']);
    expect(answer.preview.details.will).toEqual([expect.stringMatching(/new auth code: the current one stops working/)]);
    expect(JSON.stringify(answer)).not.toContain(before);
    expect(sent('get_transfer_auth_code')).toHaveLength(1);
    expect(account().authCodes.get(OPEN)).toBe(before);
  });

  it('get_transfer_auth_code with new_code, confirmed: a new code, the old one gone', async () => {
    const before = (await ok('get_transfer_auth_code', { domain: OPEN })).auth_code;
    const renewed = await ok('get_transfer_auth_code', { domain: OPEN, new_code: true, confirm: true });
    expect(renewed).toEqual({ domain: OPEN, auth_code: expect.any(String), new_code: true });
    expect(renewed.auth_code).not.toBe(before);
    expect(account().authCodes.get(OPEN)).toBe(renewed.auth_code);
  });

  it('get_transfer_auth_code of a locked domain: the preview refuses without unlock; a plain read is refused by api3 with what to do', async () => {
    const { preview } = await ok('get_transfer_auth_code', { domain: 'acme-widgets.com', new_code: true });
    expect(preview.refused_because).toEqual([expect.stringMatching(/is locked.*unlock: true/)]);
    const error = await fail('get_transfer_auth_code', { domain: 'acme-widgets.com' });
    expect(error.hint).toMatch(/Unlock it/);
    expect(JSON.stringify(error)).not.toContain('Acme-7Hq2-Xw9p');
  });

  it('get_transfer_auth_code with unlock, without the API skip lock agreement: the hint says to turn it on and what it does', async () => {
    const answer = await ok('get_transfer_auth_code', { domain: 'acme-widgets.com', unlock: true });
    expect(answer.preview.details.will).toEqual([expect.stringMatching(/unlock the domain: anyone with the code can then transfer it away/)]);
    const error = await fail('get_transfer_auth_code', { domain: 'acme-widgets.com', unlock: true, confirm: true });
    expect(error.message).toMatch(/skip lock agreement/);
    expect(error.hint).toMatch(/turn it on in the Dynadot control panel/);
    expect(error.hint).toMatch(/unlock a domain for transfer/);
    expect(domain('acme-widgets.com').locked).toBe(true);
  });

  it('get_transfer_auth_code with unlock and the agreement: unlocked, with its code', async () => {
    account().skipLockAgreement = true;
    const answer = await ok('get_transfer_auth_code', { domain: 'acme-widgets.com', unlock: true, confirm: true });
    expect(answer).toEqual({ domain: 'acme-widgets.com', auth_code: 'Acme-7Hq2-Xw9p', unlocked: true });
    expect(domain('acme-widgets.com').locked).toBe(false);
  });

  it('get_transfer_auth_code: a domain not in the account', async () => {
    const { preview } = await ok('get_transfer_auth_code', { domain: 'google.com', new_code: true });
    expect(preview.refused_because).toEqual(['google.com is not in this account']);
    expect((await call('get_transfer_auth_code', { domain: 'google.com' })).isError).toBe(true);
  });
});

describe('safety', () => {
  pinEffect(getTransferAuthCode, 'destructive', {
    confirmNeeded: [
      { args: { domain: OPEN }, needed: false },
      { args: { domain: OPEN, new_code: true }, needed: true },
      { args: { domain: OPEN, unlock: true }, needed: true },
    ],
  });
  confirmGateCases(getTransferAuthCode, { domain: OPEN, new_code: true }, ['list_domain'], {
    otherArgs: { domain: 'old-project.org', new_code: true, unlock: true },
    changeFacts: {
      what: 'the expiry moved',
      change: (sim) => {
        const d = sim.domains.get(OPEN);
        if (d) d.expiration += YEAR;
      },
    },
  });
  badInputSweep(getTransferAuthCode, { domain: OPEN, new_code: true, unlock: false });

  it('get_transfer_auth_code preview: says what happens, never the code', async () => {
    const code = (await ok('get_transfer_auth_code', { domain: OPEN })).auth_code;
    const result = await call('get_transfer_auth_code', { domain: OPEN, new_code: true, unlock: true });
    const preview = (result.structuredContent as Json).preview;
    expect(preview.details).toMatchObject({ domain: OPEN, locked: false, will: [expect.stringMatching(/new auth code/), expect.stringMatching(/unlock/)] });
    expect(JSON.stringify(result)).not.toContain(code);
  });
});
