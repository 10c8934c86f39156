import type { CaseResult, LatencySummary, Metrics } from '../suite/types.js';

/** `num / den`, or null when there is nothing to divide by. */
export function ratio(num: number, den: number): number | null {
  return den > 0 ? num / den : null;
}

/** Nearest-rank percentile (`p` in 0..100) of `values`; null when empty. */
export function percentile(values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? null;
}

/** p50 and p95 of the cases' latencies. */
export function latencySummary(results: readonly CaseResult[]): LatencySummary {
  const values = results.map((r) => r.latencyMs);
  return { p50: percentile(values, 50), p95: percentile(values, 95) };
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const count = <T>(xs: readonly T[], pred: (x: T) => boolean) => xs.filter(pred).length;

/** Aggregates case results into the metrics defined in eval/README.md. */
export function computeMetrics(results: readonly CaseResult[]): Metrics {
  const passed = count(results, (r) => r.passed);
  const withNumber = results.filter((r) => r.stats.numberMatched !== null);
  const citesFound = results.flatMap((r) => r.stats.citesFound);
  const retrieved = results.filter((r) => r.retrieval !== null);
  const retrievedCites = retrieved.flatMap((r) => r.retrieval?.citesFound ?? []);
  const abstained = results.filter((r) => r.abstained === true);
  const expectAbstain = results.filter((r) => r.expect.abstain === true);

  return {
    cases: results.length,
    passed,
    errors: count(results, (r) => r.error !== undefined),
    answerAccuracy: ratio(passed, results.length),
    numericAccuracy: ratio(
      count(withNumber, (r) => r.stats.numberMatched === true),
      withNumber.length,
    ),
    citationPrecision: ratio(
      sum(results.map((r) => r.stats.relevantCitations)),
      sum(results.map((r) => r.stats.citations)),
    ),
    citationRecall: ratio(count(citesFound, Boolean), citesFound.length),
    retrievalRecallAtK: ratio(count(retrievedCites, Boolean), retrievedCites.length),
    mrr: ratio(sum(retrieved.map((r) => (r.retrieval?.firstRank ? 1 / r.retrieval.firstRank : 0))), retrieved.length),
    abstentionPrecision: ratio(
      count(abstained, (r) => r.expect.abstain === true),
      abstained.length,
    ),
    abstentionRecall: ratio(
      count(expectAbstain, (r) => r.abstained === true),
      expectAbstain.length,
    ),
    checkCoverage: ratio(
      sum(results.map((r) => r.stats.backedNumbers)),
      sum(results.map((r) => r.stats.answerNumbers)),
    ),
    latencyMs: latencySummary(results),
  };
}
