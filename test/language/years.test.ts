import { describe, expect, it } from 'vitest';
import { endsSplitYear, shortFiscalYears } from '../../src/language/years.js';

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

describe('shortFiscalYears', () => {
  it('reads a two-digit fiscal year as the year it ends', () => {
    expect(shortFiscalYears('free cash flow in FY22').map((y) => y.year)).toEqual([2022]);
    expect(shortFiscalYears("FY'23 and FY 24").map((y) => y.year)).toEqual([2023, 2024]);
    expect(shortFiscalYears('FY98 sales').map((y) => y.year)).toEqual([1998]);
  });

  it('gives the offset of the digits', () => {
    const text = 'sales in FY 22';
    const [y] = shortFiscalYears(text);
    expect(text.slice(y!.at, y!.at + 2)).toBe('22');
  });

  it('leaves figures and four-digit fiscal years alone', () => {
    expect(shortFiscalYears('FY2022 revenue of 22.5 million')).toEqual([]);
    expect(shortFiscalYears('a 22% rise; FYI 22 staff')).toEqual([]);
  });
});
