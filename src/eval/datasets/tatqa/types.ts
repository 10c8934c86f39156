import type { AnswerFrom, AnswerType, TatqaScale } from './dataset.js';
import type { DerivationForm } from './derivation.js';

/**
 * Where a question's scored prediction came from: for numbers the first computed `check` or the first
 * number of the answer's text (`none` when there was no number); for spans `short.text` or the answer's
 * first `sentence`.
 */
export type TatqaSource = 'check' | 'text' | 'none' | 'short' | 'sentence' | 'abstained' | 'error';

/** The outcome of one TAT-QA question. */
export interface TatqaResult {
  /** The question's uid. */
  id: string;
  doc: number;
  docTitle: string;
  question: string;
  answerType: AnswerType;
  answerFrom: AnswerFrom;
  /** The arithmetic derivation's form; null for other answer types. */
  form: DerivationForm | null;
  derivation: string;
  scale: TatqaScale;
  /** The gold answer as people read it, with its scale (`-12.6 million`, `40%`, `"2019" | "2018"`). */
  gold: string;
  /** Gold spans (span, multi-span); empty for numbers. */
  goldSpans: string[];
  /** Gold number (arithmetic, count); null for spans. */
  goldNumber: number | null;
  /** What was scored: the span text, or the number read with its scale; '' when there was none. */
  prediction: string;
  /** The number read (arithmetic, count), in its own scale. */
  predictedNumber: { value: number; scale: TatqaScale } | null;
  source: TatqaSource;
  /** Arithmetic/count: the number is right in its scale; span: exact match; multi-span: the same set of spans. */
  correct: boolean;
  /** Arithmetic/count: the predicted value equals the gold value ignoring scale; null for spans. */
  numberCorrect: boolean | null;
  /** Span and multi-span: 0 or 1, and token F1; null for numbers. */
  exactMatch: number | null;
  f1: number | null;
  abstained: boolean | null;
  /** Equal to `correct` (the pass rule of JUnit, HTML and --baseline). */
  passed: boolean;
  /** Why it failed, in one line; null when it passed. */
  why: string | null;
  answer: string | null;
  latencyMs: number;
  error?: string;
}

/** Aggregate TAT-QA metrics over a group of questions; ratios are 0..1, or null without a denominator. */
export interface TatqaMetrics {
  questions: number;
  correct: number;
  abstained: number;
  errors: number;
  /** Share correct (numbers right in their scale, spans exact). */
  accuracy: number | null;
  /** Arithmetic and count questions, and where their predicted numbers came from. */
  numeric: number;
  fromCheck: number;
  fromText: number;
  noNumber: number;
  /** Of the arithmetic/count questions, the share whose value is right ignoring scale. */
  numberCorrect: number | null;
  /** Span and multi-span questions, and their mean exact match and F1. */
  spans: number;
  exactMatch: number | null;
  f1: number | null;
  /** Share of the questions abstained on (lower is better; abstentions are wrong). */
  abstentionRate: number | null;
  latencyMs: { p50: number | null; p95: number | null };
}

/** The overall metrics, with the headline over the single-operation arithmetic forms. */
export interface TatqaSummary extends TatqaMetrics {
  /** Accuracy over arithmetic questions whose derivation is a difference, change ratio, average, division or sum. */
  oneOpArithmeticAccuracy: number | null;
  oneOpArithmetic: number;
}

/** Ratio metrics of every group, in display order. */
export const TATQA_RATIO_METRICS = ['accuracy', 'numberCorrect', 'exactMatch', 'f1', 'abstentionRate'] as const;
export type TatqaRatioMetric = (typeof TATQA_RATIO_METRICS)[number];

/** Ratio metrics of the summary. */
export const TATQA_SUMMARY_METRICS = [
  'accuracy',
  'oneOpArithmeticAccuracy',
  'numberCorrect',
  'exactMatch',
  'f1',
  'abstentionRate',
] as const;
export type TatqaSummaryMetric = (typeof TATQA_SUMMARY_METRICS)[number];

/** Metrics where a rise, not a fall, is a regression. */
export const LOWER_IS_BETTER: ReadonlySet<TatqaSummaryMetric> = new Set(['abstentionRate']);

/** How the run was made. */
export interface TatqaRunInfo {
  dataset: 'tatqa';
  file: string;
  /** Questions and documents in the file. */
  total: number;
  documents: number;
  limit: number | null;
  seed: number | null;
  /** `document`: each document's questions asked over a corpus of that document alone; `corpus`: one corpus of all. */
  scope: 'document' | 'corpus';
  target: string;
}

/** One failed question, as listed in the report. */
export interface TatqaFailure {
  id: string;
  question: string;
  gold: string;
  prediction: string;
  why: string;
}

/** The JSON report of a TAT-QA run, written by `--json` and read by `--baseline`. */
export interface TatqaReport {
  kind: 'tatqa';
  run: TatqaRunInfo;
  summary: TatqaSummary;
  byAnswerType: Partial<Record<AnswerType, TatqaMetrics>>;
  /** Arithmetic questions only. */
  byDerivation: Partial<Record<DerivationForm, TatqaMetrics>>;
  byAnswerFrom: Partial<Record<AnswerFrom, TatqaMetrics>>;
  failures: TatqaFailure[];
  questions: TatqaResult[];
}
