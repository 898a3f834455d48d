import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StateStore } from '../../../src/server/state-store.js';
import type { SimAccount } from '../../../src/simulator/state.js';
import restoreSettings from '../../../tools/undo/restore_settings.js';
import { errorOf, type Harness, startHarness, TEST_KEY, textOf } from '../../helpers/harness.js';
import { mulberry32 } from '../../helpers/invalid-input.js';
import { badInputSweep, confirmGateCases, type Json, pinEffect, snapshot, useHarness } from '../../helpers/tool-test.js';

// A composite of get_dns, server_list and the tools that set each kind of setting (set_dns2,
// set_ns, set_parking). The server keeps its snapshots in a temp folder of this file's own.
const dir = mkdtempSync(join(tmpdir(), 'dynadot-restore-'));
const store = new StateStore(dir, false);
const KEY = `${TEST_KEY}-restore-${process.pid}`;
const { ok, call, sent, domain, h } = useHarness({ store, apiKey: KEY });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ID = /^s-\d{8}T\d{9}Z-[0-9a-f]{6}$/;
const D = 'acme-widgets.com';
/** acme-widgets.com as the seed has it, as get_dns condenses it. */
const SEEDED_DNS = {
  type: 'dynadot_dns',
  ttl: 3600,
  records: [
    { type: 'a', value: '203.0.113.10' },
    { type: 'mx', value: 'mx1.mailhost.example', priority: 10 },
    { type: 'txt', value: 'v=spf1 include:mailhost.example ~all' },
    { subdomain: 'www', type: 'cname', value: 'acme-widgets.com' },
    { subdomain: 'api', type: 'a', value: '203.0.113.20' },
  ],
};

const dnsOf = async (name: string): Promise<Json> => (await ok<Json>('get_dns', { domain: name })).dns;
const writes = () => h().simulator.requests.filter((r) => ['set_dns2', 'set_ns', 'set_parking'].includes(r.command));

// ---------------------------------------------------------------------------------------------
// Random DNS record sets

type Rec = { type: string; subdomain?: string; value: string; priority?: number };
const SUBDOMAINS = ['www', 'api', 'mail', '_dmarc', 'a.b', '*', 'dev-1', 'x_y'];
const HOSTS = ['host.example.com', 'Edge.CDN.example.net', 'mx1.mail.example.org.', 'acme-widgets.com', 'a-b.example.io'];
const TXT_CHARS = 'abcdefghijklmnopqrstuvwxyzABCXYZ0123456789 =&+%;:/"\'_-.,!?#@';

function randomRecords(random: () => number, max = 10): Rec[] {
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const records: Rec[] = [];
  const count = 1 + int(max);
  for (let i = 0; i < count; i++) {
    // Now and then the same record twice: a multiset, not a set.
    if (records.length > 0 && random() < 0.1) {
      records.push({ ...pick(records) });
      continue;
    }
    const type = pick(['a', 'aaaa', 'cname', 'mx', 'txt'] as const);
    const on = random() < 0.4 ? {} : { subdomain: pick(SUBDOMAINS) };
    if (type === 'a') records.push({ type, ...on, value: `${1 + int(223)}.${int(256)}.${int(256)}.${1 + int(254)}` });
    if (type === 'aaaa') records.push({ type, ...on, value: `2001:db8:${int(0xffff).toString(16)}::${(1 + int(0xfffe)).toString(16)}` });
    if (type === 'cname') records.push({ type, ...on, value: pick(HOSTS) });
    if (type === 'mx') records.push({ type, ...on, value: pick(HOSTS), priority: int(100) });
    if (type === 'txt') {
      const text = Array.from({ length: 2 + int(60) }, () => pick([...TXT_CHARS])).join('').trim();
      records.push({ type, ...on, value: `v${text}` });
    }
  }
  return records;
}

const randomTtl = (random: () => number) => 60 + Math.floor(random() * (86400 - 60 + 1));

/** Records as get_dns shows them, comparable as a multiset. */
const asShown = (r: Rec) => JSON.stringify([r.subdomain ?? '', r.type, r.value, r.priority === undefined ? '' : String(r.priority)]);
const shownOf = (records: ReadonlyArray<{ subdomain?: string; type: string; value: string; priority?: number }> = []) =>
  records.map((r) => JSON.stringify([r.subdomain ?? '', r.type, r.value, r.priority === undefined ? '' : String(r.priority)])).sort();

const CASES = 25;
const SEED = 0x0d0_ba5e;

describe('restore after an overwrite gives exactly the prior records and TTL (property-based)', () => {
  for (let i = 0; i < CASES; i++) {
    const seed = (SEED + i) >>> 0;
    it(`case ${i} [seed 0x${seed.toString(16)}]: overwritten by set_dns2, and by update_dns_records, restore_settings puts the prior set back`, async () => {
      const random = mulberry32(seed);
      const prior = randomRecords(random);
      const priorTtl = randomTtl(random);
      const expected = prior.map(asShown).sort();
      const putPrior = async () => {
        await ok('set_dns2', { domains: [D], records: prior, ttl: priorTtl, confirm: true });
        const dns = await dnsOf(D);
        expect(shownOf(dns.records), 'the prior state is in place').toEqual(expected);
        expect(dns.ttl).toBe(priorTtl);
      };
      const restored = async (snapshotId: string, how: string) => {
        expect(snapshotId, how).toMatch(ID);
        const result = await ok<Json>('restore_settings', { snapshot_id: snapshotId, confirm: true });
        expect(result.all_restored, `${how}: ${JSON.stringify(result)}`).toBe(true);
        const dns = await dnsOf(D);
        expect(dns.type).toBe('dynadot_dns');
        expect(shownOf(dns.records), how).toEqual(expected);
        expect(dns.ttl, how).toBe(priorTtl);
      };

      await putPrior();
      const overwrite = await ok<Json>('set_dns2', { domains: [D], records: randomRecords(random), ttl: randomTtl(random), confirm: true });
      await restored(overwrite.snapshot_id, 'after set_dns2');

      await putPrior();
      const set = randomRecords(random, 4);
      const remove = random() < 0.5 ? [{ type: prior[0]?.type, ...(prior[0]?.subdomain ? { subdomain: prior[0].subdomain } : {}) }] : undefined;
      const update = await ok<Json>('update_dns_records', { domain: D, set, ...(remove ? { remove } : {}), ttl: randomTtl(random), confirm: true });
      await restored(update.snapshot_id, 'after update_dns_records');
    });
  }
});

// ---------------------------------------------------------------------------------------------

describe('through the client', () => {
  it('set_ns away from Dynadot DNS, then restore_settings: back on Dynadot DNS with its records and TTL', async () => {
    const moved = await ok<Json>('set_ns', { domains: [D], name_servers: ['ns1.cloudhost.example'], confirm: true });
    expect((await dnsOf(D)).type).toBe('name_servers');
    const result = await ok<Json>('restore_settings', { snapshot_id: moved.snapshot_id, confirm: true });
    expect(result).toMatchObject({
      done: true,
      from_snapshot: moved.snapshot_id,
      all_restored: true,
      domains: [{ domain: D, restored: true, with: 'set_dns2' }],
    });
    expect(await dnsOf(D)).toEqual(SEEDED_DNS);
  });

  it('a restore can itself be undone: its result carries a snapshot_id that puts the replaced setting back', async () => {
    const moved = await ok<Json>('set_ns', { domains: [D], name_servers: ['ns1.cloudhost.example', 'ns2.cloudhost.example'], confirm: true });
    const restore = await ok<Json>('restore_settings', { snapshot_id: moved.snapshot_id, confirm: true });
    expect(restore.snapshot_id).toMatch(ID);
    expect(restore.snapshot_id).not.toBe(moved.snapshot_id);
    expect(store.get(restore.snapshot_id)).toMatchObject({ tool: 'restore_settings', domains: { [D]: { type: 'name_servers' } } });
    const undo = await ok<Json>('restore_settings', { snapshot_id: restore.snapshot_id, confirm: true });
    expect(undo.domains).toEqual([{ domain: D, restored: true, with: 'set_ns' }]);
    expect(domain(D).nameServers).toEqual({ kind: 'nameservers', hosts: ['ns1.cloudhost.example', 'ns2.cloudhost.example'] });
  });

  it('set_parking on a Dynadot DNS domain, then restore_settings: its records are back', async () => {
    const parked = await ok<Json>('set_parking', { domains: [D, 'widget.dev'], with_ads: false, confirm: true });
    expect(domain(D).nameServers).toEqual({ kind: 'parking', withAds: false });
    const result = await ok<Json>('restore_settings', { snapshot_id: parked.snapshot_id, confirm: true });
    expect(result.domains).toEqual([
      { domain: D, restored: true, with: 'set_dns2' },
      { domain: 'widget.dev', restored: true, with: 'set_dns2' },
    ]);
    expect(await dnsOf(D)).toEqual(SEEDED_DNS);
    expect(await dnsOf('widget.dev')).toEqual({ type: 'dynadot_dns', ttl: 300, records: [{ type: 'aaaa', value: '2001:db8::1' }] });
  });

  it('parking comes back as it was (with or without ads), through set_parking', async () => {
    // acme-widgets.net is parked without ads in the seed.
    const moved = await ok<Json>('set_dns2', { domains: ['acme-widgets.net'], records: [{ type: 'a', value: '192.0.2.1' }], confirm: true });
    const result = await ok<Json>('restore_settings', { snapshot_id: moved.snapshot_id, confirm: true });
    expect(result.domains).toEqual([{ domain: 'acme-widgets.net', restored: true, with: 'set_parking' }]);
    expect(sent('set_parking').map((r) => r.params)).toEqual([{ domain: 'acme-widgets.net', with_ads: 'no' }]);
    expect(domain('acme-widgets.net').nameServers).toEqual({ kind: 'parking', withAds: false });
  });

  it('domains: only those given are put back', async () => {
    const parked = await ok<Json>('set_parking', { domains: [D, 'widget.dev'], confirm: true });
    const result = await ok<Json>('restore_settings', { snapshot_id: parked.snapshot_id, domains: ['widget.dev'], confirm: true });
    expect(result.domains).toEqual([{ domain: 'widget.dev', restored: true, with: 'set_dns2' }]);
    expect(domain(D).nameServers).toEqual({ kind: 'parking', withAds: true });
    // The restore's own snapshot holds the domains it restored, and only those.
    expect(Object.keys(store.get(result.snapshot_id)?.domains ?? {})).toEqual(['widget.dev']);
  });

  it('a restore whose every domain is already as the snapshot has it issues no id and writes nothing', async () => {
    const moved = await ok<Json>('set_ns', { domains: [D], name_servers: ['ns1.cloudhost.example'], confirm: true });
    await ok('restore_settings', { snapshot_id: moved.snapshot_id, confirm: true });
    const before = writes().length;
    const again = await ok<Json>('restore_settings', { snapshot_id: moved.snapshot_id, confirm: true });
    expect(again.preview.details.changes).toEqual({ [D]: { already_in_place: true } });
    expect(again.preview.refused_because).toEqual([expect.stringMatching(/nothing to put back/)]);
    expect(again.preview).not.toHaveProperty('confirmation_id');
    expect(writes().length).toBe(before);
  });

  it('a write api3 acknowledged without applying it: restored false, with the differences read back', async () => {
    const moved = await ok<Json>('set_dns2', { domains: [D], records: [{ type: 'a', value: '192.0.2.9' }], ttl: 600, confirm: true });
    h().simulator.injectAnswer({ command: 'set_dns2', body: { SetDnsResponse: { ResponseCode: 0, Status: 'success' } } });
    const result = await ok<Json>('restore_settings', { snapshot_id: moved.snapshot_id, confirm: true });
    expect(result.all_restored).toBe(false);
    expect(result.domains).toEqual([
      {
        domain: D,
        restored: false,
        with: 'set_dns2',
        differences: {
          records_missing: [
            { type: 'a', value: '203.0.113.10' },
            { type: 'mx', value: 'mx1.mailhost.example', priority: 10 },
            { type: 'txt', value: 'v=spf1 include:mailhost.example ~all' },
            { subdomain: 'www', type: 'cname', value: 'acme-widgets.com' },
            { subdomain: 'api', type: 'a', value: '203.0.113.20' },
          ],
          records_extra: [{ type: 'a', value: '192.0.2.9' }],
          ttl: { now: 600, snapshot: 3600 },
        },
      },
    ]);
  });

  it('a write api3 refuses: restored false with its error, the other domains still put back', async () => {
    const parked = await ok<Json>('set_parking', { domains: [D, 'widget.dev'], confirm: true });
    h().simulator.injectAnswer({ command: 'set_dns2', body: { SetDnsResponse: { ResponseCode: '-1', Status: 'error', Error: 'invalid record' } } });
    const result = await ok<Json>('restore_settings', { snapshot_id: parked.snapshot_id, confirm: true });
    expect(result.all_restored).toBe(false);
    expect(result.domains[0]).toMatchObject({ domain: D, restored: false, with: 'set_dns2', error: expect.stringMatching(/invalid record.*get_dns/) });
    expect(result.domains[1]).toEqual({ domain: 'widget.dev', restored: true, with: 'set_dns2' });
  });
});

describe('the preview', () => {
  it('per domain, what is there now and what would be put back: records as a person writes them, TTL', async () => {
    const over = await ok<Json>('set_dns2', { domains: [D], records: [{ type: 'a', value: '192.0.2.9' }, { type: 'a', subdomain: 'api', value: '203.0.113.20' }], ttl: 600, confirm: true });
    const result = await call('restore_settings', { snapshot_id: over.snapshot_id });
    const { preview } = result.structuredContent as Json;
    expect(preview.confirmation_id).toMatch(/^c1\./);
    expect(preview.details.snapshot).toMatchObject({ id: over.snapshot_id, taken_before: 'set_dns2' });
    expect(preview.details.changes).toEqual({
      [D]: {
        service: 'dynadot_dns',
        remove: [{ type: 'a', value: '192.0.2.9' }],
        put_back: [
          { type: 'a', value: '203.0.113.10' },
          { type: 'mx', value: 'mx1.mailhost.example', priority: 10 },
          { type: 'txt', value: 'v=spf1 include:mailhost.example ~all' },
          { subdomain: 'www', type: 'cname', value: 'acme-widgets.com' },
        ],
        ttl: { now: 600, snapshot: 3600 },
      },
    });
    expect(JSON.stringify(preview.details)).not.toContain('extra');
  });

  it('from name servers back to Dynadot DNS: the service now and the one put back', async () => {
    const moved = await ok<Json>('set_ns', { domains: [D], name_servers: ['ns1.cloudhost.example'], confirm: true });
    const { preview } = (await call('restore_settings', { snapshot_id: moved.snapshot_id })).structuredContent as Json;
    expect(preview.details.changes[D].now).toEqual({ service: 'name_servers', name_servers: ['ns1.cloudhost.example'] });
    expect(preview.details.changes[D].put_back).toMatchObject({ service: 'dynadot_dns', ttl: 3600, records: expect.arrayContaining([{ type: 'mx', value: 'mx1.mailhost.example', priority: 10 }]) });
  });

  const refused = async (args: Record<string, unknown>, why: RegExp) => {
    const before = snapshot(h().simulator.account);
    for (const attempt of [args, { ...args, confirm: true }, { ...args, confirm: true, confirmation_id: 'c1.123.forged.forged' }]) {
      const result = await call('restore_settings', attempt);
      expect(result.isError, textOf(result)).toBeFalsy();
      const preview = (result.structuredContent as Json).preview;
      expect(preview.refused_because, JSON.stringify(preview)).toEqual(expect.arrayContaining([expect.stringMatching(why)]));
      expect(preview).not.toHaveProperty('confirmation_id');
      expect(result.structuredContent).not.toHaveProperty('snapshot_id');
    }
    expect(writes()).toEqual([]);
    expect(snapshot(h().simulator.account)).toEqual(before);
  };

  it('an unknown snapshot id is refused: no confirmation id, nothing sent', async () => {
    await refused({ snapshot_id: 's-20200101T000000000Z-abcdef' }, /no snapshot s-20200101T000000000Z-abcdef .*list_snapshots/);
  });

  it('a domain not in the snapshot is refused, naming it and the ones it holds', async () => {
    const moved = await ok<Json>('set_ns', { domains: [D], name_servers: ['ns1.cloudhost.example'], confirm: true });
    h().simulator.requests.length = 0;
    await refused({ snapshot_id: moved.snapshot_id, domains: ['widget.dev'] }, new RegExp(`not in snapshot ${moved.snapshot_id}: widget\\.dev \\(it holds acme-widgets\\.com\\)`));
  });

  for (const [kind, setting, named] of [
    ['forwarding', { kind: 'forwarding', url: 'https://shop.example.org/', permanent: true }, /holds forwarding to https:\/\/shop\.example\.org\/, which no served tool sets yet/],
    ['stealth', { kind: 'stealth', url: 'https://shop.example.org/', title: 'Shop' }, /holds stealth forwarding to https:\/\/shop\.example\.org\/, which no served tool sets yet/],
    ['hosting', { kind: 'hosting', hostingType: 'basic', mobileView: false }, /holds dynadot hosting, which no served tool sets yet/],
  ] as const) {
    it(`a ${kind} snapshot is refused as not restorable yet, naming it; the other domains can still be restored`, async () => {
      (h().simulator.account.domains.get('widgetlab.io') as { nameServers: unknown }).nameServers = setting;
      const over = await ok<Json>('set_dns2', { domains: ['widgetlab.io', 'widget.dev'], records: [{ type: 'a', value: '192.0.2.1' }], confirm: true });
      h().simulator.requests.length = 0;
      await refused({ snapshot_id: over.snapshot_id }, new RegExp(`^widgetlab\\.io: its snapshot ${named.source}`));
      await refused({ snapshot_id: over.snapshot_id }, /^the others can be put back on their own: call again with domains: widget\.dev$/);
      const result = await ok<Json>('restore_settings', { snapshot_id: over.snapshot_id, domains: ['widget.dev'], confirm: true });
      expect(result.domains).toEqual([{ domain: 'widget.dev', restored: true, with: 'set_dns2' }]);
    });
  }

  it('name servers no longer registered in the account are refused before anything is sent', async () => {
    const over = await ok<Json>('set_parking', { domains: ['widgetlab.io'], confirm: true });
    h().simulator.account.servers.delete(1);
    h().simulator.requests.length = 0;
    await refused({ snapshot_id: over.snapshot_id }, /no longer registered in this account: ns2\.cloudhost\.example/);
  });
});

describe('exact snapshots (issue 15)', () => {
  // What only looks like a credential is the user's data: saved and put back byte for byte.
  const TXT = 'verify=https://verify.example.com/check?key=Zx81Q';
  const URL_TXT = 'cb=https://hooks.example.net/in?id=7&token=tK9-x_2&Bearer abc.def';

  it('a TXT with ?key= and a URL with &token= are saved as they are and restored byte for byte', async () => {
    domain(D).nameServers = { kind: 'dns', ttl: 600, main: [{ type: 'txt', value: TXT }], sub: [{ subhost: 'hook', type: 'txt', value: URL_TXT }] };
    const before = structuredClone(domain(D).nameServers);
    // A tool result carries the user's value as it is, too.
    expect((await dnsOf(D)).records).toEqual([
      { type: 'txt', value: TXT },
      { subdomain: 'hook', type: 'txt', value: URL_TXT },
    ]);
    const moved = await ok<Json>('set_ns', { domains: [D], name_servers: ['ns1.cloudhost.example'], confirm: true });
    const saved = readFileSync(join(dir, 'snapshots', `${moved.snapshot_id}.json`), 'utf8');
    expect(saved).toContain(JSON.stringify(TXT));
    expect(saved).toContain(JSON.stringify(URL_TXT));
    const result = await ok<Json>('restore_settings', { snapshot_id: moved.snapshot_id, confirm: true });
    expect(result.all_restored).toBe(true);
    expect(domain(D).nameServers).toEqual(before);
    const written = sent('set_dns2').at(-1)?.params ?? {};
    expect(Object.values(written)).toEqual(expect.arrayContaining([TXT, URL_TXT]));
  });

  it('a record holding the literal API key is masked in the snapshot, and its restore is refused, saying why', async () => {
    domain(D).nameServers = { kind: 'dns', ttl: 600, main: [{ type: 'txt', value: `k=${KEY}` }, { type: 'a', value: '192.0.2.1' }], sub: [] };
    // Neither the tool result nor the snapshot shows the key.
    const shown = await call('get_dns', { domain: D });
    expect(JSON.stringify(shown)).not.toContain(KEY);
    const moved = await ok<Json>('set_ns', { domains: [D, 'widget.dev'], name_servers: ['ns1.cloudhost.example'], confirm: true });
    expect(readFileSync(join(dir, 'snapshots', `${moved.snapshot_id}.json`), 'utf8')).not.toContain(KEY);
    const written = writes().length;
    const { preview } = await ok<Json>('restore_settings', { snapshot_id: moved.snapshot_id, confirm: true });
    expect(preview.refused_because).toEqual([
      expect.stringMatching(new RegExp(`^${D}: the TXT record of @ held this server's API key or a configured secret, masked in the snapshot`)),
      'the others can be put back on their own: call again with domains: widget.dev',
    ]);
    expect(preview).not.toHaveProperty('confirmation_id');
    expect(writes().length).toBe(written);
    expect(JSON.stringify(preview)).not.toContain(KEY);
  });
});

describe('the state store', () => {
  it('a snapshot file never holds the API key and is mode 0600, in a 0700 folder', async () => {
    // The key even stands in a TXT record the agent wrote: masked in the snapshot all the same.
    await ok('set_dns2', { domains: [D], records: [{ type: 'txt', value: `leaked ${KEY}` }], confirm: true });
    const result = await ok<Json>('set_dns2', { domains: [D], records: [{ type: 'txt', subdomain: 'k', value: `again ${KEY}` }], confirm: true });
    const file = join(dir, 'snapshots', `${result.snapshot_id}.json`);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(TEST_KEY);
    expect(JSON.parse(text)).toMatchObject({ id: result.snapshot_id, tool: 'set_dns2', domains: { [D]: { type: 'dynadot_dns' } } });
    for (const name of readdirSync(join(dir, 'snapshots'))) expect(readFileSync(join(dir, 'snapshots', name), 'utf8')).not.toContain(KEY);
    if (process.platform !== 'win32') {
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(join(dir, 'snapshots')).mode & 0o777).toBe(0o700);
    }
  });

  describe('a store that cannot be written', () => {
    const base = mkdtempSync(join(tmpdir(), 'dynadot-unwritable-'));
    const file = join(base, 'a-file');
    writeFileSync(file, 'not a folder');
    let broken: Harness;
    beforeAll(async () => {
      // mkdir under a regular file fails (ENOTDIR), whoever runs the test.
      broken = await startHarness({ store: new StateStore(join(file, 'state'), false) });
    });
    afterAll(async () => {
      await broken?.close();
      rmSync(base, { recursive: true, force: true });
    });

    it('refuses the change: an error saying why, no set_dns2 reached api3, the account unchanged', async () => {
      const before = snapshot(broken.simulator.account);
      const result = await broken.call('set_dns2', { domains: [D], records: [{ type: 'a', value: '192.0.2.1' }], confirm: true });
      const error = errorOf(result);
      expect(error.error).toBe('api_error');
      expect(error.message).toMatch(/could not save the snapshot.*nothing was sent/);
      expect(error.hint).toMatch(/DYNADOT_STATE_DIR/);
      expect(broken.simulator.requests.filter((r) => r.command === 'set_dns2')).toEqual([]);
      expect(snapshot(broken.simulator.account)).toEqual(before);
    });
  });

  describe('without a state folder', () => {
    let bare: Harness;
    beforeAll(async () => {
      bare = await startHarness();
    });
    afterAll(async () => bare?.close());

    it('restore_settings says the server keeps no state, naming DYNADOT_STATE_DIR, and sends nothing', async () => {
      const error = errorOf(await bare.call('restore_settings', { snapshot_id: 's-20200101T000000000Z-abcdef', confirm: true }));
      expect(error.hint).toMatch(/this server keeps no state: DYNADOT_STATE_DIR/);
      expect(bare.simulator.requests).toEqual([]);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Safety: snapshots saved as the server saves them, so the gate's cases have ids to work with.

const GATE_SETTING = { type: 'dynadot_dns', ttl: 600, records: [{ type: 'a', value: '192.0.2.50' }, { subdomain: 'www', type: 'cname', value: 'acme-widgets.com' }] };
const gateId = store.save('set_dns2', { domains: [D] }, { [D]: GATE_SETTING }).id;
const otherId = store.save('set_dns2', { domains: [D] }, { [D]: { ...GATE_SETTING, ttl: 900 } }).id;

describe('safety', () => {
  pinEffect(restoreSettings, 'destructive');
  confirmGateCases(restoreSettings, { snapshot_id: gateId }, ['list_domain', 'get_dns'], {
    otherArgs: { snapshot_id: otherId },
    changeFacts: {
      what: 'a record added to the domain, which the restore would remove',
      change(account: SimAccount) {
        const dns = account.domains.get(D)?.nameServers;
        if (dns?.kind !== 'dns') throw new Error('seed changed');
        dns.main.push({ type: 'txt', value: 'added after the preview' });
      },
    },
    writes: ['set_dns2', 'set_ns', 'set_parking'],
  });

  it('restore_settings of the gate snapshot puts exactly its setting in place', async () => {
    await ok('restore_settings', { snapshot_id: gateId, confirm: true });
    expect(await dnsOf(D)).toEqual(GATE_SETTING);
  });

  badInputSweep(restoreSettings, { snapshot_id: gateId, domains: [D], confirm: true });
});

describe('snapshots of an earlier version', () => {
  it("a snapshot that kept api3's second value as `extra` (MX distance) is put back with its priority", async () => {
    const saved = store.save('set_dns2', { domains: [D] }, {
      [D]: { type: 'dynadot_dns', ttl: 3600, records: [{ type: 'a', value: '203.0.113.10' }, { type: 'mx', value: 'mx9.mailhost.example', extra: '25' }] },
    });
    await ok('restore_settings', { snapshot_id: saved.id, confirm: true });
    expect((await dnsOf(D)).records).toEqual([
      { type: 'a', value: '203.0.113.10' },
      { type: 'mx', value: 'mx9.mailhost.example', priority: 25 },
    ]);
  });
});
