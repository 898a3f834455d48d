import { describe, expect, it } from 'vitest';
import getNs from '../../../tools/nameservers/get_ns.js';
import { badInputSweep, condenseExample, exampleQueryCase, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok } = useHarness();

describe('toApi', () => {
  exampleQueryCase(getNs, { domain: 'mydomain.com' });
});

describe('condense', () => {
  it('get_ns: Host0, Host1 -> a list', () => {
    expect(condenseExample(getNs, { domain: 'mydomain.com' })).toEqual({
      domain: 'mydomain.com',
      name_servers: ['ns1.mydomain.com', 'ns2.mydomain.com'],
    });
  });
});

describe('simulator', () => {
  simulatorShapeCase(getNs, (q) => ({ ...q, domain: 'widgetlab.io' }));
});

describe('through the client', () => {
  it('get_ns: the hosts of a domain', async () => {
    expect(await ok('get_ns', { domain: 'widgetlab.io' })).toEqual({
      domain: 'widgetlab.io',
      name_servers: ['ns1.cloudhost.example', 'ns2.cloudhost.example'],
    });
  });
});

describe('safety', () => {
  pinEffect(getNs, 'read');
  badInputSweep(getNs, { domain: 'acme-widgets.com' });
});

describe('real answers (beyond the document)', () => {
  it('get_ns: name servers as {ServerId, ServerName} objects read the same as Host0..', () => {
    const body = { ResponseCode: 0, Status: 'success', NsContent: [{ ServerId: '5262350', ServerName: 'ns1.example.net' }, { ServerId: '5262351', ServerName: 'ns2.example.net' }] };
    expect(getNs.condense(body, getNs.input.parse({ domain: 'a.com' }))).toEqual({ domain: 'a.com', name_servers: ['ns1.example.net', 'ns2.example.net'] });
  });
});
