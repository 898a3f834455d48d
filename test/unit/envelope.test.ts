import { describe, expect, it } from 'vitest';
import { parseApi3Response, normalizeKey } from '../../src/api3/envelope.js';
import { Api3Error, classifyApi3Message, ERROR_CODES, TRANSIENT_CODES, api3Failure } from '../../src/api3/errors.js';
import { EXAMPLES, exampleResponse, firstJsonObject, originalExamples } from '../helpers/examples.js';
import examplesJson from '../helpers/fixtures/api3-examples.json' with { type: 'json' };

/** Runs the parser and returns what it threw; fails the test if it did not throw. */
function failure(text: string): Api3Error {
  try {
    parseApi3Response(text);
  } catch (error) {
    expect(error).toBeInstanceOf(Api3Error);
    return error as Api3Error;
  }
  throw new Error(`expected ${text.slice(0, 80)} to be refused`);
}

describe('the fixture copy of the api3 examples', () => {
  it('holds all 102 commands, each once', () => {
    expect(EXAMPLES).toHaveLength(102);
    expect(new Set(EXAMPLES.map((e) => e.command)).size).toBe(102);
  });

  it('matches ../shared/reference/api3-examples.json when that file is present', () => {
    const original = originalExamples();
    if (original === undefined) return; // a checkout outside the project workspace has only the copy
    expect(JSON.parse(original)).toEqual(examplesJson);
  });

  it('firstJsonObject takes the JSON before a CSV example and drops the document\'s "..." elisions', () => {
    expect(firstJsonObject('{"A":{"b":"}"}}\nResponse (CSV format)ok,success,0')).toEqual({ A: { b: '}' } });
    expect(firstJsonObject('{\n"list": [\n{"x": 1}\n...\n]\n}')).toEqual({ list: [{ x: 1 }] });
    expect(firstJsonObject('{"a": {"b": [\n{"x": 1}\n... ]\n}\n}')).toEqual({ a: { b: [{ x: 1 }] } });
  });
});

describe('parseApi3Response over every example in the api3 document', () => {
  const withResponse = EXAMPLES.filter((e) => exampleResponse(e) !== undefined);

  it('covers every command except the one the document gives no response for', () => {
    const without = EXAMPLES.filter((e) => exampleResponse(e) === undefined).map((e) => e.command);
    // get_open_backorder_auctions is deprecated and its example response is empty (null) in the document.
    expect(without).toEqual(['get_open_backorder_auctions']);
    expect(withResponse).toHaveLength(101);
  });

  for (const example of withResponse) {
    it(`${example.command}: recognised as success, body located`, () => {
      const response = exampleResponse(example) as Record<string, unknown>;
      const payload = parseApi3Response(JSON.stringify(response));
      const keys = Object.keys(response);
      if (keys.length === 1 && typeof response[keys[0] as string] === 'object') {
        expect(payload.root).toBe(keys[0]);
        expect(payload.body).toEqual(response[keys[0] as string]);
      } else {
        // root-less answers of the newer aftermarket commands: { "status": "success", ... }
        expect(payload.root).toBe('');
        expect(payload.body).toEqual(response);
      }
    });
  }

  it('parses the text examples (JSON followed by a CSV example) too', () => {
    const texts = EXAMPLES.filter((e) => typeof e.example_response_text === 'string');
    expect(texts.map((e) => e.command).sort()).toEqual(['get_auction_bids', 'get_open_auctions', 'place_auction_bid', 'set_contact_lv_setting']);
    const lv = parseApi3Response(JSON.stringify(firstJsonObject(texts.find((e) => e.command === 'set_contact_lv_setting')?.example_response_text as string)));
    expect(lv.root).toBe('SetContactLvSettingResponse');
    const bids = parseApi3Response(JSON.stringify(firstJsonObject(texts.find((e) => e.command === 'get_auction_bids')?.example_response_text as string)));
    expect(bids.root).toBe('');
    expect(bids.body.auction_bids).toHaveLength(2);
  });
});

describe('parseApi3Response: success variants', () => {
  it('ResponseCode as number or string, SuccessCode, and stray characters in the key', () => {
    expect(parseApi3Response('{"X":{"ResponseCode":0,"Status":"success","A":1}}')).toEqual({ root: 'X', body: { ResponseCode: 0, Status: 'success', A: 1 } });
    expect(parseApi3Response('{"X":{"ResponseCode":"0"}}').root).toBe('X');
    expect(parseApi3Response('{"X":{"SuccessCode":0}}').root).toBe('X');
    expect(parseApi3Response('{"X":{"ResponseCode: ":"0","A":"b"}}').body.A).toBe('b');
    expect(parseApi3Response('{"X":{"ResponseCode":" 0 "}}').root).toBe('X');
  });

  it('renew with price_check answers Status price_check_success, which is not a failure', () => {
    const { body } = parseApi3Response('{"RenewResponse":{"ResponseCode":"0","Status":"price_check_success","PriceInfo":"11.99 in USD"}}');
    expect(body.PriceInfo).toBe('11.99 in USD');
  });

  it('root-less answers with a status', () => {
    expect(parseApi3Response('{"status":"success","items":[1,2]}')).toEqual({ root: '', body: { status: 'success', items: [1, 2] } });
  });

  it('normalizeKey folds case and strips stray characters', () => {
    expect(normalizeKey('ResponseCode: ')).toBe('responsecode');
    expect(normalizeKey('Response Code')).toBe('responsecode');
    expect(normalizeKey('SuccessCode')).toBe('successcode');
  });
});

describe('parseApi3Response: failures become Api3Error with a stable code', () => {
  it('command root with ResponseCode -1 and Status error', () => {
    const error = failure('{"SetNsResponse":{"ResponseCode":"-1","Status":"error","Error":"name server not found in your account"}}');
    expect(error.code).toBe('not_found');
    expect(error.api3Message).toBe('name server not found in your account');
    expect(error.message).toContain('name server not found in your account');
  });

  it('the generic Response root', () => {
    const error = failure('{"Response":{"ResponseCode":"-1","Error":"invalid key"}}');
    expect(error.code).toBe('permission_denied');
    expect(error.hint).toMatch(/allow-list/);
  });

  it('root-less {"status":"error","error":...}', () => {
    const error = failure('{"status":"error","error":"Insufficient account balance"}');
    expect(error.code).toBe('insufficient_funds');
    expect(error.api3Message).toBe('Insufficient account balance');
  });

  it('"ResponseCode: " key with a stray colon and space', () => {
    expect(failure('{"X":{"ResponseCode: ":"-1","Error":"Too many requests"}}').code).toBe('rate_limited');
  });

  it('numeric and string failure codes alike', () => {
    expect(failure('{"X":{"ResponseCode":-1,"Error":"domain does not exist"}}').code).toBe('not_found');
    expect(failure('{"X":{"ResponseCode":"-1","Error":"domain does not exist"}}').code).toBe('not_found');
    expect(failure('{"X":{"SuccessCode":-1,"Error":"system_busy"}}').code).toBe('busy');
    expect(failure('{"X":{"ResponseCode":"1","Error":"system_busy"}}').code).toBe('busy');
  });

  it('Status error or failure with a zero code still fails', () => {
    expect(failure('{"X":{"ResponseCode":"0","Status":"error","Error":"missing required parameter: domain"}}').code).toBe('invalid_input');
    expect(failure('{"status":"failed","message":"domain not found"}').code).toBe('not_found');
  });

  it('a failure without any message says which code and status it saw', () => {
    const error = failure('{"X":{"ResponseCode":"-1"}}');
    expect(error.code).toBe('api_error');
    expect(error.message).toMatch(/-1/);
  });

  it('non-JSON (an HTML error page) is a transient upstream fault, not a crash', () => {
    const error = failure('<html><body><h1>502 Bad Gateway</h1></body></html>');
    expect(error.code).toBe('upstream_unavailable');
    expect(TRANSIENT_CODES.has(error.code)).toBe(true);
    expect(error.api3Message).toBeUndefined();
    expect(failure('{"SearchResponse": {"ResponseCode": "0", "SearchRes').code).toBe('upstream_unavailable');
    expect(failure('').code).toBe('upstream_unavailable');
  });

  it('JSON that is not an object', () => {
    expect(failure('[{"ResponseCode":"0"}]').code).toBe('api_error');
    expect(failure('"ok"').code).toBe('api_error');
    expect(failure('null').code).toBe('api_error');
    expect(failure('0').code).toBe('api_error');
  });

  it('an object without any envelope field is not assumed to be a success', () => {
    expect(failure('{}').code).toBe('api_error');
    expect(failure('{"X":{}}').code).toBe('api_error');
    expect(failure('{"X":{"DomainName":"a.com"}}').code).toBe('api_error');
  });

  it('only Api3Error ever escapes, whatever the input', () => {
    const inputs = ['', ' ', '{', '}', 'undefined', 'NaN', '{"a":', '[]', 'true', '{"X":[]}', '{"X":null}', '{"X":{"ResponseCode":{}}}', '\u0000'];
    for (const text of inputs) {
      try {
        parseApi3Response(text);
      } catch (error) {
        expect(error, text).toBeInstanceOf(Api3Error);
        expect(ERROR_CODES).toContain((error as Api3Error).code);
      }
    }
  });
});

describe('classifyApi3Message', () => {
  const cases: Array<[string, string]> = [
    ['Insufficient account balance to pay for this order', 'insufficient_funds'],
    ['not enough account balance', 'insufficient_funds'],
    ['Your balance is not enough', 'insufficient_funds'],
    ['acme.com not found in your account', 'not_found'],
    ['contact 99 not found', 'not_found'],
    ['The domain does not exist', 'not_found'],
    ['This domain is not in your account', 'not_found'],
    ['This API call is not allowed from the current IP address', 'permission_denied'],
    ['invalid key', 'permission_denied'],
    ['You do not have permission to use this command', 'permission_denied'],
    ['system_busy', 'busy'],
    ['There is a problem with connection to main server, please try again later', 'upstream_unavailable'],
    ['Too many requests', 'rate_limited'],
    ['rate limit exceeded', 'rate_limited'],
    ['missing required parameter: domain', 'invalid_input'],
    ['invalid duration: 1 to 10 years', 'invalid_input'],
    ['something unexpected happened', 'api_error'],
  ];
  for (const [message, code] of cases) {
    it(`"${message}" -> ${code}`, () => {
      expect(classifyApi3Message(message)).toBe(code);
      expect(classifyApi3Message(message.toUpperCase())).toBe(code);
    });
  }

  // A record value that is not an IP address is a bad argument, not a key refused by the IP
  // allow-list: an agent told to fix the allow-list here would be sent the wrong way.
  it('"not a valid IP address" in a DNS record is invalid_input, not permission_denied', () => {
    expect(classifyApi3Message('main_record0 is not a valid IP address')).toBe('invalid_input');
    expect(classifyApi3Message('invalid ip address: 300.1.1.1')).toBe('invalid_input');
  });

  it('api3Failure keeps api3\'s text and adds the hint for the code', () => {
    const error = api3Failure('Insufficient account balance');
    expect(error).toBeInstanceOf(Api3Error);
    expect(error.toAgent()).toEqual({
      error: 'insufficient_funds',
      message: 'api3: Insufficient account balance',
      hint: expect.stringMatching(/get_account_balance/),
    });
    expect(api3Failure('something unexpected happened').toAgent()).toEqual({ error: 'api_error', message: 'api3: something unexpected happened' });
  });
});
