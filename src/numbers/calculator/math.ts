/**
 * Pure arithmetic behind the indicator calculator. Inputs are plain numbers already
 * expressed in a common unit; validation happens in the dispatcher.
 */

/** Percent change from `from` to `to`; a negative base is measured against its magnitude. */
export function growthRate(from: number, to: number): number {
  return ((to - from) / Math.abs(from)) * 100;
}

/** Compound annual growth rate in percent: (end / start)^(1 / years) - 1. */
export function cagr(start: number, end: number, years: number): number {
  return ((end / start) ** (1 / years) - 1) * 100;
}

/**
 * Annual growth rate in percent implied by ending at `multiple` times the starting level
 * after `years`: multiple^(1 / years) - 1.
 */
export function annualizedMultiple(multiple: number, years: number): number {
  return (multiple ** (1 / years) - 1) * 100;
}

/** Percentage-point change between two shares given in percent. */
export function ppChange(from: number, to: number): number {
  return to - from;
}

/** `part` as a percent of `whole`. */
export function share(part: number, whole: number): number {
  return (part / whole) * 100;
}

/** The whole of which `part` is `sharePercent` percent. */
export function impliedWhole(part: number, sharePercent: number): number {
  return part / (sharePercent / 100);
}

/** Previous-period value implied by `value` having grown by `growthPercent` percent. */
export function impliedBase(value: number, growthPercent: number): number {
  return value / (1 + growthPercent / 100);
}

/** `a` as a multiple of `b`. */
export function ratio(a: number, b: number): number {
  return a / b;
}

/** `a` minus `b`. */
export function difference(a: number, b: number): number {
  return a - b;
}

/** `value` compounded forward at `ratePercent` per period for `years` periods. */
export function project(value: number, ratePercent: number, years: number): number {
  return value * (1 + ratePercent / 100) ** years;
}

/** `value` taken `times` times. */
export function product(value: number, times: number): number {
  return value * times;
}

/** Total of `values`. */
export function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0);
}

/** Arithmetic mean of `values` (at least one); summed as shares of the count when the plain total overflows. */
export function average(values: readonly number[]): number {
  const total = sum(values);
  if (Number.isFinite(total)) return total / values.length;
  return values.reduce((mean, v) => mean + v / values.length, 0);
}
