import { decimalsOf, formatOperand as f, formatMultiple, formatPp } from '../format.js';
import {
  align,
  alignList,
  argError,
  type CommonUnit,
  inWritten,
  readNumber,
  readPercent,
  readQuantities,
  readQuantity,
  requireNumber,
} from './args.js';
import * as math from './math.js';
import { amountOut, levelOut, type Outcome, percentOut, withNote } from './result.js';
import type { CalcOp } from './schemas.js';

/** The arguments of one operation, as given. */
export type Args = Record<string, unknown>;

function positive(op: string, name: string, n: number): number {
  if (!(n > 0)) throw argError(op, name, 'must be > 0');
  return n;
}

function growthAbove(op: string, name: string, n: number): number {
  if (!(n > -100)) throw argError(op, name, 'must be > -100 (percent)');
  return n;
}

function cagrYears(args: Args): number {
  const years = readNumber('cagr', args, 'years');
  const startYear = readNumber('cagr', args, 'startYear');
  const endYear = readNumber('cagr', args, 'endYear');
  if (startYear !== undefined || endYear !== undefined) {
    if (startYear === undefined) throw argError('cagr', 'startYear', 'is required when endYear is given');
    if (endYear === undefined) throw argError('cagr', 'endYear', 'is required when startYear is given');
    const span = endYear - startYear;
    if (!(span > 0)) throw argError('cagr', 'endYear', `must be after 'startYear' (${startYear})`);
    if (years !== undefined && years !== span) {
      throw argError('cagr', 'years', `(${years}) disagrees with endYear - startYear (${span})`);
    }
    return span;
  }
  if (years === undefined) throw argError('cagr', 'years', "is required (or give 'startYear' and 'endYear')");
  return positive('cagr', 'years', years);
}

/** An average is shown to at least this many decimals (trailing zeros dropped): the mean of whole numbers is rarely whole. */
const AVERAGE_DECIMALS = 2;

/** The `values` of `average` or `sum` in one unit, with the most decimals any of them is written with. */
function valuesOf(op: 'average' | 'sum', args: Args): { values: number[]; unit: CommonUnit; decimals: number } {
  const { values, unit } = alignList(op, readQuantities(op, args, 'values'));
  const decimals = Math.max(...values.map((v) => decimalsOf(f(v))));
  return { values, unit, decimals: unit.unit === 'pp' ? Math.min(2, Math.max(1, decimals)) : decimals };
}

/** Each operation's argument checks and computation. */
export const handlers: Record<CalcOp, (args: Args) => Outcome> = {
  growth_rate(args) {
    const {
      a: from,
      b: to,
      note,
    } = align(
      'growth_rate',
      ['from', readQuantity('growth_rate', args, 'from')],
      ['to', readQuantity('growth_rate', args, 'to')],
      args.rate,
    );
    if (from === 0) throw argError('growth_rate', 'from', 'must not be 0');
    const base = from < 0 ? `|${f(from)}|` : f(from);
    return percentOut(math.growthRate(from, to), withNote(`(${f(to)} - ${f(from)}) / ${base}`, note));
  },

  cagr(args) {
    const {
      a: start,
      b: end,
      note,
    } = align(
      'cagr',
      ['start', readQuantity('cagr', args, 'start')],
      ['end', readQuantity('cagr', args, 'end')],
      args.rate,
    );
    positive('cagr', 'start', start);
    if (end < 0) throw argError('cagr', 'end', 'must be >= 0');
    const years = cagrYears(args);
    return percentOut(math.cagr(start, end, years), withNote(`(${f(end)} / ${f(start)})^(1/${f(years)}) - 1`, note));
  },

  annualized_multiple(args) {
    const q = readQuantity('annualized_multiple', args, 'multiple');
    if (q.currency || q.scale || (q.unit && q.unit !== 'x')) {
      throw argError('annualized_multiple', 'multiple', 'must be a multiple such as 4 or "4 times"');
    }
    const multiple = positive('annualized_multiple', 'multiple', q.value);
    const years = positive('annualized_multiple', 'years', requireNumber('annualized_multiple', args, 'years'));
    return percentOut(
      math.annualizedMultiple(multiple, years),
      `${f(multiple)}^(1/${f(years)}) - 1 ["${f(multiple)} times" read as ending at ${f(multiple)}× the start]`,
    );
  },

  pp_change(args) {
    const from = readPercent('pp_change', args, 'from');
    const to = readPercent('pp_change', args, 'to');
    const decimals = Math.min(2, Math.max(1, decimalsOf(f(from)), decimalsOf(f(to))));
    const value = math.ppChange(from, to);
    return { value, display: formatPp(value, decimals), unit: 'pp', formula: `${f(to)} - ${f(from)}` };
  },

  share(args) {
    const {
      a: part,
      b: whole,
      note,
    } = align(
      'share',
      ['part', readQuantity('share', args, 'part')],
      ['whole', readQuantity('share', args, 'whole')],
      args.rate,
    );
    positive('share', 'whole', whole);
    return percentOut(math.share(part, whole), withNote(`${f(part)} / ${f(whole)}`, note));
  },

  implied_whole(args) {
    const part = inWritten(readQuantity('implied_whole', args, 'part'));
    const pct = positive('implied_whole', 'share', readPercent('implied_whole', args, 'share'));
    return levelOut(
      math.impliedWhole(part.value, pct),
      part,
      `${f(part.value)} / (${f(pct)} / 100)`,
      decimalsOf(f(part.value)),
    );
  },

  implied_base(args) {
    const value = inWritten(readQuantity('implied_base', args, 'value'));
    const growth = growthAbove('implied_base', 'growth', readPercent('implied_base', args, 'growth'));
    return levelOut(
      math.impliedBase(value.value, growth),
      value,
      `${f(value.value)} / (1 + ${f(growth)} / 100)`,
      decimalsOf(f(value.value)),
    );
  },

  ratio(args) {
    const { a, b, note } = align(
      'ratio',
      ['a', readQuantity('ratio', args, 'a')],
      ['b', readQuantity('ratio', args, 'b')],
      args.rate,
    );
    if (b === 0) throw argError('ratio', 'b', 'must not be 0');
    const value = math.ratio(a, b);
    return { value, display: formatMultiple(value), unit: 'x', formula: withNote(`${f(a)} / ${f(b)}`, note) };
  },

  difference(args) {
    const { a, b, unit, note } = align(
      'difference',
      ['a', readQuantity('difference', args, 'a')],
      ['b', readQuantity('difference', args, 'b')],
      args.rate,
    );
    const decimals = Math.min(2, Math.max(1, decimalsOf(f(a)), decimalsOf(f(b))));
    return amountOut(math.difference(a, b), unit, withNote(`${f(a)} - ${f(b)}`, note), decimals);
  },

  average(args) {
    const { values, unit, decimals } = valuesOf('average', args);
    return levelOut(
      math.average(values),
      unit,
      `(${values.map(f).join(' + ')}) / ${values.length}`,
      Math.max(decimals, AVERAGE_DECIMALS),
    );
  },

  sum(args) {
    const { values, unit, decimals } = valuesOf('sum', args);
    return levelOut(math.sum(values), unit, values.map(f).join(' + '), decimals);
  },

  product(args) {
    const value = inWritten(readQuantity('product', args, 'value'));
    const times = positive('product', 'times', requireNumber('product', args, 'times'));
    return levelOut(
      math.product(value.value, times),
      value,
      `${f(value.value)} × ${f(times)}`,
      decimalsOf(f(value.value)),
    );
  },

  project(args) {
    const value = inWritten(readQuantity('project', args, 'value'));
    const rate = growthAbove('project', 'rate', readPercent('project', args, 'rate'));
    const years = positive('project', 'years', requireNumber('project', args, 'years'));
    return levelOut(
      math.project(value.value, rate, years),
      value,
      `${f(value.value)} × (1 + ${f(rate)} / 100)^${f(years)}`,
      decimalsOf(f(value.value)),
    );
  },
};
