import { percentile, ratio } from '../../scoring/metrics.js';
import type { SquadMetrics, SquadResult } from './types.js';

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const count = <T>(xs: readonly T[], pred: (x: T) => boolean) => xs.filter(pred).length;
const mean = (xs: readonly number[]) => ratio(sum(xs), xs.length);

/** Mean of the defined values; null when none is. */
function meanOfDefined(...values: Array<number | null>): number | null {
  const defined = values.filter((v): v is number => v !== null);
  return defined.length ? sum(defined) / defined.length : null;
}

/** Aggregates question results into the SQuAD metrics defined in eval/README.md ("Datasets"). */
export function computeSquadMetrics(results: readonly SquadResult[]): SquadMetrics {
  const hasAns = results.filter((r) => !r.impossible);
  const noAns = results.filter((r) => r.impossible);
  const abstained = results.filter((r) => r.abstained === true);
  const answerContains = ratio(
    count(hasAns, (r) => r.answerContains === true),
    hasAns.length,
  );
  const noAnsAccuracy = ratio(
    count(noAns, (r) => r.abstained === true),
    noAns.length,
  );
  const latencies = results.map((r) => r.latencyMs);
  return {
    questions: results.length,
    hasAns: hasAns.length,
    noAns: noAns.length,
    passed: count(results, (r) => r.passed),
    abstained: abstained.length,
    errors: count(results, (r) => r.error !== undefined),
    fromShort: count(results, (r) => r.source === 'short'),
    fromFallback: count(results, (r) => r.source === 'fallback'),
    exactMatch: mean(results.map((r) => r.exactMatch)),
    f1: mean(results.map((r) => r.f1)),
    hasAnsExactMatch: mean(hasAns.map((r) => r.exactMatch)),
    hasAnsF1: mean(hasAns.map((r) => r.f1)),
    noAnsExactMatch: mean(noAns.map((r) => r.exactMatch)),
    noAnsF1: mean(noAns.map((r) => r.f1)),
    answerContains,
    hasAnsAccuracy: answerContains,
    noAnsAccuracy,
    balancedAccuracy: meanOfDefined(answerContains, noAnsAccuracy),
    abstentionPrecision: ratio(
      count(abstained, (r) => r.impossible),
      abstained.length,
    ),
    abstentionRecall: noAnsAccuracy,
    falseAbstentionRate: ratio(
      count(hasAns, (r) => r.abstained === true),
      hasAns.length,
    ),
    citationHit: ratio(
      count(hasAns, (r) => r.citationHit === true),
      hasAns.length,
    ),
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95) },
  };
}
