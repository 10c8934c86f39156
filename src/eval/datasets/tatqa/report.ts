import { ANSWER_FROMS, ANSWER_TYPES } from './dataset.js';
import { DERIVATION_FORMS } from './derivation.js';
import { computeTatqaMetrics, computeTatqaSummary } from './metrics.js';
import type { TatqaFailure, TatqaMetrics, TatqaReport, TatqaResult, TatqaRunInfo } from './types.js';

/** Metrics per key, in `order`, for the keys that have questions. */
function groupBy<K extends string>(
  results: readonly TatqaResult[],
  order: readonly K[],
  key: (r: TatqaResult) => K | null,
): Partial<Record<K, TatqaMetrics>> {
  const out: Partial<Record<K, TatqaMetrics>> = {};
  for (const k of order) {
    const rs = results.filter((r) => key(r) === k);
    if (rs.length) out[k] = computeTatqaMetrics(rs);
  }
  return out;
}

/** The failed questions, in the order asked. */
export function failuresOf(results: readonly TatqaResult[]): TatqaFailure[] {
  return results
    .filter((r) => !r.passed)
    .map((r) => ({ id: r.id, question: r.question, gold: r.gold, prediction: r.prediction, why: r.why ?? 'failed' }));
}

/** Builds the JSON report: overall metrics and the headline, metrics per answer type, derivation form (arithmetic) and answer source, the failures and every question. */
export function buildTatqaReport(results: readonly TatqaResult[], run: TatqaRunInfo): TatqaReport {
  return {
    kind: 'tatqa',
    run,
    summary: computeTatqaSummary(results),
    byAnswerType: groupBy(results, ANSWER_TYPES, (r) => r.answerType),
    byDerivation: groupBy(results, DERIVATION_FORMS, (r) => r.form),
    byAnswerFrom: groupBy(results, ANSWER_FROMS, (r) => r.answerFrom),
    failures: failuresOf(results),
    questions: [...results],
  };
}
