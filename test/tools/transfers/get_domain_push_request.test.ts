import { describe, expect, it } from 'vitest';
import getDomainPushRequest from '../../../tools/transfers/get_domain_push_request.js';
import { RECEIVER_PUSH_USERNAME } from '../../../src/simulator/state.js';
import { badInputSweep, condenseExample, exampleQueryCase, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok, account } = useHarness();

describe('toApi', () => {
  exampleQueryCase(getDomainPushRequest, {});
});

describe('condense', () => {
  it('get_domain_push_request: the bracketed list of the document as names', () => {
    expect(condenseExample(getDomainPushRequest)).toEqual({ domains: ['haha.com', 'haha1.com'] });
  });

  it('get_domain_push_request: no push is an empty list; the XML-style PushDomain objects read too', () => {
    const condense = (body: Record<string, unknown>) => getDomainPushRequest.condense({ ResponseCode: 0, Status: 'success', ...body }, {});
    expect(condense({ pushDomainName: '[]' })).toEqual({ domains: [] });
    expect(condense({})).toEqual({ domains: [] });
    expect(condense({ PushDomain: [{ PushDomainName: 'A.com' }, { PushDomainName: 'b.com' }] })).toEqual({ domains: ['a.com', 'b.com'] });
    expect(condense({ pushDomainName: ['x.com'] })).toEqual({ domains: ['x.com'] });
  });
});

describe('simulator', () => {
  simulatorShapeCase(getDomainPushRequest);
});

describe('through the client', () => {
  it('get_domain_push_request: the domain the receiver account offers this one', async () => {
    expect(await ok('get_domain_push_request')).toEqual({ domains: ['alice-gift.net'] });
  });

  it('get_domain_push_request: a push declined is no longer listed', async () => {
    const offer = account().peers.get(RECEIVER_PUSH_USERNAME)?.pushes[0]?.items[0];
    if (offer) offer.status = 'declined';
    expect(await ok('get_domain_push_request')).toEqual({ domains: [] });
  });
});

describe('safety', () => {
  pinEffect(getDomainPushRequest, 'read');
  badInputSweep(getDomainPushRequest, {});
});
