import { describe, expect, it } from 'vitest';
import { extractNumbers } from '../../src/eval/scoring/numbers.js';
import { stripCitationMarkers } from '../../src/eval/scoring/text.js';

const values = (text: string) => extractNumbers(text).map((n) => n.value);

describe('extractNumbers', () => {
  it('ignores citation markers', () => {
    expect(values('It grew 47.4% [1] and then 6.7% [2, 3][4].')).toEqual([47.4, 6.7]);
    expect(values('see [12]')).toEqual([]);
  });

  it('removes thousands separators but keeps list commas apart', () => {
    expect(values('US$1,234.5 billion and 12,345,678 yuan')).toEqual([1234.5, 12345678]);
    expect(values('31.7%, 19.6% and 17.4%')).toEqual([31.7, 19.6, 17.4]);
    expect(values('2011,2020')).toEqual([2011, 2020]);
  });

  it('reads full-width digits after NFKC', () => {
    expect(values('６．７％ in ２０２０')).toEqual([6.7, 2020]);
  });

  it('reads percentages, currencies and ranges as plain numbers', () => {
    expect(values('US$294.76 billion, 44.5%, 2015-2020, (1/9)')).toEqual([294.76, 44.5, 2015, 2020, 1, 9]);
  });

  it('flags years but not percentages or decimals that look like years', () => {
    const found = extractNumbers('in 2020 it was 2020% or 2020.5, and 1850');
    expect(found.map((n) => [n.value, n.isYear])).toEqual([
      [2020, true],
      [2020, false],
      [2020.5, false],
      [1850, false],
    ]);
  });

  it('records decimals as written', () => {
    expect(extractNumbers('6.70 and 13').map((n) => n.decimals)).toEqual([2, 0]);
  });
});

describe('stripCitationMarkers', () => {
  it('removes [n], [n, m] and [n–m] markers', () => {
    expect(stripCitationMarkers('a [1] b [2, 3] c [4–5]')).toBe('a   b   c  ');
  });
});
