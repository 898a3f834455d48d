import { describe, expect, it } from 'vitest';
import setConfirmAction from '../../../tools/aftermarket/set_sedo_confirm_action.js';
import { badInputSweep, confirmGateCases, exampleQueryCase, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, fail, account } = useHarness();

describe('toApi', () => {
  exampleQueryCase(setConfirmAction, { domain: 'domain.com', approve: true });

  it("set_sedo_confirm_action: declining is api3's delete_from_sedo", () => {
    expect(setConfirmAction.toApi(setConfirmAction.input.parse({ domain: 'a.com', approve: false }))).toEqual({ domain: 'a.com', action: 'delete_from_sedo' });
  });
});

describe('simulator', () => {
  simulatorShapeCase(setConfirmAction, (q) => ({ ...q, domain: 'acme-widgets.net' }));
});

describe('through the client', () => {
  it('set_sedo_confirm_action: approving says the domain leaves the account; confirmed, it is gone from list_domain', async () => {
    const { preview } = await ok('set_sedo_confirm_action', { domain: 'acme-widgets.net', approve: true });
    expect(preview.details.outcome).toMatch(/Sedo buyer and leaves this account/);
    expect(await ok('set_sedo_confirm_action', { domain: 'acme-widgets.net', approve: true, confirm: true, confirmation_id: preview.confirmation_id })).toEqual(
      { domain: 'acme-widgets.net', approved: true },
    );
    expect((await ok('list_domain')).items.map((d: { name: string }) => d.name)).not.toContain('acme-widgets.net');
  });

  it('set_sedo_confirm_action: declining keeps the domain; without a Sedo sale api3 refuses', async () => {
    const { preview } = await ok('set_sedo_confirm_action', { domain: 'acme-widgets.net', approve: false });
    expect(preview.details.outcome).toMatch(/taken off Sedo/);
    await ok('set_sedo_confirm_action', { domain: 'acme-widgets.net', approve: false, confirm: true, confirmation_id: preview.confirmation_id });
    expect(account().domains.has('acme-widgets.net')).toBe(true);
    const again = await ok('set_sedo_confirm_action', { domain: 'acme-widgets.net', approve: true });
    const refused = await fail('set_sedo_confirm_action', {
      domain: 'acme-widgets.net',
      approve: true,
      confirm: true,
      confirmation_id: again.preview.confirmation_id,
    });
    expect(refused.message).toMatch(/no sedo fast-transfer sale/);
  });
});

describe('safety', () => {
  pinEffect(setConfirmAction, 'destructive');
  confirmGateCases(setConfirmAction, { domain: 'acme-widgets.net', approve: true }, ['domain_info'], {
    otherArgs: { domain: 'acme-widgets.net', approve: false },
    changeFacts: {
      what: 'the domain was unlocked',
      change: (sim) => {
        const d = sim.domains.get('acme-widgets.net');
        if (d) d.locked = !d.locked;
      },
    },
  });
  badInputSweep(setConfirmAction, { domain: 'acme-widgets.net', approve: true });
});
