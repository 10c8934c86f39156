/**
 * The `p`-th percentile (0-100) of `values` by linear interpolation between closest ranks
 * (the same definition as NumPy's default); NaN for an empty list.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0-100, got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Arithmetic mean; NaN for an empty list. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Latency summary in milliseconds. */
export interface LatencySummary {
  count: number;
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
}

/** Mean, median and 99th percentile of `samples` (milliseconds). */
export function summarize(samples: readonly number[]): LatencySummary {
  return {
    count: samples.length,
    meanMs: mean(samples),
    p50Ms: percentile(samples, 50),
    p99Ms: percentile(samples, 99),
  };
}

/** A ranked hit: an item id and its similarity. */
export interface RankedId {
  index: number;
  score: number;
}

/**
 * Recall@k of an approximate result against the exact top k: the fraction of `exact` matched by
 * `approx`. An approximate hit counts when it is one of the exact ids or ties the k-th exact
 * score within `tieEpsilon` (equally similar items are interchangeable). Empty `exact` = 1.
 */
export function recallAtK(approx: readonly RankedId[], exact: readonly RankedId[], tieEpsilon = 1e-6): number {
  if (exact.length === 0) return 1;
  const ids = new Set(exact.map((e) => e.index));
  const floor = Math.min(...exact.map((e) => e.score)) - tieEpsilon;
  let hit = 0;
  for (const a of approx.slice(0, exact.length)) if (ids.has(a.index) || a.score >= floor) hit++;
  return Math.min(1, hit / exact.length);
}

/** NFKC form used to match support strings against passage text. */
function norm(text: string): string {
  return text.normalize('NFKC');
}

/** True when one of the first `k` passages contains (verbatim, after NFKC) any of `needles`. */
export function hitAtK(passages: readonly string[], needles: readonly string[], k: number): boolean {
  const wanted = needles.map(norm);
  return passages.slice(0, k).some((p) => {
    const text = norm(p);
    return wanted.some((n) => text.includes(n));
  });
}

/** Rounds to `digits` decimals (keeps NaN). */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
