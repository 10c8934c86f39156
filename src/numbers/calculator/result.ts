import { amountUnitLabel, formatAmount, formatMultiple, formatPercent, formatPp } from '../format.js';
import { CHINESE_SCALES, clean, readableScale } from '../quantity.js';
import type { CommonUnit } from './args.js';
import type { CalcOp } from './schemas.js';

/** Result of one calculator operation. */
export interface CalcResult {
  op: CalcOp;
  args: Record<string, unknown>;
  /** Unrounded result, expressed in `unit`. */
  value: number;
  /** Rounded for people: "10.12%", "1.62×", "US$1.3 billion", "+2.5 pp". */
  display: string;
  /** '%', 'pp', 'x', a currency/scale descriptor such as "USD billion", or null for a plain number. */
  unit: string | null;
  /** Human-readable computation, e.g. "(3.4 / 2.1)^(1/5) - 1". */
  formula: string;
}

/** A result before the operation and its arguments are attached. */
export type Outcome = Omit<CalcResult, 'op' | 'args'>;

/** A percentage result. */
export const percentOut = (value: number, formula: string): Outcome => ({
  value,
  display: formatPercent(value),
  unit: '%',
  formula,
});

/** An amount result in `unit`: percentage points for percentages, a multiple, or a currency and scale at a readable scale. */
export function amountOut(value: number, unit: CommonUnit, formula: string, ppDecimals = 1): Outcome {
  if (unit.unit === '%' || unit.unit === 'pp') {
    return { value, display: formatPp(value, ppDecimals), unit: 'pp', formula };
  }
  if (unit.unit === 'x') return { value, display: formatMultiple(value), unit: 'x', formula };
  if (unit.written) {
    const { scale, times } = CHINESE_SCALES[unit.written];
    return {
      value: clean(value * times),
      display: formatAmount(value, unit, 4, ppDecimals),
      unit: amountUnitLabel({ currency: unit.currency, scale }),
      formula,
    };
  }
  const readable = readableScale(value, unit.scale);
  const shown = { currency: unit.currency, scale: readable.scale };
  const decimals = readable.scale === unit.scale ? ppDecimals : 0;
  return {
    value: readable.value,
    display: formatAmount(readable.value, shown, 4, decimals),
    unit: amountUnitLabel(shown),
    formula,
  };
}

/** A level result: a percentage when `unit` is one, else an amount as {@link amountOut} shows it. */
export function levelOut(value: number, unit: CommonUnit, formula: string, decimals = 0): Outcome {
  if (unit.unit === '%') return { value, display: formatPercent(value), unit: '%', formula };
  return amountOut(value, unit, formula, decimals);
}

/** The formula with the unit alignment's note, if any, in brackets. */
export const withNote = (formula: string, note?: string) => (note ? `${formula} [${note}]` : formula);
