import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../src/errors.js';
import { calculate } from '../../src/numbers/calculator/calculator.js';
import type { CalcResult } from '../../src/numbers/calculator/result.js';
import { CALC_OPS, calcOps } from '../../src/numbers/calculator/schemas.js';

const RUNS = { numRuns: 300 };

/** Relative closeness; `scale` is the magnitude of the operands (quantities are read to 12 significant digits). */
function close(actual: number, expected: number, rel = 1e-9, scale = Math.abs(expected)): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.max(1, scale));
}

/** A result whose value and text are finite and printable, or an AppError('invalid_argument'). */
function outcome(op: string, args: Record<string, unknown>): CalcResult | undefined {
  try {
    const r = calculate(op, args);
    expect(Number.isFinite(r.value)).toBe(true);
    expect(`${r.display} ${r.formula}`).not.toMatch(/NaN|Infinity|undefined/);
    expect(() => JSON.stringify(r)).not.toThrow();
    return r;
  } catch (err) {
    expect(isAppError(err) && err.code, String(err)).toBe('invalid_argument');
    return undefined;
  }
}

const anyValue = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.double(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    'US$294.76 billion',
    '1.69 trillion yuan',
    '44.5%',
    '1e999',
    '-0',
    '',
    'NaN',
    '9 years',
    '¥',
    '１２３',
  ),
  fc.record({ value: fc.double(), scale: fc.string(), currency: fc.string() }, { requiredKeys: [] }),
);

/** Lists for `values`: quantities as callers write them, with junk mixed in, of any length around the 2..100 limits. */
const anyList = fc.array(
  fc.oneof(
    anyValue,
    fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    fc.constantFrom('US$1.2 billion', 'US$900 million', '12.5%', '-3 pp', '2x', '3亿元', 'EUR 5 million', '1,234'),
  ),
  { maxLength: 105 },
);

const argFor = (key: string) => (key === 'values' ? fc.oneof(anyValue, anyList) : anyValue);

describe('calculator properties', () => {
  it('is total: any operation name and arguments give a finite result or an invalid_argument error', () => {
    const op = fc.oneof(
      fc.constantFrom(...CALC_OPS),
      fc.string({ maxLength: 20 }),
      fc.constantFrom('__proto__', 'constructor', 'toString'),
    );
    const args = fc
      .constantFrom(...CALC_OPS)
      .chain((known) =>
        fc.oneof(
          fc.record(
            Object.fromEntries([...Object.keys(calcOps[known].schema.shape), 'rate'].map((k) => [k, argFor(k)])),
            { requiredKeys: [] },
          ),
          fc.dictionary(fc.string({ maxLength: 10 }), anyValue, { maxKeys: 5 }),
        ),
      );
    fc.assert(
      fc.property(op, args, (o, a) => void outcome(o, a as Record<string, unknown>)),
      { numRuns: 1000 },
    );
  });

  it('is total on non-object arguments too', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CALC_OPS),
        fc.oneof(fc.constant(null), fc.array(fc.integer()), fc.string(), fc.integer()),
        (op, args) => {
          expect(outcome(op, args as unknown as Record<string, unknown>)).toBeUndefined();
        },
      ),
      RUNS,
    );
  });

  const positive = fc.double({ min: 1e-3, max: 1e6, noNaN: true });
  const signed = fc.double({ min: -1e6, max: 1e6, noNaN: true });
  const years = fc.double({ min: 0.5, max: 50, noNaN: true });

  it('growth_rate, pp_change, difference and ratio follow their formulas', () => {
    fc.assert(
      fc.property(positive, signed, (a, b) => {
        const scale = Math.max(Math.abs(a), Math.abs(b));
        close(calculate('growth_rate', { from: a, to: b }).value, ((b - a) / a) * 100, 1e-9, (scale / a) * 100);
        close(calculate('pp_change', { from: a, to: b }).value, b - a, 1e-9, scale);
        close(calculate('difference', { a: b, b: a }).value, b - a, 1e-9, scale);
        close(calculate('ratio', { a: b, b: a }).value * a, b, 1e-9);
      }),
      RUNS,
    );
  });

  it('share and implied_whole are inverses', () => {
    fc.assert(
      fc.property(positive, positive, (part, whole) => {
        const pct = calculate('share', { part, whole }).value;
        close(pct, (part / whole) * 100);
        close(calculate('implied_whole', { part, share: pct }).value, whole, 1e-8);
      }),
      RUNS,
    );
  });

  it('cagr and project are inverses, and annualized_multiple agrees with cagr', () => {
    const level = fc.double({ min: 1, max: 1000, noNaN: true });
    fc.assert(
      fc.property(level, level, years, (start, end, n) => {
        const rate = outcome('cagr', { start, end, years: n })?.value;
        if (rate === undefined) return;
        // The calculator reads amounts to 12 significant digits (see `clean`), which a short period's power magnifies.
        close(rate, ((end / start) ** (1 / n) - 1) * 100, 1e-8);
        const projected = outcome('project', { value: start, rate, years: n });
        if (projected) close(projected.value, end, 1e-6);
        close(calculate('annualized_multiple', { multiple: end / start, years: n }).value, rate, 1e-6);
      }),
      RUNS,
    );
  });

  it('implied_base undoes growth', () => {
    fc.assert(
      fc.property(positive, fc.double({ min: -99, max: 1000, noNaN: true }), (value, growth) => {
        const base = calculate('implied_base', { value, growth }).value;
        close(calculate('growth_rate', { from: base, to: value }).value, growth, 1e-6);
      }),
      RUNS,
    );
  });

  it('sum and average follow their formulas, whatever the count', () => {
    fc.assert(
      fc.property(fc.array(signed, { minLength: 2, maxLength: 100 }), (values) => {
        const total = values.reduce((t, v) => t + v, 0);
        const scale = Math.max(...values.map(Math.abs)) * values.length;
        const sum = calculate('sum', { values });
        const mean = calculate('average', { values });
        close(sum.value, total, 1e-9, scale);
        close(mean.value * values.length, total, 1e-9, scale);
        expect(mean.value).toBeGreaterThanOrEqual(Math.min(...values) - 1e-9 * scale);
        expect(mean.value).toBeLessThanOrEqual(Math.max(...values) + 1e-9 * scale);
        expect(mean.formula.endsWith(`) / ${values.length}`)).toBe(true);
        expect(sum.formula.split(' + ')).toHaveLength(values.length);
      }),
      RUNS,
    );
  });

  it('sum and average keep percentages as percentages and align currency scales', () => {
    const pct = fc.double({ min: -1000, max: 1000, noNaN: true });
    const millions = fc.integer({ min: -1e6, max: 1e6 });
    fc.assert(
      fc.property(
        fc.array(pct, { minLength: 2, maxLength: 20 }),
        fc.array(millions, { minLength: 2, maxLength: 20 }),
        (ps, ms) => {
          for (const op of ['sum', 'average'] as const) {
            expect(calculate(op, { values: ps.map((p) => ({ value: p, unit: '%' })) }).unit).toBe('%');
            expect(calculate(op, { values: ps.map((p) => `${p.toFixed(3)}%`) }).unit).toBe('%');
          }
          const mixed = ms.map((m, i) => (i % 2 ? `US$${m / 1000} billion` : `US$${m} million`));
          const r = calculate('sum', { values: mixed });
          const factor =
            r.unit === 'USD billion' ? 1e3 : r.unit === 'USD thousand' ? 1e-3 : r.unit === 'USD' ? 1e-6 : 1;
          expect(r.unit === null || r.unit.startsWith('USD')).toBe(true);
          close(
            r.value * factor,
            ms.reduce((t, m) => t + m, 0),
            1e-9,
            Math.max(1, ...ms.map(Math.abs)) * ms.length,
          );
        },
      ),
      RUNS,
    );
  });

  it('echoes only the arguments the operation knows, shallowly', () => {
    fc.assert(
      fc.property(positive, positive, fc.jsonValue(), (a, b, junk) => {
        const r = calculate('ratio', { a, b, junk, nested: { deep: [junk] } });
        expect(Object.keys(r.args).sort()).toEqual(['a', 'b']);
      }),
      { numRuns: 50 },
    );
  });
});
