import { computeMetrics } from '../scoring/metrics.js';
import type { CaseResult, EvalReport, Metrics } from './types.js';

function groupBy(
  results: readonly CaseResult[],
  keys: (r: CaseResult) => readonly string[],
  sort: boolean,
): Record<string, Metrics> {
  const groups = new Map<string, CaseResult[]>();
  for (const r of results) {
    for (const key of keys(r)) groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const names = sort ? [...groups.keys()].sort((a, b) => a.localeCompare(b)) : [...groups.keys()];
  return Object.fromEntries(names.map((key) => [key, computeMetrics(groups.get(key) ?? [])]));
}

/** Builds the JSON report: overall metrics, metrics per tag (sorted) and per suite file (in run order), and every case. */
export function buildReport(results: readonly CaseResult[]): EvalReport {
  return {
    summary: computeMetrics(results),
    byTag: groupBy(results, (r) => [...new Set(r.tags)], true),
    bySuite: groupBy(results, (r) => [r.suite], false),
    cases: [...results],
  };
}
