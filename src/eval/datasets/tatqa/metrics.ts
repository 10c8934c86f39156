import { percentile, ratio } from '../../scoring/metrics.js';
import { ONE_OPERATION_FORMS } from './derivation.js';
import type { TatqaMetrics, TatqaResult, TatqaSummary } from './types.js';

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const count = <T>(xs: readonly T[], pred: (x: T) => boolean) => xs.filter(pred).length;

/** Aggregates question results into the TAT-QA metrics defined in eval/README.md ("TAT-QA metrics"). */
export function computeTatqaMetrics(results: readonly TatqaResult[]): TatqaMetrics {
  const numeric = results.filter((r) => r.numberCorrect !== null);
  const spans = results.filter((r) => r.exactMatch !== null);
  const latencies = results.map((r) => r.latencyMs);
  return {
    questions: results.length,
    correct: count(results, (r) => r.correct),
    abstained: count(results, (r) => r.abstained === true),
    errors: count(results, (r) => r.error !== undefined),
    accuracy: ratio(
      count(results, (r) => r.correct),
      results.length,
    ),
    numeric: numeric.length,
    fromCheck: count(numeric, (r) => r.source === 'check'),
    fromText: count(numeric, (r) => r.source === 'text'),
    noNumber: count(numeric, (r) => r.source === 'none'),
    numberCorrect: ratio(
      count(numeric, (r) => r.numberCorrect === true),
      numeric.length,
    ),
    spans: spans.length,
    exactMatch: ratio(sum(spans.map((r) => r.exactMatch ?? 0)), spans.length),
    f1: ratio(sum(spans.map((r) => r.f1 ?? 0)), spans.length),
    abstentionRate: ratio(
      count(results, (r) => r.abstained === true),
      results.length,
    ),
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95) },
  };
}

/** The overall metrics plus the headline: accuracy over the single-operation arithmetic questions. */
export function computeTatqaSummary(results: readonly TatqaResult[]): TatqaSummary {
  const oneOp = results.filter((r) => r.form !== null && ONE_OPERATION_FORMS.includes(r.form));
  return {
    ...computeTatqaMetrics(results),
    oneOpArithmeticAccuracy: ratio(
      count(oneOp, (r) => r.correct),
      oneOp.length,
    ),
    oneOpArithmetic: oneOp.length,
  };
}
