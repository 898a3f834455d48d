import { describe, expect, it } from 'vitest';
import setConfirmAction from '../../../tools/aftermarket/set_afternic_confirm_action.js';
import { badInputSweep, confirmGateCases, exampleQueryCase, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, fail, account } = useHarness();

describe('toApi', () => {
  exampleQueryCase(setConfirmAction, { domain: 'domain.com', approve: true });

  it("set_afternic_confirm_action: declining is api3's delete_from_afternic", () => {
    expect(setConfirmAction.toApi(setConfirmAction.input.parse({ domain: 'a.com', approve: false }))).toEqual({
      domain: 'a.com',
      action: 'delete_from_afternic',
    });
  });
});

describe('simulator', () => {
  simulatorShapeCase(setConfirmAction, (q) => ({ ...q, domain: 'shopwidgets.co' }));
});

describe('through the client', () => {
  it('set_afternic_confirm_action: approving says the domain leaves the account; confirmed, it is gone from list_domain', async () => {
    const { preview } = await ok('set_afternic_confirm_action', { domain: 'shopwidgets.co', approve: true });
    expect(preview.details.outcome).toMatch(/Afternic buyer and leaves this account/);
    expect(
      await ok('set_afternic_confirm_action', { domain: 'shopwidgets.co', approve: true, confirm: true, confirmation_id: preview.confirmation_id }),
    ).toEqual({ domain: 'shopwidgets.co', approved: true });
    expect((await ok('list_domain')).items.map((d: { name: string }) => d.name)).not.toContain('shopwidgets.co');
  });

  it('set_afternic_confirm_action: declining keeps the domain; without a Afternic sale api3 refuses', async () => {
    const { preview } = await ok('set_afternic_confirm_action', { domain: 'shopwidgets.co', approve: false });
    expect(preview.details.outcome).toMatch(/taken off Afternic/);
    await ok('set_afternic_confirm_action', { domain: 'shopwidgets.co', approve: false, confirm: true, confirmation_id: preview.confirmation_id });
    expect(account().domains.has('shopwidgets.co')).toBe(true);
    const again = await ok('set_afternic_confirm_action', { domain: 'shopwidgets.co', approve: true });
    const refused = await fail('set_afternic_confirm_action', {
      domain: 'shopwidgets.co',
      approve: true,
      confirm: true,
      confirmation_id: again.preview.confirmation_id,
    });
    expect(refused.message).toMatch(/no afternic fast-transfer sale/);
  });
});

describe('safety', () => {
  pinEffect(setConfirmAction, 'destructive');
  confirmGateCases(setConfirmAction, { domain: 'shopwidgets.co', approve: true }, ['domain_info'], {
    otherArgs: { domain: 'shopwidgets.co', approve: false },
    changeFacts: {
      what: 'the domain was unlocked',
      change: (sim) => {
        const d = sim.domains.get('shopwidgets.co');
        if (d) d.locked = !d.locked;
      },
    },
  });
  badInputSweep(setConfirmAction, { domain: 'shopwidgets.co', approve: true });
});
