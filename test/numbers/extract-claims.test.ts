import { describe, expect, it } from 'vitest';
import { extractClaims, isCheckable } from '../../src/numbers/claims/extract.js';
import { splitSentences } from '../../src/numbers/claims/sentences.js';
import { loadInterview } from './interview.js';

const body = loadInterview();

describe('splitSentences', () => {
  it('splits on terminators and line breaks, not on decimals or abbreviations', () => {
    const text =
      'Exports were US$294.76 billion. The U.S. figure is larger, e.g. twice.\nNext line without stop\n数字贸易增长。很快！';
    const spans = splitSentences(text, 10);
    expect(spans.map((s) => s.text)).toEqual([
      'Exports were US$294.76 billion.',
      'The U.S. figure is larger, e.g. twice.',
      'Next line without stop',
      '数字贸易增长。',
      '很快！',
    ]);
    for (const s of spans) expect(text.slice(s.start - 10, s.end - 10)).toBe(s.text);
  });
});

describe('extractClaims on the interview', () => {
  const claims = extractClaims(body);

  it('points every claim at its text and sentence', () => {
    expect(claims.length).toBeGreaterThan(30);
    for (const c of claims) {
      expect(body.slice(c.start, c.end)).toBe(c.text);
      expect(body.slice(c.sentence.start, c.sentence.end)).toBe(c.sentence.text);
      expect(c.start >= c.sentence.start && c.end <= c.sentence.end).toBe(true);
    }
  });

  it('finds every figure with unit, qualifier and year', () => {
    const rows = claims.map((c) => [c.text, c.unit, c.qualifier ?? null, c.year ?? null]);
    expect(rows).toEqual([
      ['2022', 'year', null, 2022],
      ['38%', '%', 'nearly', null],
      ['45%', '%', 'nearly', null],
      ['14th', 'label', null, null],
      ['two', 'count', null, null],
      ['three', 'count', null, null],
      ['50%', '%', 'exceeded', null],
      ['13th', 'label', null, null],
      ['US$200 billion', 'currency', null, 2015],
      ['2015', 'year', null, 2015],
      ['US$294.76 billion', 'currency', null, 2020],
      ['2020', 'year', null, 2020],
      ['47.4%', '%', null, null],
      ['30.6%', '%', null, null],
      ['44.5%', '%', null, null],
      ['10 times', 'times', 'nearly', null],
      ['five years', 'duration', null, null],
      ['2021', 'year', null, 2021],
      ['28.6%', '%', null, 2021],
      ['44.1%', '%', null, 2021],
      ['2021', 'label', null, null],
      ['2020', 'year', null, 2020],
      ['1.69 trillion yuan', 'currency', null, 2020],
      ['31.1%', '%', null, 2020],
      ['ten years', 'duration', null, null],
      ['doubled', 'times', 'basically', null],
      ['US$164.84 billion', 'currency', null, 2011],
      ['2011', 'year', null, 2011],
      ['US$294.76 billion', 'currency', null, 2020],
      ['2020', 'year', null, 2020],
      ['6.7%', '%', null, null],
      ['36.7%', '%', null, null],
      ['44.5%', '%', null, null],
      ['62.8%', '%', null, null],
      ['2011', 'year', null, 2011],
      ['2020', 'year', null, 2020],
      ['31.7%', '%', null, null],
      ['19.6%', '%', null, null],
      ['17.4%', '%', null, null],
      ['2018', 'year', null, 2018],
      ['US$54.56 billion', 'currency', null, 2018],
      ['10%', '%', 'about', 2018],
    ]);
  });

  it('records values, currency, scale and sentence years', () => {
    const growth = claims.find((c) => c.text === 'US$200 billion');
    expect(growth).toMatchObject({ value: 200, currency: 'USD', scale: 'billion', years: [2015, 2020], decimals: 0 });
    expect(claims.find((c) => c.text === '1.69 trillion yuan')).toMatchObject({
      value: 1.69,
      currency: 'CNY',
      scale: 'trillion',
      decimals: 2,
    });
    expect(claims.find((c) => c.text === 'doubled')).toMatchObject({ value: 2, words: true });
    expect(claims.find((c) => c.text === 'five years')).toMatchObject({ value: 5, unit: 'duration' });
  });

  it('dates a figure by the period written after it, and not by the year of the one it is compared with', () => {
    const found = extractClaims(
      'Revenue was $412.8 million, compared with $351.6 million in the second quarter of 2024. Sales reached €9 million in fiscal 2023, after €8 million in 2022.',
    );
    expect(found.find((c) => c.text === '$412.8 million')?.year).toBeUndefined();
    expect(found.find((c) => c.text === '$351.6 million')?.year).toBe(2024);
    expect(found.find((c) => c.text === '€9 million')?.year).toBe(2023);
    expect(found.find((c) => c.text === '€8 million')?.year).toBe(2022);
  });

  it('dates a figure by the year written after its unit words ("96.4 million florins in 2023")', () => {
    const found = extractClaims(
      'Investment reached 96.4 million florins in 2023, up from 71.8 million florins in 2022, and 63 kilometres of pipe were laid.',
    );
    expect(found.find((c) => c.text.startsWith('96.4 million'))?.year).toBe(2023);
    expect(found.find((c) => c.text.startsWith('71.8 million'))?.year).toBe(2022);
  });

  it('finds figures written between Chinese characters, and reads the numbers of a Chinese date as labels', () => {
    const found = extractClaims('1月18日，全市出口812.5亿元，同比增长5.6%，出口汽车12.8万辆。');
    expect(found.filter(isCheckable).map((c) => [c.text, c.unit])).toEqual([
      ['812.5亿元', 'currency'],
      ['5.6%', '%'],
      ['12.8万', 'count'],
    ]);
    expect(found.find((c) => c.text === '812.5亿元')).toMatchObject({
      currency: 'CNY',
      scale: 'million',
      value: 81250,
    });
    expect(found.filter((c) => c.unit === 'label').map((c) => c.text)).toEqual(['1', '18']);
  });

  it('dates a figure Chinese writes as the same period of last year ("上年同期为") to the year before', () => {
    const found = extractClaims('2024年，公司实现营业收入86.42亿元，上年同期为74.15亿元，同比增长16.5%。');
    expect(found.filter(isCheckable).map((c) => [c.text, c.year])).toEqual([
      ['86.42亿元', 2024],
      ['74.15亿元', 2023],
      ['16.5%', 2024],
    ]);
  });

  it('reads the end of a fiscal year or season as a label, not a figure', () => {
    const found = extractClaims('In the 2020–21 season and in 2024/25 the club scored 81 goals.');
    expect(found.filter(isCheckable).map((c) => c.text)).toEqual(['81']);
    expect(found.filter((c) => c.unit === 'label').map((c) => c.text)).toEqual(['21', '25']);
  });

  it('keeps plan ordinals and a report title year as labels, not checkable figures', () => {
    const labels = claims.filter((c) => c.unit === 'label');
    expect(labels.map((c) => c.text)).toEqual(['14th', '13th', '2021']);
    expect(body.slice(labels[2]!.start - 1, labels[2]!.end + 1)).toBe('(2021)');
    expect(labels.some(isCheckable)).toBe(false);
    expect(claims.some((c) => /five-year/i.test(c.text))).toBe(false);
  });
});

describe('extractClaims on other text', () => {
  it('handles signs, ranges, Chinese scales and non-figures', () => {
    const text = 'During COVID-19, 5G exports fell by -3.2% in 2011-2020, to 1.69万亿元, on the one hand.';
    const rows = extractClaims(text).map((c) => [c.text, c.unit, c.value]);
    expect(rows).toEqual([
      ['-3.2%', '%', -3.2],
      ['2011', 'year', 2011],
      ['2020', 'year', 2020],
      ['1.69万亿元', 'currency', 1.69],
    ]);
    expect(extractClaims(text)[3]).toMatchObject({ currency: 'CNY', scale: 'trillion' });
  });

  it('reads the digits of a two-digit fiscal year as a label, not a figure', () => {
    const rows = extractClaims('Revenue in FY 22 was 12.5 million, against FY23.').map((c) => [c.text, c.unit]);
    expect(rows).toContainEqual(['22', 'label']);
    expect(rows).toContainEqual(['12.5 million', 'count']);
    expect(
      extractClaims('Revenue in FY 22 was 12.5 million.')
        .filter(isCheckable)
        .map((c) => c.text),
    ).toEqual(['12.5 million']);
  });

  it('reads word multiples and spelled-out numbers', () => {
    const rows = extractClaims(
      'Sales tripled while costs nearly doubled; output rose nearly ten times in three years.',
    ).map((c) => [c.text, c.unit, c.value, c.qualifier ?? null]);
    expect(rows).toEqual([
      ['tripled', 'times', 3, null],
      ['doubled', 'times', 2, 'nearly'],
      ['ten times', 'times', 10, 'nearly'],
      ['three years', 'duration', 3, null],
    ]);
  });

  it('reads qualifiers and bounds', () => {
    const q = extractClaims('It is more than 5%, at least 6%, less than 7%, up to US$8 billion and exceeds 9 pp.').map(
      (c) => c.qualifier,
    );
    expect(q).toEqual(['more than', 'at least', 'less than', 'up to', 'exceeded']);
  });

  it('reads a day of the month as a label and a short scale after a currency as that scale', () => {
    const rows = extractClaims('At 31 March 2019 it was £59.1m against $400k on December 31, 2018; he ran 100m.').map(
      (c) => [c.text, c.unit, c.scale ?? null],
    );
    expect(rows).toEqual([
      ['31', 'label', null],
      ['2019', 'year', null],
      ['£59.1m', 'currency', 'million'],
      ['$400k', 'currency', 'thousand'],
      ['31', 'label', null],
      ['2018', 'year', null],
    ]);
    expect(extractClaims('Sales of 12 may rise; 31 days later.').map((c) => [c.text, c.unit])).toEqual([
      ['12', 'count'],
      ['31', 'count'],
    ]);
  });

  it('adds the offset to every position', () => {
    const [c] = extractClaims('Up 47.4%.', 100);
    expect(c).toMatchObject({ text: '47.4%', start: 103, end: 108, sentence: { start: 100, end: 109 } });
  });
});
