import { describe, expect, it } from 'vitest';
import domainInfo from '../../../tools/domains/domain_info.js';
import { textOf } from '../../helpers/harness.js';
import { badInputSweep, condenseExample, exampleQueryCase, iso, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, fail, call, domain, h } = useHarness();

describe('toApi', () => {
  exampleQueryCase(domainInfo, { domain: 'domain1.com' });

  it('domain_info: a value that would smuggle extra query parameters is refused', () => {
    expect(() => domainInfo.input.parse({ domain: 'a.com&command=delete' })).toThrow();
  });
});

describe('condense', () => {
  it('domain_info: expires 2013-02-21T07:09:49Z, locked, for sale, folder absent because -1', () => {
    const { domain: info } = condenseExample(domainInfo, { domain: 'domain1.com' });
    expect(info).toEqual({
      name: 'domain1.com',
      expires: '2013-02-21T07:09:49Z',
      registered: '2009-02-13T23:31:30Z',
      locked: true,
      privacy: 'off',
      renew_option: 'reset',
      for_sale: true,
      name_servers: { type: 'dynadot_parking', with_ads: true },
      contacts: { registrant: 0, admin: 0, technical: 0, billing: 0 },
    });
    expect(info).not.toHaveProperty('folder');
    expect(info).not.toHaveProperty('note');
    expect(info).not.toHaveProperty('disabled');
    expect(info).not.toHaveProperty('udrp_locked');
  });
});

describe('simulator', () => {
  // acme-widgets.net is on Dynadot Parking, like the example's domain1.com.
  simulatorShapeCase(domainInfo, (q) => ({ ...q, domain: 'acme-widgets.net' }));
});

describe('through the client', () => {
  it('domain_info: the details of one domain', async () => {
    const { domain: info } = await ok('domain_info', { domain: 'acme-widgets.com' });
    const sim = domain('acme-widgets.com');
    expect(info).toMatchObject({
      name: 'acme-widgets.com',
      expires: iso(sim.expiration),
      registered: iso(sim.registration),
      locked: true,
      privacy: 'full',
      renew_option: 'auto',
      for_sale: false,
      note: 'main brand',
      contacts: { registrant: 0, admin: 0, technical: 0, billing: 0 },
    });
    expect(info.name_servers.type).toBe('dynadot_dns');
    expect(info.name_servers.records).toHaveLength(5);
    expect(info).not.toHaveProperty('folder');
  });

  it('domain_info: an unknown domain is not_found', async () => {
    expect((await fail('domain_info', { domain: 'not-mine.com' })).error).toBe('not_found');
  });
});

describe('safety', () => {
  pinEffect(domainInfo, 'read');
  badInputSweep(
    domainInfo,
    { domain: 'acme-widgets.com' },
    {
      mustTry: [
        /^domain_info domain: invalid domain "bad domain"$/,
        /^domain_info domain: invalid domain "-x\.com"$/,
        /^domain_info domain: invalid domain "a\.\.com"$/,
      ],
    },
  );

  it('unknown argument names (command, key, domain0) never become parameters: refused by name, nothing sent', async () => {
    const result = await call('domain_info', { domain: 'acme-widgets.com', command: 'delete', key: 'other', domain0: 'x.com' });
    expect(result.isError, textOf(result)).toBe(true);
    const message = JSON.parse(textOf(result)).message;
    for (const name of ['command', 'key', 'domain0']) expect(message).toMatch(new RegExp(`unknown argument ${name}\\b`));
    expect(message).toMatch(/domain0 \(did you mean domain\?\)/);
    expect(h().simulator.requests).toEqual([]);
  });
});

describe('real answers (beyond the document)', () => {
  it('domain_info: name servers as a Host0.. map read the same as a list of objects', () => {
    const body = (nameServers: unknown) => ({
      ResponseCode: 0,
      Status: 'success',
      DomainInfo: { Name: 'a.com', NameServerSettings: { Type: 'Name Servers', NameServers: nameServers } },
    });
    const args = domainInfo.input.parse({ domain: 'a.com' });
    const asObjects = domainInfo.condense(body([{ ServerId: '5262350', ServerName: 'ns1.example.net' }, { ServerId: '', ServerName: 'ns2.example.net' }]), args);
    const asMap = domainInfo.condense(body({ Host0: 'ns1.example.net', Host1: 'ns2.example.net' }), args);
    expect(asObjects.domain.name_servers).toEqual({ type: 'name_servers', name_servers: ['ns1.example.net', 'ns2.example.net'] });
    expect(asMap).toEqual(asObjects);
  });
});
