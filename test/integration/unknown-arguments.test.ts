import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorOf, type Harness, startHarness } from '../helpers/harness.js';

/**
 * Item 7 of issue 15: an argument a tool does not have is refused as invalid_input, naming it,
 * the arguments the tool (or the nested object) takes, and the close name meant; nothing is sent.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());
beforeEach(() => {
  h.simulator.reset();
  h.simulator.requests.length = 0;
});

async function refused(tool: string, args: Record<string, unknown>) {
  const error = errorOf(await h.call(tool, args));
  expect(error.error).toBe('invalid_input');
  expect(h.simulator.requests).toEqual([]);
  return error;
}

describe('unknown arguments', () => {
  it('list_domain with auto_renew is refused, naming it and listing what list_domain takes', async () => {
    const error = await refused('list_domain', { expiring_within_days: 60, auto_renew: false });
    expect(error.message).toMatch(/unknown argument auto_renew/);
    expect(error.message).toMatch(/list_domain takes: [^;]*expiring_within_days/);
    expect(error.hint).toMatch(/nothing was sent/);
  });

  it('a misspelt argument names the one meant', async () => {
    const error = await refused('list_domain', { expiring_within_day: 60 });
    expect(error.message).toMatch(/unknown argument expiring_within_day \(did you mean expiring_within_days\?\)/);
  });

  it('inside a DNS record: the field is named by its path, with the close name', async () => {
    const records = [{ subdomain: 'www', type: 'a', value: '192.0.2.7', tll: 300 }];
    const error = await refused('set_dns2', { domains: ['acme-widgets.com'], records, append: true });
    expect(error.message).toMatch(/unknown argument records\[0\]\.tll/);
    expect(error.message).toMatch(/records\[0\] takes: [^;]*subdomain/);
  });

  it('inside contacts: admn is refused with contacts.admin as the close name', async () => {
    const error = await refused('register', { domain: 'brand-new-name.com', years: 1, contacts: { registrant: 1, admn: 1 } });
    expect(error.message).toMatch(/unknown argument contacts\.admn \(did you mean contacts\.admin\?\)/);
  });

  it('confirm on a tool that needs no confirmation is refused rather than ignored', async () => {
    // With an explicit confirmation_id the harness sends the call as is.
    const error = await refused('get_dns', { domain: 'acme-widgets.com', confirm: true, confirmation_id: 'x' });
    expect(error.message).toMatch(/unknown argument confirm\b/);
    expect(error.message).toMatch(/unknown argument confirmation_id/);
  });

  it('every served tool refuses an argument it does not have, and sends nothing', async () => {
    const tools = (await h.client.listTools()).tools;
    expect(tools.length).toBeGreaterThan(40);
    const accepted: string[] = [];
    for (const tool of tools) {
      const error = errorOf(await h.call(tool.name, { not_an_argument_of_any_tool: 1 }));
      if (error.error !== 'invalid_input' || !/unknown argument not_an_argument_of_any_tool/.test(error.message)) accepted.push(`${tool.name}: ${error.message}`);
    }
    expect(accepted).toEqual([]);
    expect(h.simulator.requests).toEqual([]);
  });

  it('a valid call still goes through', async () => {
    const result = await h.call('list_domain', { expiring_within_days: 60 });
    expect(result.isError).toBeFalsy();
  });
});
