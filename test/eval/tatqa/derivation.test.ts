import { describe, expect, it } from 'vitest';
import { classifyDerivation, parseDerivation } from '../../../src/eval/datasets/tatqa/derivation.js';

describe('classifyDerivation', () => {
  it.each([
    ['44.1-56.7', 'difference'],
    [' 4.00 - 1.90 ', 'difference'],
    ['3.8% - 4.0%', 'difference'],
    ['(41.2%-40.6%)', 'difference'],
    ['771 - (-2,129) ', 'difference'],
    ['(-42,056)-(-9,982)', 'difference'],
    ['($96,037-$94,888)', 'difference'],
    ['−1.9 − (−2.2)', 'difference'],
    ['(44.1-56.7)/56.7', 'change-ratio'],
    ['(4.00 - 3.75)/3.75 ', 'change-ratio'],
    ['((44.1 - 56.7) / 56.7) * 100', 'change-ratio'],
    ['100 * (44.1 - 56.7) / 56.7', 'change-ratio'],
    ['(44.1 - 56.7) / 56.7 × 100', 'change-ratio'],
    ['(-1.3-(-1.9))/-1.9', 'change-ratio'],
    ['($5,480-$2,968)/$2,968', 'change-ratio'],
    ['(115.9-97.9)/115.9', 'change-ratio'],
    ['(9.47+10.26+12.61+8.87)/4', 'average'],
    ['(1,095 + 1,048) / 2', 'average'],
    ['(47 + 51 + 64)/3 ', 'average'],
    ['9.46/30.90 ', 'division'],
    ['(8,000/$9,750)', 'division'],
    ['3,100/12,400 * 100', 'division'],
    ['2+6 ', 'sum'],
    ['(8,840+8,217+7,527)', 'sum'],
    ['($7,500+4,249)', 'sum'],
  ])('%s is %s', (derivation, form) => {
    expect(classifyDerivation(derivation)).toBe(form);
  });

  it.each([
    '(235,514*2.92)+(81,794*3.59) ',
    '1,686,902*7.00 ',
    '(1-15%)*($2.2/15%) ',
    '-(9 + 12) / 2',
    '(8,217+7,527+6,447)/(2019-2017+1)',
    '21,240 / 82,668 - 1',
    '(12,400 - 3,100) / 2,900',
    '(1 + 2) / 3 - 4',
    '(1 + 2 + 3) / 2',
    '1 - 2 - 3',
    '1 + 2 - 3',
    '42',
    '',
    '2018##2017',
    '1,496.5>1,202.9',
    '(1 - 2',
  ])('%j is other', (derivation) => {
    expect(classifyDerivation(derivation)).toBe('other');
  });

  it('parses with the usual precedence, signed numbers and thousands separators', () => {
    expect(parseDerivation('1 - 2 * 3')).toEqual({
      kind: 'op',
      op: '-',
      left: { kind: 'num', value: 1 },
      right: { kind: 'op', op: '*', left: { kind: 'num', value: 2 }, right: { kind: 'num', value: 3 } },
    });
    expect(parseDerivation('-1,234.5%')).toEqual({ kind: 'num', value: -1234.5 });
    expect(parseDerivation('1 +')).toBeNull();
    expect(parseDerivation('a - b')).toBeNull();
  });
});
