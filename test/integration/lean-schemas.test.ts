import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LONG_ENUM } from '../../src/server/server.js';
import { errorOf, type Harness, startHarness } from '../helpers/harness.js';

/**
 * What tools/list advertises is leaner than what the server checks (leanSchema in
 * src/server/server.ts); each saving keeps the check. Long code lists (DNSSEC algorithms, EU countries, payment methods, .cn licence types) are
 * advertised as their type alone, to spare every conversation their tokens; the server still
 * holds the list, and a wrong value is refused naming the field and every allowed value.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ toolsets: 'all' });
});
afterAll(async () => h.close());

/** Every enum in a schema, with its path. */
function enums(schema: unknown, path = ''): Array<{ path: string; values: unknown[] }> {
  if (Array.isArray(schema)) return schema.flatMap((item, i) => enums(item, `${path}[${i}]`));
  if (schema === null || typeof schema !== 'object') return [];
  return Object.entries(schema).flatMap(([key, value]) =>
    key === 'enum' && Array.isArray(value) ? [{ path, values: value }] : enums(value, `${path}.${key}`),
  );
}

describe('long enums', () => {
  it(`no advertised input enum has more than ${LONG_ENUM} values, and short ones stay`, async () => {
    const { tools } = await h.client.listTools();
    const all = tools.flatMap((tool) => enums(tool.inputSchema, tool.name));
    expect(all.filter((e) => e.values.length > LONG_ENUM)).toEqual([]);
    // The DNS record types steer every DNS call: they are still advertised.
    expect(all.some((e) => e.path.startsWith('set_dns2') && e.values.includes('cname'))).toBe(true);
    const dnssec = tools.find((t) => t.name === 'set_dnssec');
    expect(JSON.stringify(dnssec?.inputSchema)).not.toMatch(/rsasha512/);
  });

  it('a DNSSEC algorithm the document does not list is refused with the whole list, and nothing is sent', async () => {
    h.simulator.requests.length = 0;
    const error = errorOf(
      await h.call('set_dnssec', { domain: 'acme-widgets.com', algorithm: 'ecdsa256', record: { type: 'ds', key_tag: 1, digest_type: 'sha256', digest: 'ab' } }),
    );
    expect(error.error).toBe('invalid_input');
    expect(error.message).toMatch(/algorithm/);
    expect(error.message).toMatch(/ecdsap256sha256/);
    expect(error.message).toMatch(/ed448/);
    expect(h.simulator.requests).toEqual([]);
  });

  it('a choice of shapes told apart by `type` is advertised as one object, and a branch\'s missing field is still refused by name', async () => {
    const { tools } = await h.client.listTools();
    const email = tools.find((t) => t.name === 'set_email_forward')?.inputSchema.properties?.email as Record<string, unknown>;
    expect(email).not.toHaveProperty('oneOf');
    expect(email).toMatchObject({ type: 'object', properties: { type: { enum: ['forward', 'mx', 'none'] } }, required: ['type'] });
    expect(Object.keys(email.properties as object)).toEqual(['type', 'forwards', 'hosts']);
    expect(JSON.stringify(tools.map((t) => t.inputSchema))).not.toMatch(/"oneOf"/);

    h.simulator.requests.length = 0;
    const error = errorOf(await h.call('set_email_forward', { domains: ['acme-widgets.com'], email: { type: 'forward' } }));
    expect(error.error).toBe('invalid_input');
    expect(error.message).toMatch(/email\.forwards/);
    const mixed = errorOf(await h.call('set_email_forward', { domains: ['acme-widgets.com'], email: { type: 'none', hosts: [{ host: 'mx.example.com', distance: 1 }] } }));
    expect(mixed.error).toBe('invalid_input');
    expect(h.simulator.requests).toEqual([]);
  });

  it('a list with the same item shape as another list of the tool says so instead of spelling it out; its items are still checked', async () => {
    const { tools } = await h.client.listTools();
    const properties = tools.find((t) => t.name === 'update_dns_records')?.inputSchema.properties as Record<string, Record<string, unknown>>;
    expect(properties.add).toMatchObject({ type: 'array', items: { type: 'object' } });
    expect(properties.add?.description).toMatch(/items as in set$/);
    expect(properties.set?.items).toMatchObject({ properties: { type: { enum: expect.arrayContaining(['mx']) } } });

    h.simulator.requests.length = 0;
    const misspelt = errorOf(await h.call('update_dns_records', { domain: 'acme-widgets.com', add: [{ type: 'txt', value: 'x', ttl: 60 }] }));
    expect(misspelt.message).toMatch(/unknown argument add\[0\]\.ttl/);
    const invalid = errorOf(await h.call('update_dns_records', { domain: 'acme-widgets.com', add: [{ type: 'mx', value: 'mx.example.net' }] }));
    expect(invalid.error).toBe('invalid_input');
    expect(invalid.message).toMatch(/add\[0\]\.priority/);
    expect(h.simulator.requests).toEqual([]);
  });
});


describe('facts said once', () => {
  it('what the DNS record fields mean is in the instructions once and in no tool schema; a server with no DNS tool does not say it', async () => {
    const instructions = h.client.getInstructions() ?? '';
    expect(instructions.match(/DNS records: subdomain/g)).toHaveLength(1);
    const { tools } = await h.client.listTools();
    const recordTools = tools.filter((tool) => JSON.stringify(tool.inputSchema).includes('"stealth"'));
    expect(recordTools.map((tool) => tool.name)).toEqual(expect.arrayContaining(['set_dns2', 'update_dns_records', 'set_folder_dns2', 'set_default_dns2']));
    for (const tool of recordTools) expect(JSON.stringify(tool.inputSchema)).not.toMatch(/_dmarc|permanent: forward/);

    const contactsOnly = await startHarness({ toolsets: ['contacts'] });
    try {
      expect(contactsOnly.client.getInstructions() ?? '').not.toMatch(/DNS records:/);
    } finally {
      await contactsOnly.close();
    }
  });
});
