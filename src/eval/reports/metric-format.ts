import type { Metrics, RatioMetric } from '../suite/types.js';

/** Short column headings for the ratio metrics. */
export const METRIC_LABELS: Record<RatioMetric, string> = {
  answerAccuracy: 'acc',
  numericAccuracy: 'num',
  citationPrecision: 'citeP',
  citationRecall: 'citeR',
  retrievalRecallAtK: 'R@5',
  mrr: 'MRR',
  abstentionPrecision: 'absP',
  abstentionRecall: 'absR',
  checkCoverage: 'chkCov',
};

/** A 0..1 ratio as a percentage with one decimal, or an em dash when undefined. */
export function formatRatio(v: number | null): string {
  return v === null ? '—' : `${(v * 100).toFixed(1)}%`;
}

/** Milliseconds, rounded, or an em dash when undefined. */
export function formatMs(v: number | null): string {
  return v === null ? '—' : `${Math.round(v)} ms`;
}

/** `passed/cases` as text. */
export function formatPassed(m: Metrics): string {
  return `${m.passed}/${m.cases}`;
}
