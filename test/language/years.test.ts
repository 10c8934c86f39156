import { describe, expect, it } from 'vitest';
import { endsSplitYear } from '../../src/language/years.js';

const at = (text: string, numeral: string) => endsSplitYear(text, text.lastIndexOf(numeral), numeral);

describe('endsSplitYear', () => {
  it('reads the short end of a split fiscal year or season as part of the year', () => {
    expect(at('the 2025–26 budget', '26')).toBe(true);
    expect(at('in 2024/25', '25')).toBe(true);
    expect(at('the 2020 - 21 season', '21')).toBe(true);
  });

  it('leaves other two-digit numbers figures', () => {
    expect(at('26 councillors in 2025', '26')).toBe(false);
    expect(at('scores of 3–21', '21')).toBe(false);
    expect(at('from 2019-2020', '2020')).toBe(false);
  });
});
