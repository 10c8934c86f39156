import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { isAppError } from '../../src/errors.js';
import { calculate } from '../../src/numbers/calculator/calculator.js';
import { CALC_OPS, calcOps } from '../../src/numbers/calculator/schemas.js';

function expectInvalid(op: string, args: Record<string, unknown>, fragment: string): void {
  try {
    const r = calculate(op, args);
    expect.unreachable(`expected an error, got ${JSON.stringify(r)}`);
  } catch (err) {
    expect(isAppError(err) && err.code).toBe('invalid_argument');
    expect((err as Error).message).toContain(fragment);
  }
}

describe('worked examples from the interview', () => {
  it('growth_rate 200 -> 294.76 = 47.38%', () => {
    const r = calculate('growth_rate', { from: 'US$200 billion', to: 'US$294.76 billion' });
    expect(r.value).toBeCloseTo(47.38, 10);
    expect(r).toMatchObject({ op: 'growth_rate', display: '47.38%', unit: '%', formula: '(294.76 - 200) / 200' });
    expect(r.args).toEqual({ from: 'US$200 billion', to: 'US$294.76 billion' });
  });

  it('cagr 164.84 -> 294.76 over 2011–2020 = 6.67%', () => {
    const byYears = calculate('cagr', { start: 164.84, end: 294.76, startYear: 2011, endYear: 2020 });
    expect(byYears.value).toBeCloseTo(6.6707, 4);
    expect(byYears).toMatchObject({ display: '6.67%', unit: '%', formula: '(294.76 / 164.84)^(1/9) - 1' });
    expect(calculate('cagr', { start: 164.84, end: 294.76, years: 9 }).value).toBe(byYears.value);
  });

  it('ratio 294.76 / 164.84 = 1.79×', () => {
    const r = calculate('ratio', { a: 'US$294.76 billion', b: 'US$164.84 billion' });
    expect(r.value).toBeCloseTo(1.78816, 5);
    expect(r).toMatchObject({ display: '1.79×', unit: 'x', formula: '294.76 / 164.84' });
  });

  it('pp_change 30.6 -> 44.5 = +13.9 pp', () => {
    const r = calculate('pp_change', { from: 30.6, to: '44.5%' });
    expect(r.value).toBeCloseTo(13.9, 10);
    expect(r).toMatchObject({ display: '+13.9 pp', unit: 'pp', formula: '44.5 - 30.6' });
    expect(calculate('pp_change', { from: 36.7, to: 44.5 }).display).toBe('+7.8 pp');
  });

  it('implied_whole {part: 54.56, share: 10} = US$545.6 billion', () => {
    const r = calculate('implied_whole', { part: 'US$54.56 billion', share: 10 });
    expect(r.value).toBeCloseTo(545.6, 10);
    expect(r).toMatchObject({ display: 'US$545.6 billion', unit: 'USD billion', formula: '54.56 / (10 / 100)' });
    expect(calculate('implied_whole', { part: 54.56, share: '10%' }).display).toBe('545.6');
  });

  it('implied_base {value: 1.69, growth: 31.1} = 1.289 trillion yuan', () => {
    const r = calculate('implied_base', { value: '1.69 trillion yuan', growth: 31.1 });
    expect(r.value).toBeCloseTo(1.28909, 5);
    expect(r).toMatchObject({
      display: '1.289 trillion yuan',
      unit: 'CNY trillion',
      formula: '1.69 / (1 + 31.1 / 100)',
    });
  });

  it('annualized_multiple 10 over 5 years ≈ 58.49%/yr, reading "10 times" as 10×', () => {
    const r = calculate('annualized_multiple', { multiple: 10, years: 5 });
    expect(r.value).toBeCloseTo(58.489, 3);
    expect(r.display).toBe('58.49%');
    expect(r.formula).toContain('10^(1/5) - 1');
    expect(r.formula).toContain('10×');
    expect(calculate('annualized_multiple', { multiple: '10 times', years: '5' }).value).toBe(r.value);
  });

  it('difference of two US$ billions keeps the unit', () => {
    const r = calculate('difference', { a: 'US$294.76 billion', b: 'US$200 billion' });
    expect(r.value).toBeCloseTo(94.76, 10);
    expect(r).toMatchObject({ display: 'US$94.76 billion', unit: 'USD billion', formula: '294.76 - 200' });
  });
});

describe('units', () => {
  it('aligns scales and moves small results down a scale', () => {
    const r = calculate('difference', { a: 'US$1.2 billion', b: 'US$900 million' });
    expect(r).toMatchObject({ value: 300, display: 'US$300 million', unit: 'USD million' });
    expect(calculate('growth_rate', { from: 'US$900 million', to: 'US$1.2 billion' }).display).toBe('33.33%');
  });

  it('shows amounts written in a Chinese scale in that scale, the value in millions', () => {
    expect(calculate('difference', { a: '812.5亿元', b: '473.9亿元' })).toMatchObject({
      value: 33860,
      unit: 'CNY million',
      display: '338.6亿元',
      formula: '812.5 - 473.9',
    });
    expect(calculate('sum', { values: ['1652.4万', '1218.9万', '402.7万'] })).toMatchObject({
      display: '3,274万',
      formula: '1652.4 + 1218.9 + 402.7',
    });
    expect(calculate('implied_base', { value: '3486.2万', growth: '2.1%' })).toMatchObject({
      display: '3,414.5万',
      formula: '3486.2 / (1 + 2.1 / 100)',
    });
    expect(calculate('difference', { a: '12亿美元', b: '5亿美元' }).display).toBe('7亿美元');
    expect(calculate('ratio', { a: '812.5亿元', b: '473.9亿元' }).display).toBe('1.71×');
  });

  it('falls back to western scales when the operands were written in different Chinese scales', () => {
    expect(calculate('difference', { a: '1.2亿元', b: '3000万元' })).toMatchObject({
      display: '90 million yuan',
      unit: 'CNY million',
    });
  });

  it('lets a bare number take the other operand’s unit', () => {
    expect(calculate('difference', { a: 'US$294.76 billion', b: 200 }).display).toBe('US$94.76 billion');
    expect(calculate('difference', { a: '294.76 billion', b: 'US$200 billion' }).unit).toBe('USD billion');
  });

  it('treats a difference of two percentages as percentage points', () => {
    expect(calculate('difference', { a: '62.8%', b: '44.5%' })).toMatchObject({ display: '+18.3 pp', unit: 'pp' });
  });

  it('refuses to mix currencies without a rate, naming both', () => {
    expectInvalid('difference', { a: 'US$1 billion', b: '1 billion yuan' }, 'cannot combine USD');
    expectInvalid('growth_rate', { from: 'US$1 billion', to: '7 billion yuan' }, "CNY ('to')");
  });

  it('converts with an exchange rate', () => {
    const byObject = calculate('ratio', {
      a: '1.69 trillion yuan',
      b: 'US$200 billion',
      rate: { from: 'USD', to: 'CNY', value: 6.9 },
    });
    expect(byObject.value).toBeCloseTo(1690 / 1380, 10);
    expect(byObject.formula).toContain('1 USD = 6.9 CNY');
    const byNumber = calculate('ratio', { a: '1.69 trillion yuan', b: 'US$200 billion', rate: 6.9 });
    expect(byNumber.value).toBeCloseTo(byObject.value, 10);
    expectInvalid('ratio', { a: '1 yuan', b: 'US$1', rate: { from: 'EUR', to: 'CNY', value: 7 } }, "'rate'");
    expectInvalid('ratio', { a: '1 yuan', b: 'US$1', rate: -2 }, "'rate' must be a positive number");
  });

  it('refuses to mix a percentage with money', () => {
    expectInvalid('ratio', { a: '44.5%', b: 'US$1 billion' }, "'a' is a percentage but 'b' is a USD amount");
  });
});

describe('average and sum', () => {
  it('averages amounts in one currency, aligning scales', () => {
    const r = calculate('average', { values: ['US$1.2 billion', 'US$900 million', 'US$1.5 billion'] });
    expect(r.value).toBeCloseTo(1.2, 10);
    expect(r).toMatchObject({
      op: 'average',
      display: 'US$1.2 billion',
      unit: 'USD billion',
      formula: '(1.2 + 0.9 + 1.5) / 3',
    });
    expect(r.args).toEqual({ values: ['US$1.2 billion', 'US$900 million', 'US$1.5 billion'] });
  });

  it('sums amounts in the first scale given', () => {
    const r = calculate('sum', {
      values: ['US$250 million', 'US$0.5 billion', { value: 150, scale: 'million', currency: 'USD' }],
    });
    expect(r).toMatchObject({ value: 900, display: 'US$900 million', unit: 'USD million', formula: '250 + 500 + 150' });
    expect(r.args.values).toEqual([
      'US$250 million',
      'US$0.5 billion',
      { value: 150, scale: 'million', currency: 'USD' },
    ]);
    expect(calculate('sum', { values: ['1.69 trillion yuan', '0.31 trillion yuan'] })).toMatchObject({
      display: '2 trillion yuan',
      unit: 'CNY trillion',
    });
  });

  it('keeps percentages as percentages and plain numbers plain', () => {
    expect(calculate('average', { values: ['12.5%', '13.25%'] })).toMatchObject({
      value: 12.875,
      display: '12.88%',
      unit: '%',
      formula: '(12.5 + 13.25) / 2',
    });
    expect(calculate('sum', { values: ['12.5%', 13.25, '4%'] })).toMatchObject({
      value: 29.75,
      display: '29.75%',
      unit: '%',
      formula: '12.5 + 13.25 + 4',
    });
    expect(calculate('average', { values: [1, 2, 2] })).toMatchObject({
      display: '1.667',
      unit: null,
      formula: '(1 + 2 + 2) / 3',
    });
    expect(calculate('average', { values: ['+1.5 pp', '2 pp'] })).toMatchObject({ display: '+1.75 pp', unit: 'pp' });
    expect(calculate('sum', { values: ['2x', '3 times'] })).toMatchObject({ display: '5.00×', unit: 'x' });
  });

  it('lets bare numbers take the unit of the first value that has one', () => {
    expect(calculate('sum', { values: [100, 'US$1.5 billion', 200] })).toMatchObject({
      display: 'US$301.5 billion',
      formula: '100 + 1.5 + 200',
    });
    expect(calculate('average', { values: [10, '20%'] })).toMatchObject({ display: '15.00%', unit: '%' });
  });

  it('handles negatives and zero totals without -0', () => {
    expect(calculate('sum', { values: [-5, 5] })).toMatchObject({ value: 0, display: '0', formula: '-5 + 5' });
    expect(Object.is(calculate('sum', { values: [-5, 5] }).value, -0)).toBe(false);
    expect(calculate('average', { values: ['-US$3 million', 'US$1 million'] })).toMatchObject({
      value: -1,
      display: '-US$1 million',
    });
  });

  it('averages values whose plain total would overflow', () => {
    const r = calculate('average', { values: [1.7e308, 1.7e308] });
    expect(r.value).toBe(1.7e308);
    expectInvalid('sum', { values: [1.7e308, 1.7e308] }, 'not a finite number');
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['average', {}, "average: 'values' is required"],
    ['average', { values: 'US$1 billion' }, "average: 'values' must be a list of 2 to 100"],
    ['average', { values: { a: 1, b: 2 } }, "average: 'values' must be a list"],
    ['average', { values: [1] }, "average: 'values' must have 2 to 100 values (got 1)"],
    ['sum', { values: [] }, "sum: 'values' must have 2 to 100 values (got 0)"],
    ['sum', { values: Array.from({ length: 101 }, () => 1) }, "sum: 'values' must have 2 to 100 values (got 101)"],
    ['sum', { values: [1, 2, 'abc'] }, "sum: 'values[2]' could not be read"],
    ['sum', { values: [1, null] }, "sum: 'values[1]' is required"],
    ['average', { values: [1, Number.NaN] }, "average: 'values[1]' must be a finite number"],
    ['average', { values: [1, 2, [3]] }, "average: 'values[2]' must be a number"],
    [
      'sum',
      { values: ['US$1 billion', 'US$2 billion', '1 billion yuan'] },
      "sum: cannot combine USD ('values[0]') with CNY ('values[2]')",
    ],
    ['sum', { values: ['12%', 'US$1 billion'] }, "sum: 'values[0]' is a percentage but 'values[1]' is a USD amount"],
    [
      'average',
      { values: ['1.2 billion', '12%'] },
      "average: 'values[0]' is a plain number but 'values[1]' is a percentage",
    ],
    ['average', { values: ['3 times', '12%'] }, "'values[0]' is a multiple but 'values[1]' is a percentage"],
  ])('%s %j', (op, args, fragment) => expectInvalid(op, args, fragment));

  it('names the bad value in the error details', () => {
    try {
      calculate('sum', { values: [1, 2, 'abc'] });
      expect.unreachable();
    } catch (err) {
      expect(isAppError(err) && err.details).toMatchObject({ op: 'sum', argument: 'values[2]' });
    }
  });
});

describe('edge and invalid cases', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['growth_rate', { to: 1 }, "growth_rate: 'from' is required"],
    ['growth_rate', { from: 0, to: 1 }, "growth_rate: 'from' must not be 0"],
    ['growth_rate', { from: 'abc', to: 1 }, "growth_rate: 'from' could not be read"],
    ['cagr', { start: 1, end: 2, years: 0 }, "cagr: 'years' must be > 0"],
    ['cagr', { start: 1, end: 2, years: -3 }, "cagr: 'years' must be > 0"],
    ['cagr', { start: 1, end: 2 }, "cagr: 'years' is required"],
    ['cagr', { start: 0, end: 2, years: 2 }, "cagr: 'start' must be > 0"],
    ['cagr', { start: -1, end: 2, years: 2 }, "cagr: 'start' must be > 0"],
    ['cagr', { start: 1, end: -2, years: 2 }, "cagr: 'end' must be >= 0"],
    ['cagr', { start: 1, end: 2, startYear: 2020, endYear: 2011 }, "cagr: 'endYear' must be after"],
    ['cagr', { start: 1, end: 2, startYear: 2011 }, "cagr: 'endYear' is required"],
    ['cagr', { start: 1, end: 2, startYear: 2011, endYear: 2020, years: 10 }, 'disagrees'],
    ['cagr', { start: 1, end: 2, years: 'nine' }, "cagr: 'years' must be a finite number"],
    ['annualized_multiple', { multiple: 0, years: 5 }, "'multiple' must be > 0"],
    ['annualized_multiple', { multiple: 10, years: 0 }, "'years' must be > 0"],
    ['annualized_multiple', { multiple: '10%', years: 5 }, "'multiple' must be a multiple"],
    ['pp_change', { from: 'US$1 billion', to: 2 }, "pp_change: 'from' must be a percentage"],
    ['pp_change', { from: 30.6 }, "pp_change: 'to' is required"],
    ['share', { part: 1, whole: 0 }, "share: 'whole' must be > 0"],
    ['share', { part: 1, whole: -5 }, "share: 'whole' must be > 0"],
    ['implied_whole', { part: 54.56, share: 0 }, "implied_whole: 'share' must be > 0"],
    ['implied_whole', { part: 54.56, share: 'US$3 billion' }, "'share' must be a percentage"],
    ['implied_base', { value: 1.69, growth: -100 }, "implied_base: 'growth' must be > -100"],
    ['implied_base', { growth: 3 }, "implied_base: 'value' is required"],
    ['ratio', { a: 1, b: 0 }, "ratio: 'b' must not be 0"],
    ['ratio', { a: Number.NaN, b: 1 }, "ratio: 'a' must be a finite number"],
    ['difference', { a: Number.POSITIVE_INFINITY, b: 1 }, "difference: 'a' must be a finite number"],
    ['project', { value: 100, rate: 5, years: 0 }, "project: 'years' must be > 0"],
    ['product', { value: 100, times: 0 }, "product: 'times' must be > 0"],
    ['product', { value: 100 }, "product: 'times' is required"],
    ['project', { value: 100, rate: -150, years: 2 }, "project: 'rate' must be > -100"],
    ['project', { value: 1e300, rate: 1e6, years: 1000 }, 'not a finite number'],
    ['nope', {}, "unknown operation 'nope'"],
  ])('%s %j', (op, args, fragment) => expectInvalid(op, args, fragment));

  it('rejects non-object arguments', () => {
    expectInvalid('ratio', [] as unknown as Record<string, unknown>, 'arguments must be an object');
  });

  it('handles negative and zero results without NaN or -0', () => {
    expect(calculate('growth_rate', { from: 100, to: 96.8 }).display).toBe('-3.20%');
    expect(calculate('growth_rate', { from: -50, to: -25 })).toMatchObject({
      value: 50,
      formula: '(-25 - -50) / |-50|',
    });
    expect(Object.is(calculate('difference', { a: 5, b: 5 }).value, -0)).toBe(false);
    expect(calculate('pp_change', { from: 44.5, to: 36.7 }).display).toBe('-7.8 pp');
    expect(calculate('cagr', { start: 10, end: 0, years: 2 }).value).toBe(-100);
    expect(calculate('share', { part: 0, whole: 10 }).display).toBe('0.00%');
  });

  it('takes a value a number of times, in its unit', () => {
    expect(calculate('product', { value: '£142', times: 40 })).toMatchObject({
      value: 5680,
      display: '£5,680',
      formula: '142 × 40',
    });
    expect(calculate('product', { value: 'US$1.5 billion', times: 3 }).display).toBe('US$4.5 billion');
    expect(calculate('product', { value: 37.5, times: 4 }).value).toBe(150);
  });

  it('projects forward', () => {
    const r = calculate('project', { value: 'US$200 billion', rate: 8, years: 5 });
    expect(r.value).toBeCloseTo(293.8656, 4);
    expect(r).toMatchObject({ display: 'US$293.9 billion', formula: '200 × (1 + 8 / 100)^5' });
  });
});

describe('calcOps', () => {
  const examples: Record<string, Record<string, unknown>> = {
    growth_rate: { from: 'US$200 billion', to: 'US$294.76 billion' },
    cagr: { start: 164.84, end: 294.76, startYear: 2011, endYear: 2020 },
    annualized_multiple: { multiple: 10, years: 5 },
    pp_change: { from: 30.6, to: 44.5 },
    share: { part: 54.56, whole: 545.6 },
    implied_whole: { part: { value: 54.56, scale: 'billion', currency: 'USD' }, share: 10 },
    implied_base: { value: '1.69 trillion yuan', growth: '31.1%' },
    ratio: { a: 294.76, b: 164.84 },
    difference: { a: 294.76, b: 200 },
    average: { values: ['US$1.2 billion', 'US$900 million', 1.5] },
    sum: { values: [12.5, '13.25%', { value: 4, unit: '%' }] },
    project: { value: 100, rate: 5, years: 3 },
    product: { value: '£142', times: 40 },
  };

  it('describes every operation and every field', () => {
    for (const op of CALC_OPS) {
      const { description, schema } = calcOps[op];
      expect(description.length).toBeGreaterThan(10);
      for (const [field, s] of Object.entries(schema.shape)) {
        expect((s as z.ZodType).description, `${op}.${field}`).toBeTruthy();
      }
    }
  });

  it.each(Object.entries(examples))('%s example satisfies its schema and computes', (op, args) => {
    expect(calcOps[op as keyof typeof calcOps].schema.safeParse(args).success).toBe(true);
    expect(Number.isFinite(calculate(op, args).value)).toBe(true);
  });
});
