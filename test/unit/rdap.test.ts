import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { refreshBootstrap, SHIPPED_BOOTSTRAP } from '../../src/docs/rdap-bootstrap.js';
import { parseBootstrap, RdapBootstrap, shippedBootstrap } from '../../src/rdap/bootstrap.js';
import { createRdap, type RdapClient } from '../../src/rdap/client.js';
import { mayComeFree, parseRegistration } from '../../src/rdap/parse.js';
import { maxOverlap, type RdapDouble, type RdapDoubleOptions, startRdapDouble, writeBootstrapFile } from '../helpers/rdap-double.js';

/**
 * Public registration data over RDAP: the answer parsed into what tells when a taken name may
 * come free, the bootstrap that finds each TLD's service, and the client against local doubles
 * of registry services (found, missing, failing, hanging, cancelled, and how many at once).
 */

const NOW = new Date('2026-12-03T12:00:00Z');

/** Shaped like Verisign's answer for a .com name (trimmed: notices, links and nameservers cut). */
function verisignAnswer(name: string, overrides: { status?: string[]; expiration?: string } = {}): object {
  return {
    objectClassName: 'domain',
    handle: '2138514_DOMAIN_COM-VRSN',
    ldhName: name.toUpperCase(),
    links: [
      {
        value: `https://rdap.verisign.com/com/v1/domain/${name}`,
        rel: 'related',
        href: `https://rdap.markmonitor.com/rdap/domain/${name}`,
        type: 'application/rdap+json',
      },
    ],
    status: overrides.status ?? ['client delete prohibited', 'client transfer prohibited', 'client update prohibited', 'server delete prohibited'],
    entities: [
      {
        objectClassName: 'entity',
        handle: '292',
        roles: ['registrar'],
        publicIds: [{ type: 'IANA Registrar ID', identifier: '292' }],
        vcardArray: [
          'vcard',
          [
            ['version', {}, 'text', '4.0'],
            ['fn', {}, 'text', 'MarkMonitor Inc.'],
          ],
        ],
        entities: [
          {
            objectClassName: 'entity',
            roles: ['abuse'],
            vcardArray: [
              'vcard',
              [
                ['version', {}, 'text', '4.0'],
                ['fn', {}, 'text', ''],
                ['tel', { type: 'voice' }, 'uri', 'tel:+1.2086851750'],
              ],
            ],
          },
        ],
      },
    ],
    events: [
      { eventAction: 'registration', eventDate: '1997-09-15T04:00:00Z' },
      { eventAction: 'expiration', eventDate: overrides.expiration ?? '2028-09-14T04:00:00Z' },
      { eventAction: 'last update of RDAP database', eventDate: '2026-12-03T11:52:41Z' },
    ],
    secureDNS: { delegationSigned: false },
    nameservers: [{ objectClassName: 'nameserver', ldhName: 'NS1.GOOGLE.COM' }],
  };
}

describe('parseRegistration', () => {
  it("reads a Verisign-style answer: the registrar's vcard name, the dates to the second in UTC, the statuses as given", () => {
    expect(parseRegistration(verisignAnswer('google.com'), NOW)).toEqual({
      registrar: 'MarkMonitor Inc.',
      created: '1997-09-15T04:00:00Z',
      expires: '2028-09-14T04:00:00Z',
      statuses: ['client delete prohibited', 'client transfer prohibited', 'client update prohibited', 'server delete prohibited'],
    });
  });

  it('normalises dates with offsets and fractions, finds a registrar nested in another entity, falls back to its handle', () => {
    const answer = {
      events: [
        { eventAction: 'registration', eventDate: '2013-02-21T09:09:49.123+02:00' },
        { eventAction: 'expiration', eventDate: 'not a date' },
      ],
      entities: [{ roles: ['registrant'], entities: [{ roles: ['Registrar'], handle: 'REG-77' }] }],
    };
    expect(parseRegistration(answer, NOW)).toEqual({ registrar: 'REG-77', created: '2013-02-21T07:09:49Z', statuses: [] });
  });

  it('takes publicIds when a registrar has neither a name nor a handle, and survives answers of the wrong shape', () => {
    expect(parseRegistration({ entities: [{ roles: ['registrar'], publicIds: [{ type: 'IANA Registrar ID', identifier: '1068' }] }] }, NOW).registrar).toBe(
      '1068',
    );
    expect(parseRegistration({ status: 'active', events: {}, entities: [null, 7] }, NOW)).toEqual({ statuses: [] });
  });

  it('pending delete: released within about 5 days', () => {
    const record = parseRegistration(verisignAnswer('gone.com', { status: ['pending delete', 'redemption period'] }), NOW);
    expect(record.may_free).toBe('released within about 5 days (pending delete)');
  });

  it('redemption period: the owner can still restore it, then pending delete', () => {
    const record = parseRegistration(verisignAnswer('lapsed.com', { status: ['redemption period'], expiration: '2026-10-01T00:00:00Z' }), NOW);
    expect(record.may_free).toBe('the owner can still restore it for up to 30 days; then pending delete about 5 days');
  });

  it('an expiry date in the past without those statuses: the grace period', () => {
    const record = parseRegistration(verisignAnswer('late.com', { status: ['client transfer prohibited'], expiration: '2026-11-20T04:00:00Z' }), NOW);
    expect(record.may_free).toBe("expired 2026-11-20: may come free if not renewed in the registry's grace period (often up to 45 days)");
  });

  it('says nothing when neither the statuses nor the dates tell (EPP spellings count as the same statuses)', () => {
    expect(mayComeFree(['active'], '2027-01-01T00:00:00Z', NOW)).toBeUndefined();
    expect(mayComeFree([], undefined, NOW)).toBeUndefined();
    expect(mayComeFree(['pendingDelete'], undefined, NOW)).toBe('released within about 5 days (pending delete)');
  });
});

describe('bootstrap', () => {
  const bootstrap = new RdapBootstrap(
    parseBootstrap({
      version: '1.0',
      publication: '2026-01-01T00:00:00Z',
      services: [
        [
          ['com', 'NET'],
          ['http://rdap.verisign.com/com/v1/', 'https://rdap.verisign.com/com/v1/'],
        ],
        [['uk'], ['https://rdap.nominet.uk/uk']],
        [['co.uk'], ['https://rdap.example-couk.test/']],
      ],
    }),
  );

  it('finds the longest suffix the file knows, label by label, preferring https and ending the base in "/"', () => {
    expect(bootstrap.serviceFor('example.com')).toBe('https://rdap.verisign.com/com/v1/');
    expect(bootstrap.serviceFor('example.net')).toBe('https://rdap.verisign.com/com/v1/');
    expect(bootstrap.serviceFor('shop.co.uk')).toBe('https://rdap.example-couk.test/');
    expect(bootstrap.serviceFor('shop.org.uk')).toBe('https://rdap.nominet.uk/uk/');
    expect(bootstrap.serviceFor('example.xyz')).toBeUndefined();
  });

  it('refuses a file of the wrong shape with a reason', () => {
    expect(() => parseBootstrap({ version: '1.0', publication: 'x', services: [[['com'], 'https://x/']] })).toThrow('service 0');
    expect(() => parseBootstrap([])).toThrow('not a JSON object');
  });

  it('skips a service URL that does not parse, so no lookup can trip on it', () => {
    const odd = new RdapBootstrap(
      parseBootstrap({
        version: '1.0',
        publication: 'x',
        services: [
          [['bad'], ['https://']],
          [['ok'], ['https://rdap.ok.test']],
        ],
      }),
    );
    expect(odd.serviceFor('name.bad')).toBeUndefined();
    expect(odd.serviceFor('name.ok')).toBe('https://rdap.ok.test/');
  });

  it("the shipped copy is IANA's file and knows com", async () => {
    const shipped = await shippedBootstrap();
    expect(shipped.file.description).toBe('RDAP bootstrap file for Domain Name System registrations');
    expect(shipped.publication).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(shipped.size).toBeGreaterThan(1000);
    expect(shipped.serviceFor('example.com')).toBe('https://rdap.verisign.com/com/v1/');
  });
});

describe('createRdap', () => {
  const doubles: RdapDouble[] = [];
  const clients: RdapClient[] = [];
  const folders: string[] = [];
  afterEach(async () => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await Promise.all(doubles.splice(0).map((double) => double.close()));
  });
  const double = async (options: RdapDoubleOptions): Promise<RdapDouble> => {
    const started = await startRdapDouble(options);
    doubles.push(started);
    return started;
  };
  const bootstrapFile = (services: Parameters<typeof writeBootstrapFile>[0]): string => {
    const file = writeBootstrapFile(services);
    folders.push(dirname(file));
    return file;
  };
  const client = (options: Parameters<typeof createRdap>[0]): RdapClient => {
    const created = createRdap({ now: () => NOW, ...options });
    clients.push(created);
    return created;
  };

  it('answers found, 404, HTTP 500 and no service, one entry per name, reading the bootstrap path it is given', async () => {
    const registry = await double({ records: { 'taken.com': verisignAnswer('taken.com') }, failWith: { 'broken.com': 500 } });
    const rdap = client({ bootstrap: registry.bootstrapFile(['com']), timeoutMs: 2000 });
    const finished: string[] = [];
    const answers = await rdap.lookup(['taken.com', 'missing.com', 'broken.com', 'name.zz'], { onEach: (domain) => finished.push(domain) });
    expect(Object.fromEntries(answers)).toEqual({
      'taken.com': { found: expect.objectContaining({ registrar: 'MarkMonitor Inc.', expires: '2028-09-14T04:00:00Z' }) },
      'missing.com': { unavailable: 'not found at the registry (404)' },
      'broken.com': { unavailable: `HTTP 500 from ${new URL(registry.url).host}` },
      'name.zz': { unavailable: 'no RDAP service for .zz' },
    });
    expect(finished.sort()).toEqual(['broken.com', 'missing.com', 'name.zz', 'taken.com']);
    expect(registry.requests.sort()).toEqual(['broken.com', 'missing.com', 'taken.com']);
  });

  it('a server that never answers times out that name alone', async () => {
    const slow = await double({ records: {}, hang: ['stuck.com'] });
    const fast = await double({ records: { 'quick.net': verisignAnswer('quick.net') } });
    const file = bootstrapFile([
      [['com'], slow.url],
      [['net'], fast.url],
    ]);
    const rdap = client({ bootstrap: file, timeoutMs: 300 });
    const started = performance.now();
    const answers = await rdap.lookup(['stuck.com', 'quick.net']);
    expect(answers.get('stuck.com')).toEqual({ unavailable: 'timed out after 0.3 s' });
    expect(answers.get('quick.net')).toEqual({ found: expect.objectContaining({ registrar: 'MarkMonitor Inc.' }) });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('asks for an internationalised name by its A-label, and answers it under the name it was asked by', async () => {
    const registry = await double({ records: { 'xn--mnchen-3ya.com': verisignAnswer('xn--mnchen-3ya.com') } });
    const rdap = client({ bootstrap: registry.bootstrapFile(['com']) });
    const answers = await rdap.lookup(['münchen.com']);
    expect(answers.get('münchen.com')).toEqual({ found: expect.objectContaining({ registrar: 'MarkMonitor Inc.' }) });
    expect(registry.requests).toEqual(['xn--mnchen-3ya.com']);
  });

  it('an abort answers the lookups in flight and those not begun "cancelled" at once, and the latter are never sent', async () => {
    const names = ['a.com', 'b.com', 'c.com', 'd.com', 'e.com'];
    const registry = await double({ records: {}, hang: names });
    const rdap = client({ bootstrap: registry.bootstrapFile(['com']), timeoutMs: 5000 });
    const controller = new AbortController();
    const pending = rdap.lookup(names, { signal: controller.signal });
    await expect.poll(() => registry.requests.length).toBe(2);
    const abortedAt = performance.now();
    controller.abort();
    const answers = await pending;
    expect(performance.now() - abortedAt).toBeLessThan(500);
    expect([...answers.values()]).toEqual(names.map(() => ({ unavailable: 'cancelled' })));
    expect(registry.requests).toEqual(['a.com', 'b.com']);
  });

  it('never has more than two lookups at one server, nor more than the limit in all', async () => {
    const names = (tld: string) => Array.from({ length: 6 }, (_, index) => `n${index}.${tld}`);
    const servers = await Promise.all(
      ['com', 'net', 'org'].map((tld) => double({ records: Object.fromEntries(names(tld).map((name) => [name, verisignAnswer(name)])), delayMs: 80 })),
    );
    const file = bootstrapFile(servers.map((server, index) => [[['com', 'net', 'org'][index] ?? ''], server.url]));
    const rdap = client({ bootstrap: file, concurrency: 3 });
    const answers = await rdap.lookup(['com', 'net', 'org'].flatMap(names));
    expect([...answers.values()].every((answer) => 'found' in answer)).toBe(true);
    for (const server of servers) expect(server.maxInFlight).toBeLessThanOrEqual(2);
    expect(servers.some((server) => server.maxInFlight === 2)).toBe(true);
    expect(maxOverlap(servers.flatMap((server) => server.spans))).toBe(3);
  });

  it('two lookups at once share the limits: still two at most at one server', async () => {
    const names = Array.from({ length: 8 }, (_, index) => `s${index}.com`);
    const registry = await double({ records: Object.fromEntries(names.map((name) => [name, verisignAnswer(name)])), delayMs: 60 });
    const rdap = client({ bootstrap: registry.bootstrapFile(['com']) });
    const [first, second] = await Promise.all([rdap.lookup(names.slice(0, 4)), rdap.lookup(names.slice(4))]);
    expect([...(first ?? []).values(), ...(second ?? []).values()].filter((answer) => 'found' in answer)).toHaveLength(8);
    expect(registry.maxInFlight).toBe(2);
  });

  it('follows at most two redirects, and reads no answer over 256 KB', async () => {
    const registry = await double({
      records: { 'moved.com': verisignAnswer('moved.com'), 'huge.com': { ...verisignAnswer('huge.com'), remarks: [{ description: ['x'.repeat(300_000)] }] } },
      redirect: { 'old.com': 'moved.com', 'r1.com': 'r2.com', 'r2.com': 'r3.com', 'r3.com': 'moved.com' },
    });
    const rdap = client({ bootstrap: registry.bootstrapFile(['com']) });
    const answers = await rdap.lookup(['old.com', 'r1.com', 'huge.com']);
    expect(answers.get('old.com')).toEqual({ found: expect.objectContaining({ registrar: 'MarkMonitor Inc.' }) });
    expect(answers.get('r1.com')).toEqual({ unavailable: `more than 2 redirects from ${new URL(registry.url).host}` });
    expect(answers.get('huge.com')).toEqual({ unavailable: 'unreadable answer (over 256 KB)' });
  });

  it('reads a bootstrap given as an http URL, once, on the first lookup', async () => {
    const registry = await double({ records: { 'taken.org': verisignAnswer('taken.org') }, servesBootstrapFor: ['org'] });
    const rdap = client({ bootstrap: `${registry.url}dns.json` });
    expect((await rdap.lookup(['taken.org'])).get('taken.org')).toEqual({ found: expect.objectContaining({ created: '1997-09-15T04:00:00Z' }) });
    expect((await rdap.lookup(['missing.org'])).get('missing.org')).toEqual({ unavailable: 'not found at the registry (404)' });
    expect(registry.requests).toEqual(['taken.org', 'missing.org']);
  });

  it('npm run rdap-bootstrap writes the checked file where the package ships it, and refuses one without .com', async () => {
    const registry = await double({ records: {}, servesBootstrapFor: ['com', 'net'] });
    const root = mkdtempSync(join(tmpdir(), 'rdap-refresh-'));
    folders.push(root);
    mkdirSync(join(root, 'src', 'rdap'), { recursive: true });
    const refreshed = await refreshBootstrap(root, `${registry.url}dns.json`);
    expect(refreshed.serviceFor('example.net')).toBe(registry.url);
    expect(parseBootstrap(JSON.parse(readFileSync(join(root, SHIPPED_BOOTSTRAP), 'utf8'))).services).toEqual([[['com', 'net'], [registry.url]]]);
    const orgOnly = await double({ records: {}, servesBootstrapFor: ['org'] });
    await expect(refreshBootstrap(root, `${orgOnly.url}dns.json`)).rejects.toThrow('names no service for .com');
  });

  it('a bootstrap that cannot be read makes every name unavailable with the reason', async () => {
    const rdap = client({ bootstrap: '/nonexistent/rdap-dns.json' });
    const answers = await rdap.lookup(['example.com']);
    expect(answers.get('example.com')).toEqual({ unavailable: expect.stringMatching(/^bootstrap unavailable: .*ENOENT/) });
  });
});
