import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './helpers/harness.js';

describe('harness', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.close());

  it('lists tools and answers a read', async () => {
    const { tools } = await h.client.listTools();
    expect(tools.map((t) => t.name)).toContain('list_domain');
    const result = await h.ok<{ total: number }>('list_domain', {});
    expect(result.total).toBe(h.simulator.account.domains.size);
  });
});
