import { describe, expect, it } from 'vitest';
import { shapeDifferences } from '../helpers/shape.js';
import { SHAPE_OPTIONS as OPTIONS, simulate } from '../helpers/tool-test.js';

/**
 * The simulator's answers beyond one command (each command's answer in the document's example
 * shape is checked in its tool's test file), and the shape comparison itself.
 */
describe('the simulator\'s error answers', () => {
  it('failures answer under the command root with ResponseCode -1, Status error and Error', () => {
    const actual = simulate('domain_info', { domain: 'not-mine.com' });
    expect(actual).toEqual({ DomainInfoResponse: { ResponseCode: '-1', Status: 'error', Error: expect.stringMatching(/not-mine\.com/) } });
    expect(simulate('no_such_command', {})).toEqual({ Response: { ResponseCode: '-1', Error: expect.any(String) } });
  });
});

describe('shapeDifferences itself', () => {
  it('names missing keys, type changes and empty arrays; accepts extra keys', () => {
    const example = { R: { ResponseCode: 0, A: 'x', B: { C: 1 }, L: [{ D: 'y' }] } };
    expect(shapeDifferences(example, { R: { ResponseCode: '0', A: 'x', B: { C: 2 }, L: [{ D: 'z', E: 1 }], Extra: true } }, OPTIONS)).toEqual([]);
    expect(shapeDifferences(example, { R: { ResponseCode: 0, A: 1, B: {}, L: [] } }, OPTIONS)).toEqual([
      '$.R.A: number, example has string',
      '$.R.B.C: missing (example has number)',
      '$.R.L: empty array, example has 1 element(s)',
    ]);
    // ResponseCode may be either; other keys may not.
    expect(shapeDifferences({ X: 0 }, { X: '0' }, OPTIONS)).toEqual(['$.X: string, example has number']);
    expect(shapeDifferences({ L: [{ A: 1 }, { A: 1, B: [{ C: 'x' }] }] }, { L: [{ A: 1 }] })).toEqual(['$.L[1].B: missing (example has array)']);
  });
});
