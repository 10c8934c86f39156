import type { Check } from '../../answer/schema.js';
import type { EvalCase, Expect } from './case-schema.js';

/** A case together with the suite it was loaded from. */
export interface SuiteCase extends EvalCase {
  /** Short suite name (the file name without extension). */
  suite: string;
}

/** The parts of a citation kept in results. */
export interface ResultCitation {
  n: number;
  quote: string;
  speaker: string | null;
  docId: string;
  start: number;
  end: number;
}

/** Per-case counts that the metrics aggregate. */
export interface CaseStats {
  /** Whether a number matched `expect.number`; null when the case has none. */
  numberMatched: boolean | null;
  /** Citations whose quote contains an expected `cites` string or a number stated in the answer. */
  relevantCitations: number;
  citations: number;
  /** For each `expect.cites` string, whether some citation quote contains it. */
  citesFound: boolean[];
  /** Numbers in the answer, excluding years and citation markers. */
  answerNumbers: number;
  /** Of those, the ones found in a cited quote or a check's display/value. */
  backedNumbers: number;
}

/** How `/api/search` ranked the passages for a case's `cites` strings. */
export interface RetrievalResult {
  k: number;
  /** For each `expect.cites` string, whether some top-k passage contains it. */
  citesFound: boolean[];
  /** 1-based rank of the first passage containing any `cites` string; null when none does. */
  firstRank: number | null;
  error?: string;
}

/** The outcome of one case. */
export interface CaseResult {
  id: string;
  suite: string;
  question: string;
  tags: string[];
  expect: Expect;
  passed: boolean;
  /** One readable line per failed expectation (or transport error). */
  reasons: string[];
  answer: string | null;
  abstained: boolean | null;
  mode: string | null;
  citations: ResultCitation[];
  checks: Check[];
  latencyMs: number;
  stats: CaseStats;
  retrieval: RetrievalResult | null;
  error?: string;
}

/** Latency percentiles in milliseconds (null without cases). */
export interface LatencySummary {
  p50: number | null;
  p95: number | null;
}

/** Aggregate metrics over a group of cases; ratios are 0..1, or null when undefined. */
export interface Metrics {
  cases: number;
  passed: number;
  errors: number;
  answerAccuracy: number | null;
  numericAccuracy: number | null;
  citationPrecision: number | null;
  citationRecall: number | null;
  retrievalRecallAtK: number | null;
  mrr: number | null;
  abstentionPrecision: number | null;
  abstentionRecall: number | null;
  checkCoverage: number | null;
  latencyMs: LatencySummary;
}

/** Names of the ratio metrics, in display order. */
export const RATIO_METRICS = [
  'answerAccuracy',
  'numericAccuracy',
  'citationPrecision',
  'citationRecall',
  'retrievalRecallAtK',
  'mrr',
  'abstentionPrecision',
  'abstentionRecall',
  'checkCoverage',
] as const;

/** A metric that is a 0..1 ratio (or null). */
export type RatioMetric = (typeof RATIO_METRICS)[number];

/** The JSON report written by `--json` and read by `--baseline`. */
export interface EvalReport {
  summary: Metrics;
  byTag: Record<string, Metrics>;
  bySuite: Record<string, Metrics>;
  cases: CaseResult[];
}
