/** Where a question's scored prediction came from. */
export type PredictionSource = 'short' | 'fallback' | 'abstained' | 'error';

/** The outcome of one SQuAD question. */
export interface SquadResult {
  id: string;
  /** Article title as written in the dataset. */
  article: string;
  question: string;
  /** True for SQuAD's unanswerable (`is_impossible`) questions. */
  impossible: boolean;
  /** Gold answer texts, deduplicated; empty for unanswerable questions. */
  golds: string[];
  /** The text scored by EM/F1: '' when abstained (or the request failed). */
  prediction: string;
  source: PredictionSource;
  exactMatch: number;
  f1: number;
  /** Answerable only: the full answer contains a gold answer (normalised); null for unanswerable. */
  answerContains: boolean | null;
  /** Answerable only: some citation quote contains a gold answer (normalised); null for unanswerable. */
  citationHit: boolean | null;
  abstained: boolean | null;
  /** Answerable: `answerContains`; unanswerable: abstained. */
  passed: boolean;
  answer: string | null;
  quotes: string[];
  latencyMs: number;
  error?: string;
}

/** Aggregate SQuAD metrics over a group of questions; ratios are 0..1, or null when undefined. */
export interface SquadMetrics {
  questions: number;
  hasAns: number;
  noAns: number;
  passed: number;
  abstained: number;
  errors: number;
  /** Predictions taken from the response's `short` span / from the answer's first sentence. */
  fromShort: number;
  fromFallback: number;
  exactMatch: number | null;
  f1: number | null;
  hasAnsExactMatch: number | null;
  hasAnsF1: number | null;
  noAnsExactMatch: number | null;
  noAnsF1: number | null;
  answerContains: number | null;
  hasAnsAccuracy: number | null;
  noAnsAccuracy: number | null;
  /** The `--min-pass` gate: mean of answerContains and noAnsAccuracy (the one defined, if only one is). */
  balancedAccuracy: number | null;
  abstentionPrecision: number | null;
  abstentionRecall: number | null;
  falseAbstentionRate: number | null;
  citationHit: number | null;
  latencyMs: { p50: number | null; p95: number | null };
}

/** Names of the ratio metrics, in display order. */
export const SQUAD_RATIO_METRICS = [
  'exactMatch',
  'f1',
  'hasAnsExactMatch',
  'hasAnsF1',
  'noAnsExactMatch',
  'noAnsF1',
  'answerContains',
  'hasAnsAccuracy',
  'noAnsAccuracy',
  'balancedAccuracy',
  'abstentionPrecision',
  'abstentionRecall',
  'falseAbstentionRate',
  'citationHit',
] as const;

/** A SQuAD ratio metric. */
export type SquadRatioMetric = (typeof SQUAD_RATIO_METRICS)[number];

/** Metrics where a rise, not a fall, is a regression. */
export const LOWER_IS_BETTER: ReadonlySet<SquadRatioMetric> = new Set(['falseAbstentionRate']);

/** How the questions were chosen. */
export interface SquadRunInfo {
  dataset: 'squad2';
  file: string;
  /** Questions in the file. */
  total: number;
  limit: number | null;
  seed: number | null;
  target: string;
}

/** The JSON report of a SQuAD run, written by `--json` and read by `--baseline`. */
export interface SquadReport {
  kind: 'squad2';
  run: SquadRunInfo;
  summary: SquadMetrics;
  byArticle: Record<string, SquadMetrics>;
  questions: SquadResult[];
}
