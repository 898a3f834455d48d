import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG } from '../../tools/index.js';
import { advertisedInput } from '../../src/server/server.js';
import type { AnyToolSpec } from '../../src/server/define.js';
import { type Harness, startHarness, textOf } from '../helpers/harness.js';
import { type JsonSchema, type Path, type StringKind, type Variant, invalidVariants, mulberry32, pathText, withValue } from '../helpers/invalid-input.js';

/**
 * The bad-input sweep. Every tool's advertised input schema is exercised with generated invalid
 * input (wrong types, null, huge strings, control characters, oversized arrays, invalid domain
 * names and IPs, numbers out of range, values outside enums, missing required properties, a
 * string `confirm`): each must come back as an invalid_input error naming the field, with
 * nothing sent to api3. Then free-text fields that legitimately accept '&' and '=' are shown
 * to carry such text as the value of their own parameter only: never a new parameter, never
 * another command.
 *
 * Deterministic: change SEED to explore other variants; a failure prints the seed it came from.
 */
const SEED = 0x5eed_d07;
/** Variants kept per field (chosen by the seeded PRNG among all candidates for that field). */
const PER_FIELD = 14;

/** One hand-made valid argument object per tool, with every optional field present so the sweep reaches it. */
const VALID: Record<string, Record<string, unknown>> = {
  search: { domains: ['acme-widgets.com', 'brand-new-name.com'], with_prices: true, currency: 'USD' },
  tld_price: { tlds: ['com', '.io'], currency: 'USD', sort: 'name', page: 1, page_size: 50 },
  list_domain: { expiring_within_days: 30, name_contains: 'widget', sort: 'name', page: 1, page_size: 10, verbose: false },
  domain_info: { domain: 'acme-widgets.com' },
  register: {
    domain: 'brand-new-name.com',
    years: 1,
    currency: 'USD',
    premium: false,
    coupon: 'SAVE10',
    contacts: { registrant: 0, admin: 0, technical: 0, billing: 0 },
    registrant_name: 'Jane Doe',
    registrant_organization: 'Acme Widgets',
  },
  renew: { domain: 'acme-widgets.com', years: 1, expected_expiry_year: 2030, currency: 'USD', coupon: 'SAVE10', skip_if_late_fee: true },
  delete: { domain: 'fresh-idea.xyz' },
  lock_domain: { domain: 'acme-widgets.com' },
  set_note: { domain: 'acme-widgets.com', note: 'main brand' },
  set_renew_option: { domains: ['acme-widgets.com'], renew_option: 'auto' },
  set_privacy: { domains: ['acme-widgets.com'], privacy: 'full' },
  get_dns: { domain: 'acme-widgets.com' },
  update_dns_records: {
    domain: 'acme-widgets.com',
    set: [{ type: 'a', subdomain: 'www', value: '192.0.2.1' }],
    remove: [{ subdomain: 'api', type: 'a' }],
    ttl: 300,
    confirm: true,
  },
  set_dns2: {
    domains: ['acme-widgets.com'],
    records: [
      { type: 'a', subdomain: 'www', value: '192.0.2.1' },
      { type: 'aaaa', value: '2001:db8::1' },
      { type: 'cname', subdomain: 'blog', value: 'host.example.net' },
      { type: 'txt', value: 'v=spf1 -all' },
      { type: 'mx', value: 'mail.example.net', priority: 10 },
      { type: 'srv', subdomain: '_sip._tcp', value: '10 5 5060 sip.example.net' },
      { type: 'forward', subdomain: 'go', value: 'https://example.org/', permanent: true },
      { type: 'stealth', subdomain: 'shop', value: 'https://example.org/shop', title: 'Shop' },
      { type: 'email', subdomain: 'mail', value: 'owner@example.org', alias: 'info' },
    ],
    ttl: 3600,
    append: false,
  },
  get_ns: { domain: 'acme-widgets.com' },
  server_list: {},
  set_ns: { domains: ['acme-widgets.com'], name_servers: ['ns1.cloudhost.example', 'ns2.cloudhost.example'] },
  contact_list: {},
  get_contact: { contact_id: 0 },
  account_info: {},
  get_account_balance: {},
  is_processing: {},
};

/** What a string field means; JSON Schema alone cannot tell a domain from a note. */
function kindOf(path: Path, schema: JsonSchema, args: Record<string, unknown>): StringKind {
  const last = path[path.length - 1];
  if (path[0] === 'records' && last === 'value') {
    const record = (args.records as Array<{ type: string }>)[path[1] as number];
    const byType: Record<string, StringKind> = {
      a: 'ipv4',
      aaaa: 'ipv6',
      cname: 'host',
      mx: 'host',
      forward: 'url',
      stealth: 'url',
      email: 'email',
      txt: 'freeText',
      srv: 'freeText',
    };
    return byType[record?.type ?? ''] ?? 'freeText';
  }
  if (last === 'subdomain') return 'subdomain';
  if (path[0] === 'tlds') return 'tld';
  if (/^(Domain|Host) name/.test(schema.description ?? '')) return 'domain';
  // list_domain filters locally; the text never reaches api3.
  if (last === 'name_contains') return 'localText';
  return 'freeText';
}

/** Variants the schema alone cannot suggest. */
function extraVariants(name: string, valid: Record<string, unknown>, destructive: boolean): Variant[] {
  const extra: Variant[] = [];
  if (destructive) {
    for (const value of ['true', 'yes', 1, null, {}]) {
      extra.push({ path: ['confirm'], label: `confirm ${JSON.stringify(value)}`, args: { ...valid, confirm: value } });
    }
  }
  if (name === 'set_dns2') {
    const main = (i: number) => ({ type: 'a', value: `192.0.2.${i + 1}` });
    const sub = (i: number) => ({ type: 'a', subdomain: `h${i}`, value: '192.0.2.1' });
    extra.push(
      { path: ['records'], label: '21 records for the domain itself', args: { ...valid, records: Array.from({ length: 21 }, (_, i) => main(i)) } },
      { path: ['records'], label: '101 subdomain records', args: { ...valid, records: Array.from({ length: 101 }, (_, i) => sub(i)) } },
      { path: ['records'], label: 'srv without subdomain', args: { ...valid, records: [{ type: 'srv', value: '10 5 5060 sip.example.net' }] } },
    );
  }
  if ('domains' in valid) {
    extra.push({ path: ['domains'], label: 'duplicate domains', args: { ...valid, domains: ['acme-widgets.com', 'ACME-widgets.com'] } });
    extra.push({ path: ['domains'], label: '101 distinct domains', args: { ...valid, domains: Array.from({ length: 101 }, (_, i) => `d${i}.com`) } });
  }
  if (name === 'set_ns') {
    extra.push({ path: ['name_servers'], label: '14 distinct name servers', args: withValue(valid, ['name_servers'], Array.from({ length: 14 }, (_, i) => `ns${i}.example.com`)) });
  }
  return extra;
}

function describeResult(result: CallToolResult): string {
  const text = textOf(result);
  return text.length > 400 ? `${text.slice(0, 400)}...` : text;
}

let h: Harness;
/** Every variant tried, as "tool path: label", for the coverage check at the end of the sweep. */
const tried: string[] = [];
let schemas: Map<string, JsonSchema>;

beforeAll(async () => {
  h = await startHarness({ toolsets: 'all' });
  const { tools } = await h.client.listTools();
  schemas = new Map(tools.map((t) => [t.name, t.inputSchema as JsonSchema]));
});

afterAll(async () => {
  await h?.close();
});

describe('bad-input sweep', () => {
  it('has a valid example for every catalog tool, and each example is valid', () => {
    const missing = CATALOG.map((spec) => spec.name).filter((name) => !(name in VALID));
    expect(missing, 'tools without a hand-made valid example in VALID').toEqual([]);
    const stale = Object.keys(VALID).filter((name) => !CATALOG.some((spec) => spec.name === name));
    expect(stale, 'examples for tools not in the catalog').toEqual([]);
    for (const spec of CATALOG) {
      const parsed = advertisedInput(spec).safeParse(VALID[spec.name]);
      expect(parsed.success, `${spec.name}: ${parsed.error?.message}`).toBe(true);
    }
    expect([...schemas.keys()].sort()).toEqual(CATALOG.map((s) => s.name).sort());
  });

  it.each(CATALOG.map((spec) => [spec.name, spec] as const))('%s rejects every invalid variant before api3 sees it', async (name, spec: AnyToolSpec) => {
    const schema = schemas.get(name);
    expect(schema, `${name} is not advertised`).toBeDefined();
    const valid = VALID[name] as Record<string, unknown>;
    // One PRNG per tool, seeded from SEED and the tool's position: a tool's variants do not depend on the others.
    const random = mulberry32(SEED + CATALOG.indexOf(spec));
    const variants = [
      ...invalidVariants(schema as JsonSchema, valid, { random, perField: PER_FIELD, kindOf }),
      ...extraVariants(name, valid, spec.effect === 'destructive'),
    ];
    const hasFields = Object.keys((schema as JsonSchema).properties ?? {}).length > 0;
    if (hasFields) expect(variants.length).toBeGreaterThan(0);

    const failures: string[] = [];
    for (const variant of variants) {
      tried.push(`${name} ${pathText(variant.path)}: ${variant.label}`);
      const before = h.simulator.requests.length;
      const result = (await h.call(name, variant.args)) as CallToolResult;
      const sent = h.simulator.requests.slice(before);
      const where = `${name} at ${variant.path.join('.') || '(top)'}: ${variant.label} [seed 0x${SEED.toString(16)}]`;
      if (sent.length > 0) failures.push(`${where}: reached api3 as ${JSON.stringify(sent.map((r) => r.command))}`);
      if (!result.isError) {
        failures.push(`${where}: accepted (${describeResult(result)})`);
        continue;
      }
      let error: { error?: string; message?: string };
      try {
        error = JSON.parse(textOf(result));
      } catch {
        failures.push(`${where}: error text is not JSON: ${describeResult(result)}`);
        continue;
      }
      if (error.error !== 'invalid_input') failures.push(`${where}: code ${error.error}, not invalid_input (${describeResult(result)})`);
      // The server prints paths as records[0].value; accept the dotted form too.
      const message = error.message ?? '';
      if (!message.includes(pathText(variant.path)) && !message.includes(variant.path.join('.'))) failures.push(`${where}: message does not name the field: ${message.slice(0, 300)}`);
    }
    expect(failures, `${failures.length} of ${variants.length} variants failed (seed 0x${SEED.toString(16)}):\n${failures.join('\n')}`).toEqual([]);
  });
  it('covered every kind of bad input the issue lists', () => {
    const wanted = [
      /^search domains\[0\]: invalid domain "x&command=delete\.com"$/,
      /^search domains\[0\]: invalid domain "example\.com&command=delete"$/,
      /^domain_info domain: invalid domain "bad domain"$/,
      /^domain_info domain: invalid domain "-x\.com"$/,
      /^domain_info domain: invalid domain "a\.\.com"$/,
      /^set_dns2 records\[0\]\.value: invalid ipv4 "999\.1\.1\.1"$/,
      /^set_dns2 records\[0\]\.value: invalid ipv4 "1\.2\.3"$/,
      /^set_dns2 records\[1\]\.value: invalid ipv6/,
      /^set_dns2 records\[\d\]\.subdomain: invalid subdomain/,
      /^set_dns2 records\[4\]\.priority: above maximum/,
      /^set_dns2 records\[\d\]\.type: unknown discriminator$/,
      /^set_dns2 records: 21 records for the domain itself$/,
      /^set_note note: control characters "a\\u0000b"$/,
      /^set_note note: control characters "x\\ny"$/,
      /^set_note note: huge string \(100k chars\)$/,
      /^set_ns domains: oversized array \(101 items\)$/,
      /^set_ns name_servers: oversized array \(14 items\)$/,
      /^register years: below minimum 1$/,
      /^register years: above maximum 10$/,
      /^register contacts\.registrant: below minimum 0$/,
      /^register currency: outside enum/,
      /^set_privacy privacy: outside enum \(smuggle\)$/,
      /^register domain: missing required property$/,
      /^register confirm: confirm "true"$/,
      /^get_contact contact_id: wrong type/,
      /^list_domain page_size: above maximum 500$/,
      /^tld_price tlds\[0\]: invalid tld "x&command=delete"$/,
    ];
    const missing = wanted.filter((re) => !tried.some((t) => re.test(t)));
    expect(missing.map(String), `not generated with seed 0x${SEED.toString(16)}`).toEqual([]);
    // Bounded, so the file stays fast.
    expect(tried.length).toBeGreaterThan(300);
    expect(tried.length).toBeLessThan(2000);
  });
});

describe('smuggling through free-text fields', () => {
  const cases: Array<{ tool: string; args: Record<string, unknown>; param: string; smuggled: string }> = [
    {
      tool: 'set_note',
      args: { domain: 'acme-widgets.com', note: 'x&command=delete&domain=acme-widgets.com' },
      param: 'note',
      smuggled: 'x&command=delete&domain=acme-widgets.com',
    },
    { tool: 'register', args: { domain: 'brand-new-name.com', years: 1, coupon: 'a&b=c', confirm: true }, param: 'coupon', smuggled: 'a&b=c' },
    {
      tool: 'set_dns2',
      args: { domains: ['widgetlab.io'], records: [{ type: 'txt', value: 'v=spf1 &command=delete' }], confirm: true },
      param: 'main_record0',
      smuggled: 'v=spf1 &command=delete',
    },
    {
      tool: 'set_dns2',
      args: {
        domains: ['widgetlab.io'],
        records: [{ type: 'stealth', subdomain: 'shop', value: 'https://example.org/?a=1&command=delete', title: 'T&key=stolen' }],
        append: true,
      },
      param: 'sub_recordx0',
      smuggled: 'T&key=stolen',
    },
    {
      tool: 'renew',
      args: { domain: 'acme-widgets.com', years: 1, coupon: 'c=1&command=delete', confirm: true },
      param: 'coupon',
      smuggled: 'c=1&command=delete',
    },
  ];

  it.each(cases.map((c) => [c.tool, c.param, c] as const))('%s %s: the text stays one parameter value', async (tool, param, c) => {
    const spec = CATALOG.find((s) => s.name === tool) as AnyToolSpec;
    const parsed = advertisedInput(spec).parse(c.args) as Record<string, unknown>;
    const expected = spec.toApi(parsed);
    const before = h.simulator.requests.length;
    const result = (await h.call(tool, c.args)) as CallToolResult;
    const sent = h.simulator.requests.slice(before);
    const request = sent.find((r) => r.command === tool);
    expect(request, `${tool} was not sent (seed 0x${SEED.toString(16)}); result: ${describeResult(result)}; sent: ${JSON.stringify(sent)}`).toBeDefined();
    expect(request?.params[param]).toBe(c.smuggled);
    expect(Object.keys(request?.params ?? {}).sort()).toEqual(Object.keys(expected).sort());
    expect(request?.params).toEqual(expected);
    for (const r of sent) expect(['delete', ''].includes(r.command), `unexpected command ${r.command}`).toBe(false);
  });

  it('unknown argument names (command, key, domain0) never become parameters', async () => {
    const before = h.simulator.requests.length;
    const result = (await h.call('domain_info', { domain: 'acme-widgets.com', command: 'delete', key: 'other', domain0: 'x.com' })) as CallToolResult;
    expect(result.isError, describeResult(result)).toBeFalsy();
    const sent = h.simulator.requests.slice(before);
    expect(sent.map((r) => r.command)).toEqual(['domain_info']);
    expect(sent[0]?.params).toEqual({ domain: 'acme-widgets.com' });
  });

  it('api3 never saw a delete command during the whole file', () => {
    expect(h.simulator.requests.length).toBeGreaterThan(0);
    expect(h.simulator.requests.filter((r) => r.command === 'delete')).toEqual([]);
    expect(h.simulator.requests.every((r) => CATALOG.some((s) => s.name === r.command))).toBe(true);
  });
});
