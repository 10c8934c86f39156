import { AppError } from '../../errors.js';
import {
  CURRENCIES,
  type Currency,
  clean,
  type HanScale,
  isBare,
  parseQuantity,
  type Quantity,
  type QuantityUnit,
  type Scale,
  toScale,
  writtenValue,
} from '../quantity.js';

/** Unit shared by aligned operands. */
export interface CommonUnit {
  currency?: Currency | undefined;
  scale?: Scale | undefined;
  unit?: QuantityUnit | undefined;
  /** Every operand was written in this Chinese scale, and the values are in it (812.5 for "812.5亿元"). */
  written?: HanScale | undefined;
}

/** A quantity re-expressed in the Chinese scale it was written in, if any (812.5 in 亿 for "812.5亿元"). */
export function inWritten(q: Quantity): Quantity {
  return q.written ? { ...q, value: writtenValue(q), scale: undefined } : q;
}

/** The Chinese scale all the quantities were written in, if they share one. */
function sharedWritten(qs: readonly Quantity[]): HanScale | undefined {
  const first = qs[0]?.written;
  return first && qs.every((q) => q.written === first) ? first : undefined;
}

/** Two operands expressed in the first operand's currency and scale. */
export interface Aligned {
  a: number;
  b: number;
  unit: CommonUnit;
  /** Set when `b` was converted with an exchange rate. */
  note?: string | undefined;
}

/** AppError('invalid_argument') naming the operation and argument. */
export function argError(op: string, name: string, message: string): AppError {
  return new AppError('invalid_argument', `${op}: '${name}' ${message}`, { op, argument: name });
}

/** Reads a quantity argument. */
export function readQuantity(op: string, args: Record<string, unknown>, name: string): Quantity {
  return parseQuantity(args[name], `${op}: '${name}'`);
}

/** Fewest and most values `average` and `sum` take. */
export const MIN_VALUES = 2;
export const MAX_VALUES = 100;

/** Reads a list argument of 2 to 100 quantities; each item is named `name[i]` in error messages. */
export function readQuantities(op: string, args: Record<string, unknown>, name: string): [string, Quantity][] {
  const raw = args[name];
  const expected = `a list of ${MIN_VALUES} to ${MAX_VALUES} quantities such as ["US$1.2 billion", "US$900 million"] or ["12%", "14%"]`;
  if (raw === undefined || raw === null) throw argError(op, name, `is required (${expected})`);
  if (!Array.isArray(raw)) throw argError(op, name, `must be ${expected}`);
  if (raw.length < MIN_VALUES || raw.length > MAX_VALUES) {
    throw argError(op, name, `must have ${MIN_VALUES} to ${MAX_VALUES} values (got ${raw.length})`);
  }
  return raw.map((v, i) => {
    const item = `${name}[${i}]`;
    try {
      return [item, parseQuantity(v, `${op}: '${item}'`)];
    } catch (err) {
      if (err instanceof AppError) throw new AppError('invalid_argument', err.message, { op, argument: item });
      throw err;
    }
  });
}

/** Reads a plain numeric argument; numeric strings such as "9" or "9 years" are accepted. */
export function readNumber(op: string, args: Record<string, unknown>, name: string): number | undefined {
  const raw = args[name];
  if (raw === undefined || raw === null || raw === '') return undefined;
  const n =
    typeof raw === 'string'
      ? Number(
          raw
            .trim()
            .replace(/\s*years?$/i, '')
            .replace(/,/g, ''),
        )
      : raw;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw argError(op, name, 'must be a finite number');
  return n;
}

/** Reads a required numeric argument. */
export function requireNumber(op: string, args: Record<string, unknown>, name: string): number {
  const n = readNumber(op, args, name);
  if (n === undefined) throw argError(op, name, 'is required');
  return n;
}

/** Reads a share/rate argument given in percent (18 or "18%"). */
export function readPercent(op: string, args: Record<string, unknown>, name: string): number {
  const q = readQuantity(op, args, name);
  if (q.currency || q.scale || (q.unit && q.unit !== '%' && q.unit !== 'pp')) {
    throw argError(op, name, 'must be a percentage such as 18 or "18%"');
  }
  return q.value;
}

function dimension(q: Quantity): string {
  if (q.currency) return q.currency;
  return q.unit ?? 'number';
}

function describeDimension(q: Quantity): string {
  if (q.currency) return `a ${q.currency} amount`;
  if (q.unit === '%') return 'a percentage';
  if (q.unit === 'pp') return 'a percentage-point value';
  if (q.unit === 'x') return 'a multiple';
  return 'a plain number';
}

function rateFactor(op: string, rate: unknown, aCur: Currency, bCur: Currency): { factor: number; note: string } {
  if (typeof rate === 'number' || typeof rate === 'string') {
    const r = Number(rate);
    if (!Number.isFinite(r) || r <= 0) throw argError(op, 'rate', 'must be a positive number');
    return { factor: r, note: `${bCur} converted at 1 ${bCur} = ${clean(r)} ${aCur}` };
  }
  if (rate && typeof rate === 'object') {
    const { from, to, value } = rate as Record<string, unknown>;
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      throw argError(op, 'rate', "must have a positive numeric 'value'");
    }
    if (!CURRENCIES.includes(from as Currency) || !CURRENCIES.includes(to as Currency)) {
      throw argError(op, 'rate', `needs 'from' and 'to' currency codes (${CURRENCIES.join(', ')})`);
    }
    const note = `${bCur} converted at 1 ${String(from)} = ${clean(value)} ${String(to)}`;
    if (from === bCur && to === aCur) return { factor: value, note };
    if (from === aCur && to === bCur) return { factor: 1 / value, note };
    throw argError(op, 'rate', `converts ${String(from)} to ${String(to)} but the operands are ${aCur} and ${bCur}`);
  }
  throw argError(op, 'rate', 'must be a number or {from, to, value}');
}

/** A bare number takes the other's unit; an unlabelled amount takes the other's currency. */
function inherit(x: Quantity, other: Quantity): Quantity {
  if (isBare(x)) return { ...other, value: x.value };
  if (!x.currency && !x.unit && other.currency) return { ...x, currency: other.currency };
  return x;
}

/**
 * Expresses two operands in a common unit (the first operand's currency and scale).
 * Missing units are taken from the other operand; different currencies need `rate`.
 */
export function align(
  op: string,
  [nameA, qa]: [string, Quantity],
  [nameB, qb]: [string, Quantity],
  rate?: unknown,
): Aligned {
  const a = inherit(qa, qb);
  const b = inherit(qb, qa);
  if (a.currency && b.currency && a.currency !== b.currency) {
    if (rate === undefined || rate === null) {
      throw new AppError(
        'invalid_argument',
        `${op}: cannot combine ${a.currency} ('${nameA}') with ${b.currency} ('${nameB}') without an exchange 'rate'`,
        { op, argument: nameB },
      );
    }
    const { factor, note } = rateFactor(op, rate, a.currency, b.currency);
    const scale = a.scale ?? b.scale;
    return { a: toScale(a, scale), b: clean(toScale(b, scale) * factor), unit: { currency: a.currency, scale }, note };
  }
  if (dimension(a) !== dimension(b)) {
    throw new AppError(
      'invalid_argument',
      `${op}: '${nameA}' is ${describeDimension(a)} but '${nameB}' is ${describeDimension(b)}`,
      { op, argument: nameB },
    );
  }
  const written = sharedWritten([a, b]);
  if (written) return { a: writtenValue(a), b: writtenValue(b), unit: { currency: a.currency, unit: a.unit, written } };
  const scale = a.scale ?? b.scale;
  return { a: toScale(a, scale), b: toScale(b, scale), unit: { currency: a.currency, scale, unit: a.unit } };
}

/** Several operands expressed in one unit. */
export interface AlignedList {
  values: number[];
  unit: CommonUnit;
}

/**
 * Expresses several operands in one unit: the currency or unit of the first operand that has one,
 * and the first scale given. A bare number takes that operand's unit and scale, an unlabelled amount
 * its currency; different currencies or kinds (money, percent, multiple, plain number) are refused,
 * naming the operand that does not fit.
 */
export function alignList(op: string, operands: readonly [string, Quantity][]): AlignedList {
  let refIndex = operands.findIndex(([, q]) => q.currency || q.unit);
  if (refIndex < 0)
    refIndex = Math.max(
      0,
      operands.findIndex(([, q]) => q.scale),
    );
  const [refName, ref] = operands[refIndex] ?? ['', { value: 0 }];
  const inherited = operands.map(([, q], i) => (i === refIndex ? ref : inherit(q, ref)));
  inherited.forEach((q, i) => {
    if (i === refIndex) return;
    const name = operands[i]![0];
    if (ref.currency && q.currency && q.currency !== ref.currency) {
      throw new AppError(
        'invalid_argument',
        `${op}: cannot combine ${ref.currency} ('${refName}') with ${q.currency} ('${name}'); give every value in one currency`,
        { op, argument: name },
      );
    }
    const r = inherit(ref, q);
    if (dimension(r) !== dimension(q)) {
      const [first, second] =
        i < refIndex
          ? ([
              [name, q],
              [refName, r],
            ] as const)
          : ([
              [refName, r],
              [name, q],
            ] as const);
      throw new AppError(
        'invalid_argument',
        `${op}: '${first[0]}' is ${describeDimension(first[1])} but '${second[0]}' is ${describeDimension(second[1])}`,
        { op, argument: name },
      );
    }
  });
  const written = sharedWritten(inherited);
  if (written)
    return { values: inherited.map(writtenValue), unit: { currency: ref.currency, unit: ref.unit, written } };
  const scale = inherited.map((q) => q.scale).find((s) => s !== undefined);
  return { values: inherited.map((q) => toScale(q, scale)), unit: { currency: ref.currency, scale, unit: ref.unit } };
}
