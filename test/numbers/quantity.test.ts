import { describe, expect, it } from 'vitest';
import { isAppError } from '../../src/errors.js';
import {
  parseQuantity,
  parseQuantityString,
  readableScale,
  toScale,
  writtenValue,
} from '../../src/numbers/quantity.js';

describe('parseQuantityString', () => {
  it.each([
    ['US$294.76 billion', { value: 294.76, scale: 'billion', currency: 'USD' }],
    ['$5bn', { value: 5, scale: 'billion', currency: 'USD' }],
    ['USD 3 million', { value: 3, scale: 'million', currency: 'USD' }],
    ['12 billion US dollars', { value: 12, scale: 'billion', currency: 'USD' }],
    ['1.69 trillion yuan', { value: 1.69, scale: 'trillion', currency: 'CNY' }],
    ['RMB 1.69 trillion', { value: 1.69, scale: 'trillion', currency: 'CNY' }],
    ['¥1.69 trillion', { value: 1.69, scale: 'trillion', currency: 'CNY' }],
    ['CNY 2.5 billion', { value: 2.5, scale: 'billion', currency: 'CNY' }],
    ['1.69万亿元', { value: 1.69, scale: 'trillion', currency: 'CNY', written: '万亿' }],
    ['3亿元', { value: 300, scale: 'million', currency: 'CNY', written: '亿' }],
    ['5万', { value: 50, scale: 'thousand', written: '万' }],
    ['€2 billion', { value: 2, scale: 'billion', currency: 'EUR' }],
    ['44.5%', { value: 44.5, unit: '%' }],
    ['44.5 percent', { value: 44.5, unit: '%' }],
    ['+7.8 pp', { value: 7.8, unit: 'pp' }],
    ['7.8 percentage points', { value: 7.8, unit: 'pp' }],
    ['10×', { value: 10, unit: 'x' }],
    ['10 times', { value: 10, unit: 'x' }],
    ['-3.2%', { value: -3.2, unit: '%' }],
    ['1,234.5', { value: 1234.5 }],
  ])('%s', (input, expected) => {
    expect(parseQuantityString(input)).toMatchObject(expected);
  });

  it('marks only figures written with a Chinese scale', () => {
    expect(parseQuantityString('300 million yuan')?.written).toBeUndefined();
    expect(writtenValue(parseQuantityString('812.5亿元')!)).toBe(812.5);
    expect(writtenValue(parseQuantityString('300 million yuan')!)).toBe(300);
  });

  it.each(['abc', 'US$5%', '3亿 billion', 'US$5 yuan', '', '5 apples'])('rejects %j', (input) => {
    expect(parseQuantityString(input)).toBeNull();
  });
});

describe('parseQuantity', () => {
  it('accepts numbers, strings and objects', () => {
    expect(parseQuantity(5)).toEqual({ value: 5 });
    expect(parseQuantity('US$1 billion')).toMatchObject({ value: 1, scale: 'billion', currency: 'USD' });
    expect(parseQuantity({ value: 54.56, scale: 'billion', currency: 'USD' })).toEqual({
      value: 54.56,
      scale: 'billion',
      currency: 'USD',
      unit: undefined,
    });
  });

  it.each([
    [undefined, 'is required'],
    [Number.NaN, 'finite'],
    [Number.POSITIVE_INFINITY, 'finite'],
    ['lots', 'could not be read'],
    [{ value: 'abc' }, "numeric 'value'"],
    [{ value: 1, scale: 'gazillion' }, 'unknown scale'],
    [{ value: 1, currency: 'XYZ' }, 'unknown currency'],
    [[1, 2], 'must be a number'],
  ])('rejects %j with a message naming the argument', (input, fragment) => {
    try {
      parseQuantity(input, "op: 'x'");
      expect.unreachable();
    } catch (err) {
      expect(isAppError(err) && err.code).toBe('invalid_argument');
      expect((err as Error).message).toContain("op: 'x'");
      expect((err as Error).message).toContain(fragment);
    }
  });
});

describe('scales', () => {
  it('converts between scales without float noise', () => {
    expect(toScale({ value: 1.2, scale: 'billion' }, 'million')).toBe(1200);
    expect(toScale({ value: 900, scale: 'million' }, 'billion')).toBe(0.9);
  });

  it('moves sub-1 values to a smaller scale', () => {
    expect(readableScale(0.3, 'billion')).toEqual({ value: 300, scale: 'million' });
    expect(readableScale(0.5, 'thousand')).toEqual({ value: 500, scale: undefined });
    expect(readableScale(94.76, 'billion')).toEqual({ value: 94.76, scale: 'billion' });
  });
});
