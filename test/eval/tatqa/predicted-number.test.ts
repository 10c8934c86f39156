import { describe, expect, it } from 'vitest';
import type { Check } from '../../../src/answer/schema.js';
import {
  numberFromChecks,
  numberFromText,
  predictedNumber,
  scaleOfUnit,
} from '../../../src/eval/datasets/tatqa/predicted-number.js';
import { check } from '../fixtures.js';

const withStatus = (c: Check, status: Check['status']): Check => ({ ...c, status });

describe('scaleOfUnit', () => {
  it.each([
    ['%', 'percent'],
    ['pp', 'percent'],
    ['+2.5 pp', 'percent'],
    ['17.07%', 'percent'],
    ['USD million', 'million'],
    ['US$1.3 billion', 'billion'],
    ['£4.2bn', 'billion'],
    ['$12.6m', 'million'],
    ['5k', 'thousand'],
    ['thousand', 'thousand'],
    ['1.62×', ''],
    ['1,234', ''],
    ['x', ''],
    [null, ''],
  ])('%j → %j', (unit, scale) => {
    expect(scaleOfUnit(unit)).toBe(scale);
  });
});

describe('numberFromChecks', () => {
  it('takes the first computed check with a value, its scale from the unit or else the display', () => {
    const checks = [
      withStatus(check(3, '3'), 'verified'),
      check(null, null),
      check(-17.07, '-17.07%'),
      check(250, '250'),
    ];
    expect(numberFromChecks(checks)).toEqual({ value: -17.07, scale: 'percent', source: 'check', raw: '-17.07%' });
    expect(numberFromChecks([{ ...check(1.3, 'US$1.3 billion'), unit: 'USD billion' }])).toMatchObject({
      value: 1.3,
      scale: 'billion',
    });
    expect(numberFromChecks([{ ...check(2.5, '2.5'), unit: 'pp' }])).toMatchObject({ scale: 'percent' });
    expect(numberFromChecks([withStatus(check(3, '3'), 'mismatch')])).toBeNull();
  });
});

describe('numberFromText', () => {
  it.each([
    ['The change was 250 thousand [1].', 250, 'thousand'],
    ['It fell to (361) [2]. Later it was 5.', -361, ''],
    ['Repairs fell by -17.07% from 2020 to 2021.', -17.07, 'percent'],
    ['Revenue was $1,554.2 million in 2021 [1].', 1554.2, 'million'],
    ['A loss of ($ 36) thousand.', -36, 'thousand'],
    ['In 2021, sales were 1,250 [1].', 1250, ''],
    ['It was 4.2bn.', 4.2, 'billion'],
    ['It was £3m.', 3, 'million'],
    ['Its share was 18.5 per cent.', 18.5, 'percent'],
    ['The margin rose 1.5 percentage points.', 1.5, 'percent'],
    ['The 2021 figure: 2021 million.', 2021, 'million'],
    ['−12.6 million', -12.6, 'million'],
  ])('%j → %d %j', (answer, value, scale) => {
    expect(numberFromText(answer)).toMatchObject({ value, scale, source: 'text' });
  });

  it('reads only the first sentence, skips citation markers and years, and gives null without a number', () => {
    expect(numberFromText('Kettleby [1]. It sold 3,100 tickets.')).toBeNull();
    expect(numberFromText('From 2020 to 2021 [3] it did not change.')).toBeNull();
    expect(numberFromText('Sales rose [12] to 40 [1].')).toMatchObject({ value: 40 });
    expect(numberFromText('The 2020-2021 total was 6,000.')).toMatchObject({ value: 6000, raw: '6,000' });
  });
});

describe('predictedNumber', () => {
  it('prefers a computed check to the text', () => {
    expect(predictedNumber({ checks: [check(250, 'US$250 thousand')], answer: 'It was 999 [1].' })).toMatchObject({
      value: 250,
      scale: 'thousand',
      source: 'check',
    });
    expect(
      predictedNumber({ checks: [withStatus(check(250, '250'), 'unverified')], answer: 'It was 999 [1].' }),
    ).toMatchObject({ value: 999, source: 'text' });
    expect(predictedNumber({ checks: [], answer: 'No figure.' })).toBeNull();
  });
});
