import { describe, expect, it } from 'vitest';
import deleteBackorderRequest from '../../../tools/aftermarket/delete_backorder_request.js';
import { badInputSweep, confirmGateCases, exampleQueryCase, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, sent } = useHarness();

describe('toApi', () => {
  exampleQueryCase(deleteBackorderRequest, { domains: ['domaindropp.com'] });
});

describe('simulator', () => {
  simulatorShapeCase(deleteBackorderRequest, (q) => ({ ...q, domain: 'expiring-soon.com' }));
});

describe('through the client', () => {
  it('delete_backorder_request: the preview says nothing is refunded; confirmed, the request is gone', async () => {
    const { preview } = await ok('delete_backorder_request', { domains: ['expiring-soon.com'] });
    expect(preview.details).toMatchObject({ requests: [{ domain: 'expiring-soon.com', status: 'active' }], refund: expect.stringMatching(/^none/) });
    expect(await ok('delete_backorder_request', { domains: ['expiring-soon.com'], confirm: true, confirmation_id: preview.confirmation_id })).toEqual({
      domains: ['expiring-soon.com'],
      deleted: true,
    });
    expect((await ok('backorder_request_list')).items.map((b: { domain: string }) => b.domain)).not.toContain('expiring-soon.com');
  });

  it('delete_backorder_request: a name not on the list, or past its cutoff, is refused before anything is sent', async () => {
    const { preview } = await ok('delete_backorder_request', { domains: ['never-asked.com', 'dropcatch.org'] });
    expect(preview.refused_because).toEqual([
      expect.stringMatching(/never-asked\.com is not on your backorder request list/),
      expect.stringMatching(/dropcatch\.org is past its cutoff/),
    ]);
    expect(preview.confirmation_id).toBeUndefined();
    expect(sent('delete_backorder_request')).toEqual([]);
  });
});

describe('safety', () => {
  pinEffect(deleteBackorderRequest, 'destructive');
  confirmGateCases(deleteBackorderRequest, { domains: ['expiring-soon.com'] }, ['backorder_request_list'], {
    otherArgs: { domains: ['another-drop.net'] },
    changeFacts: {
      what: 'the cutoff moved',
      change: (sim) => {
        const request = sim.aftermarket.backorders.find((b) => b.domain === 'expiring-soon.com');
        if (request) request.cutoff += 3_600_000;
      },
    },
  });
  badInputSweep(deleteBackorderRequest, { domains: ['expiring-soon.com'] });
});
