import { describe, expect, it } from 'vitest';
import serverList from '../../../tools/nameservers/server_list.js';
import { badInputSweep, condenseExample, exampleQueryCase, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok } = useHarness();

describe('toApi', () => {
  exampleQueryCase(serverList, {});
});

describe('condense', () => {
  it('server_list: ids, names and glue IPs', () => {
    expect(condenseExample(serverList)).toEqual({
      items: [
        { id: 0, name: 'ns1.com' },
        { id: 1, name: 'domain1.com', ips: ['192.168.1.1', '1.1.1.1'] },
      ],
    });
  });
});

describe('simulator', () => {
  simulatorShapeCase(serverList);
});

describe('through the client', () => {
  it('server_list: the registered hosts with glue IPs', async () => {
    expect(await ok('server_list')).toEqual({
      items: [
        { id: 0, name: 'ns1.cloudhost.example' },
        { id: 1, name: 'ns2.cloudhost.example' },
        { id: 2, name: 'ns1.acme-widgets.com', ips: ['203.0.113.53'] },
      ],
    });
  });
});

describe('safety', () => {
  pinEffect(serverList, 'read');
  badInputSweep(serverList, {});
});
