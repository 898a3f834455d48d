import { describe, expect, it } from 'vitest';
import { Api3Pending, parseApi3Response } from '../../src/api3/envelope.js';
import { Api3Error, TRANSIENT_CODES } from '../../src/api3/errors.js';

/**
 * What real api3 sends beyond the document's examples (issue 8): success is decided on the code
 * and the status together, refusals can be a bare status, accepted-but-unfinished orders are
 * their own outcome, outages come in several wordings.
 */
function failure(body: unknown): Api3Error {
  try {
    parseApi3Response(JSON.stringify(body));
  } catch (error) {
    if (error instanceof Api3Error) return error;
    throw error;
  }
  throw new Error(`expected a failure for ${JSON.stringify(body)}`);
}

describe('success needs a success code and a success status (or none)', () => {
  it('code 0 with success, order created, price_check_success, or no status at all', () => {
    for (const status of ['success', 'Success', 'order created', 'price_check_success', undefined]) {
      const body = { RegisterResponse: { ResponseCode: 0, ...(status ? { Status: status } : {}) } };
      expect(parseApi3Response(JSON.stringify(body)).root).toBe('RegisterResponse');
    }
    expect(parseApi3Response(JSON.stringify({ Response: { ResponseCode: '0', ResponseMsg: 'no' } })).root).toBe('Response');
  });

  it('a refusal by status alone, with no error text, is an error, even with code 0', () => {
    const refused = failure({ RegisterResponse: { ResponseCode: '1', Status: 'not_available' } });
    expect(refused.code).toBe('api_error');
    expect(refused.message).toMatch(/not available/);
    expect(failure({ RegisterResponse: { ResponseCode: 0, Status: 'not_available' } }).message).toMatch(/not_available/);
    const late = failure({ DeleteResponse: { ResponseCode: 1, Status: 'grace_expired' } });
    expect(late.message).toMatch(/grace period/);
    expect(late.hint).toMatch(/refund/);
  });

  it('bare statuses map to their stable codes', () => {
    expect(failure({ RenewResponse: { ResponseCode: '1', Status: 'insufficient_funds' } }).code).toBe('insufficient_funds');
    expect(failure({ SearchResponse: { ResponseCode: 5, Status: 'system_busy' } }).code).toBe('busy');
    expect(failure({ SearchResponse: { ResponseCode: '1', Status: 'over_quota' } }).code).toBe('rate_limited');
  });

  it('an unknown status with no text says what it saw and is not assumed done', () => {
    const odd = failure({ RegisterResponse: { ResponseCode: '0', Status: 'queued_for_review_x' } });
    expect(odd.code).toBe('api_error');
    expect(odd.message).toMatch(/code 0, status queued_for_review_x/);
  });

  it('codes as the number 0 or the string "-1", on the generic root', () => {
    expect(failure({ Response: { ResponseCode: '-1', Error: 'invalid key' } }).code).toBe('permission_denied');
    expect(failure({ Response: { ResponseCode: -1, Error: 'Too many requests. Please try again in 1 minute after.' } }).code).toBe('rate_limited');
  });
});

describe('accepted, not finished', () => {
  it('order_pending_process is its own outcome: neither success nor an ordinary failure, never retried', () => {
    const pending = failure({ RegisterResponse: { ResponseCode: '1', Status: 'order_pending_process' } });
    expect(pending).toBeInstanceOf(Api3Pending);
    expect((pending as Api3Pending).status).toBe('order_pending_process');
    expect(TRANSIENT_CODES.has(pending.code)).toBe(false);
    // Anything that does not know the outcome reads it as "do not send again, check first".
    expect(pending.code).toBe('unknown_outcome');
    expect(pending.hint).toMatch(/Do not send it again/);
  });
});

describe('outages in every wording are transient', () => {
  const cases: Array<[string, string]> = [
    ['There is a problem with connection to main server, please try again later', 'upstream_unavailable'],
    ['connection to main server is busy', 'busy'],
    ['connection to main server is offline', 'upstream_unavailable'],
    ['system_busy', 'busy'],
  ];
  for (const [text, code] of cases) {
    it(`"${text}" -> ${code}`, () => {
      const error = failure({ Response: { ResponseCode: '-1', Error: text } });
      expect(error.code).toBe(code);
      expect(TRANSIENT_CODES.has(error.code)).toBe(true);
    });
  }
});

describe('errors whose hint names the remedy', () => {
  it('a name server host not registered yet', () => {
    const error = failure({ SetNsResponse: { ResponseCode: '-1', Status: 'error', Error: "'ns1.example.net' needs to be registered with an ip address before it can be used." } });
    expect(error.code).toBe('invalid_input');
    expect(error.hint).toMatch(/add it with add_ns .* or register_ns with its IP/);
    expect(error.hint).toMatch(/server_list/);
  });

  it('a locked domain', () => {
    const error = failure({ SetDnsResponse: { ResponseCode: '-1', Status: 'error', Error: 'Please unlock your domain firstly.' } });
    expect(error.hint).toMatch(/Unlock it in the Dynadot control panel/);
  });

  it('a domain registered minutes ago that api3 cannot see yet', () => {
    const error = failure({ DomainInfoResponse: { ResponseCode: '-1', Status: 'error', Error: 'could not find domain in your account' } });
    expect(error.code).toBe('not_found');
    expect(error.hint).toMatch(/last half hour/);
    expect(error.hint).toMatch(/rather than registering it again/);
  });
});

describe('condensing the shapes real answers take', () => {
  it('search prices as a sentence: registration, renewal, premium', async () => {
    const { searchPrice } = await import('../../src/server/condense.js');
    expect(searchPrice('Registration Price: 10.88 in USD and Renewal price: 12.88 in USD and Domain is not a Premium Domain')).toEqual({
      registration: { amount: 10.88, currency: 'USD' },
      renewal: { amount: 12.88, currency: 'USD' },
      premium: false,
    });
    expect(searchPrice('Registration Price: 1,288.00 in usd and Renewal price: 10.88 in USD and Domain is a Premium Domain')).toEqual({
      registration: { amount: 1288, currency: 'USD' },
      renewal: { amount: 10.88, currency: 'USD' },
      premium: true,
    });
    expect(searchPrice('77.00 in USD')).toEqual({ registration: { amount: 77, currency: 'USD' } });
    expect(searchPrice('$70.02')).toEqual({ registration: { amount: 70.02, currency: 'USD' } });
    expect(searchPrice('no price today')).toEqual({});
  });

  it('name servers as {ServerId, ServerName} objects or as a Host0.. map', async () => {
    const { hostNames } = await import('../../src/server/condense.js');
    expect(hostNames([{ ServerId: '5262350', ServerName: 'ns1.example.net' }, { ServerId: '5262351', ServerName: 'ns2.example.net' }])).toEqual([
      'ns1.example.net',
      'ns2.example.net',
    ]);
    expect(hostNames({ Host0: 'ns1.example.net', Host1: 'ns2.example.net' })).toEqual(['ns1.example.net', 'ns2.example.net']);
    expect(hostNames(undefined)).toEqual([]);
  });
});
