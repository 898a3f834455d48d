import { describe, expect, it } from 'vitest';
import isProcessing from '../../../tools/account/is_processing.js';
import { badInputSweep, condenseExample, exampleQueryCase, pinEffect, simulatorShapeCase, useHarness } from '../../helpers/tool-test.js';

const { ok } = useHarness();

describe('toApi', () => {
  exampleQueryCase(isProcessing, {});
});

describe('condense', () => {
  it('is_processing: "no" -> not processing, safe to send', () => {
    expect(condenseExample(isProcessing)).toEqual({ processing: false, safe_to_send: true });
    expect(isProcessing.condense({ ResponseCode: '0', ResponseMsg: 'yes' }, {})).toEqual({ processing: true, safe_to_send: false });
  });
});

describe('simulator', () => {
  simulatorShapeCase(isProcessing);
});

describe('through the client', () => {
  it('is_processing: nothing in progress', async () => {
    expect(await ok('is_processing')).toEqual({ processing: false, safe_to_send: true });
  });
});

describe('safety', () => {
  pinEffect(isProcessing, 'read');
  badInputSweep(isProcessing, {});
});
