import { Confirmations } from '../../src/server/confirmation.js';
import { toolContext } from '../helpers/context.js';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../tools/index.js';
import { Api3Error } from '../../src/api3/errors.js';
import { invoke } from '../../src/server/define.js';
import { gate } from '../../src/server/safety.js';
import { dnsPayload, FakeApi } from '../helpers/fake-api.js';

/**
 * set_dns2 reads every written domain back and names the records it cannot see, because api3
 * has been seen to apply DNS writes late or partly. The simulator always applies them at once,
 * so the mismatch paths are driven here with a scripted api3.
 */
const setDns2 = CATALOG.find((s) => s.name === 'set_dns2');
if (!setDns2) throw new Error('set_dns2 missing from the catalog');

const ok = { root: 'SetDnsResponse', body: { ResponseCode: 0, Status: 'success' } };
const records = [
  { type: 'a', value: '192.0.2.1' },
  { type: 'mx', value: 'mx.example.com', priority: 10 },
  { type: 'cname', subdomain: 'www', value: 'example.com' },
];

describe('set_dns2 read-back', () => {
  it('no mismatch when every record is visible (type and case of values do not matter)', async () => {
    const api = new FakeApi({
      set_dns2: () => ok,
      get_dns: () => dnsPayload([['A', '192.0.2.1'], ['MX', 'MX.example.com', '10']], [['www', 'CNAME', 'example.com']]),
    });
    const result = await invoke(setDns2, setDns2.input.parse({ domains: ['a.com'], records }), toolContext(api));
    expect(result.verification).toEqual({ checked: 1, of: 1, mismatches: [] });
    expect(api.requests.map((r) => [r.command, r.mutates])).toEqual([
      ['set_dns2', true],
      ['get_dns', false],
    ]);
  });

  it('names the records a domain does not show yet', async () => {
    const api = new FakeApi({
      set_dns2: () => ok,
      get_dns: (r) => (r.params.domain === 'a.com' ? dnsPayload([['a', '192.0.2.1']]) : dnsPayload([['a', '192.0.2.1'], ['mx', 'mx.example.com', '10']], [['www', 'cname', 'example.com']])),
    });
    const result = await invoke(setDns2, setDns2.input.parse({ domains: ['a.com', 'b.com'], records }), toolContext(api));
    expect(result.verification).toEqual({
      checked: 2,
      of: 2,
      mismatches: [{ domain: 'a.com', missing: ['@ mx mx.example.com', 'www cname example.com'] }],
    });
    // The write itself succeeded and says so.
    expect(result.done).toBe(true);
  });

  it('a record under the wrong subdomain is a mismatch', async () => {
    const api = new FakeApi({ set_dns2: () => ok, get_dns: () => dnsPayload([], [['api', 'a', '192.0.2.1']]) });
    const result = await invoke(setDns2, setDns2.input.parse({ domains: ['a.com'], records: [{ type: 'a', value: '192.0.2.1' }] }), toolContext(api));
    expect((result.verification as any).mismatches).toEqual([{ domain: 'a.com', missing: ['@ a 192.0.2.1'] }]);
  });

  it('a failed read-back does not turn a done write into an error', async () => {
    const api = new FakeApi({
      set_dns2: () => ok,
      get_dns: () => {
        throw new Api3Error('busy', 'api3: system_busy');
      },
    });
    const result = await invoke(setDns2, setDns2.input.parse({ domains: ['a.com'], records }), toolContext(api));
    expect(result.done).toBe(true);
    expect(result.verification).toEqual({ checked: 0, of: 1, mismatches: [{ domain: '*', missing: [expect.stringMatching(/read-back failed \(busy\)/)] }] });
    expect(setDns2.output.safeParse(result).success).toBe(true);
  });

  it('reads back at most 10 domains', async () => {
    const api = new FakeApi({ set_dns2: () => ok, get_dns: () => dnsPayload([['a', '192.0.2.1']]) });
    const domains = Array.from({ length: 12 }, (_, i) => `d${i}.com`);
    const result = await invoke(setDns2, setDns2.input.parse({ domains, records: [{ type: 'a', value: '192.0.2.1' }] }), toolContext(api));
    expect(result.verification).toEqual({ checked: 10, of: 12, mismatches: [] });
    expect(api.requests.filter((r) => r.command === 'get_dns')).toHaveLength(10);
  });

  it('a write refused by api3 is an error and nothing is read back', async () => {
    const api = new FakeApi({
      set_dns2: () => {
        throw new Api3Error('not_found', 'api3: a.com not found');
      },
      get_dns: () => dnsPayload([]),
    });
    await expect(invoke(setDns2, setDns2.input.parse({ domains: ['a.com'], records }), toolContext(api))).rejects.toMatchObject({ code: 'not_found' });
    expect(api.requests.map((r) => r.command)).toEqual(['set_dns2']);
  });
});

describe('set_dns2 append: what it replaced, and whether it needs confirm', () => {
  const listed = (types: Record<string, string>) => ({
    root: 'ListDomainInfoResponse',
    body: { ResponseCode: 0, Status: 'success', MainDomains: Object.entries(types).map(([Name, Type]) => ({ Name, NameServerSettings: { Type } })) },
  });
  const append = (domains: string[]) => setDns2.input.parse({ domains, records: [{ type: 'a', value: '192.0.2.1' }], append: true });

  it('replaced_existing tells the truth: one list_domain read before the write names the domains not on Dynadot DNS', async () => {
    const api = new FakeApi({
      list_domain: () => listed({ 'a.com': 'Dynadot DNS', 'b.com': 'Name Servers', 'c.com': 'Dynadot Parking' }),
      set_dns2: () => ok,
      get_dns: () => dnsPayload([['a', '192.0.2.99']]),
    });
    const result = await invoke(setDns2, append(['a.com', 'b.com', 'c.com']), toolContext(api));
    expect(result.changed).toEqual({ records: 1, replaced_existing: true, replaced_on: ['b.com', 'c.com'] });
    // The records a.com has are read before the write (so none is written twice), then each domain is read back.
    expect(api.requests.map((r) => r.command)).toEqual(['list_domain', 'get_dns', 'set_dns2', 'get_dns', 'get_dns', 'get_dns']);
    const kept = await invoke(setDns2, append(['a.com']), toolContext(api));
    expect(kept.changed).toEqual({ records: 1, replaced_existing: false });
  });

  it('a record one domain has already and another not: refused naming where it is, nothing written', async () => {
    const api = new FakeApi({
      list_domain: () => listed({ 'a.com': 'Dynadot DNS', 'b.com': 'Dynadot DNS' }),
      set_dns2: () => ok,
      get_dns: (request) => dnsPayload(request.params.domain === 'a.com' ? [['a', '192.0.2.1']] : [['a', '192.0.2.50']]),
    });
    await expect(invoke(setDns2, append(['a.com', 'b.com']), toolContext(api))).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/already on a\.com/) });
    expect(api.requests.map((r) => r.command)).not.toContain('set_dns2');
  });

  it('when that read fails, nothing is written', async () => {
    const api = new FakeApi({
      list_domain: () => {
        throw new Api3Error('busy', 'api3: system_busy');
      },
      set_dns2: () => ok,
    });
    await expect(invoke(setDns2, append(['a.com']), toolContext(api))).rejects.toMatchObject({ code: 'busy' });
    expect(api.requests.map((r) => r.command)).toEqual(['list_domain']);
  });

  it('needsConfirm: a failed read counts as needing confirm (the preview then says what went wrong)', async () => {
    const api = new FakeApi({
      get_dns: () => {
        throw new Api3Error('timeout', 'api3 did not answer');
      },
    });
    expect(await setDns2.needsConfirm?.(append(['a.com']), toolContext(api))).toBe(true);
  });

  it('needsConfirm reads each domain until one is not on Dynadot DNS', async () => {
    const parked = { root: 'GetDnsResponse', body: { ResponseCode: 0, Status: 'success', GetDns: { NameServerSettings: { Type: 'Dynadot Parking', WithAds: 'Yes' } } } };
    const api = new FakeApi({ get_dns: (r) => (r.params.domain === 'b.com' ? parked : dnsPayload([['a', '192.0.2.1']])) });
    expect(await setDns2.needsConfirm?.(append(['a.com', 'b.com', 'c.com']), toolContext(api))).toBe(true);
    expect(api.requests.map((r) => r.params.domain)).toEqual(['a.com', 'b.com']);
    expect(await setDns2.needsConfirm?.(append(['a.com', 'c.com']), toolContext(api))).toBe(false);
  });
});

describe('the gate with a scripted api3', () => {
  const policy = () => ({ confirmations: new Confirmations('a test secret') });

  it('a transient failure of a preview lookup gives a preview that says so, with no confirmation id', async () => {
    const api = new FakeApi({
      list_domain: () => {
        throw new Api3Error('timeout', 'api3 did not answer');
      },
    });
    const args = setDns2.input.parse({ domains: ['a.com'], records: [{ type: 'a', value: '192.0.2.1' }] });
    const decision = await gate(setDns2, args, toolContext(api), policy());
    if (decision.proceed) throw new Error('expected a preview');
    expect(decision.preview.refused_because).toEqual([expect.stringMatching(/could not read the current price or settings \(timeout\)/)]);
    expect(decision.preview).not.toHaveProperty('confirmation_id');
    expect(api.requests.map((r) => r.command)).toEqual(['list_domain']);
  });

  it('confirm: true alone does not pass: the facts are read again and a fresh preview comes back', async () => {
    const onDns = { root: 'ListDomainInfoResponse', body: { ResponseCode: 0, Status: 'success', MainDomains: [{ Name: 'a.com', NameServerSettings: { Type: 'Dynadot DNS' } }] } };
    const api = new FakeApi({ list_domain: () => onDns, get_dns: () => dnsPayload([['a', '192.0.2.9']]) });
    const args = { ...setDns2.input.parse({ domains: ['a.com'], records: [{ type: 'a', value: '192.0.2.1' }] }), confirm: true };
    const decision = await gate(setDns2, args, toolContext(api), policy());
    if (decision.proceed) throw new Error('expected a preview');
    expect(decision.preview.why_not_sent).toMatch(/without the confirmation_id/);
    expect(decision.preview.confirmation_id).toMatch(/^c1\./);
  });

  it('non-destructive tools never meet the gate', async () => {
    const api = new FakeApi({});
    for (const spec of CATALOG.filter((s) => s.effect !== 'destructive')) {
      expect(await gate(spec, {}, toolContext(api), policy()), spec.name).toEqual({ proceed: true });
    }
    expect(api.requests).toEqual([]);
  });
});
