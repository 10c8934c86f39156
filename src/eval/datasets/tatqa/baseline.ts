import { z } from 'zod';
import { DROP_THRESHOLD, parseReportJson, readBaselineFile } from '../../suite/baseline.js';
import {
  type DatasetBaselineDiff,
  questionFlips,
  type RatioValues,
  ratioMetricsShape,
  worseMetrics,
} from '../baseline.js';
import { BY_ANSWER_FROM, BY_ANSWER_TYPE, BY_DERIVATION } from './labels.js';
import {
  LOWER_IS_BETTER,
  TATQA_RATIO_METRICS,
  TATQA_SUMMARY_METRICS,
  type TatqaReport,
  type TatqaSummaryMetric,
} from './types.js';

const GroupShape = z.record(z.string(), ratioMetricsShape(TATQA_RATIO_METRICS)).optional();

/** The parts of an earlier TAT-QA `--json` report that the comparison reads. */
export const TatqaBaselineSchema = z.object({
  kind: z.literal('tatqa'),
  summary: ratioMetricsShape(TATQA_SUMMARY_METRICS),
  byAnswerType: GroupShape,
  byDerivation: GroupShape,
  byAnswerFrom: GroupShape,
  questions: z.array(z.object({ id: z.string(), passed: z.boolean() })),
});

/** A parsed TAT-QA baseline. */
export type TatqaBaseline = z.infer<typeof TatqaBaselineSchema>;

/** How a TAT-QA run differs from its baseline; scopes are `all`, `type:<answer_type>`, `form:<form>` and `from:<answer_from>`. */
export type TatqaBaselineDiff = DatasetBaselineDiff<TatqaSummaryMetric>;

/** Parses a TAT-QA baseline report; a file that is not one is an AppError('bad_request') saying why. */
export function parseTatqaBaseline(text: string, file: string): TatqaBaseline {
  return parseReportJson(text, file, TatqaBaselineSchema, 'a --dataset tatqa --json report');
}

/** Reads and parses a TAT-QA baseline file. */
export function readTatqaBaseline(file: string): Promise<TatqaBaseline> {
  return readBaselineFile(file, parseTatqaBaseline);
}

/**
 * Compares a run with a baseline: questions that flipped correct/wrong, and every metric, overall (with
 * the one-operation headline) and per answer type, derivation form and answer source, that got worse by
 * more than `threshold` (a rise, for the abstention rate).
 */
export function diffTatqaBaseline(
  baseline: TatqaBaseline,
  current: TatqaReport,
  threshold = DROP_THRESHOLD,
): TatqaBaselineDiff {
  const groups = (
    scope: string,
    before: Record<string, RatioValues<TatqaSummaryMetric>> | undefined,
    after: Record<string, RatioValues<TatqaSummaryMetric>>,
  ) =>
    Object.entries(after).flatMap(([key, m]) => {
      const prev = before?.[key];
      return prev ? worseMetrics(`${scope}:${key}`, prev, m, TATQA_RATIO_METRICS, LOWER_IS_BETTER, threshold) : [];
    });
  return {
    ...questionFlips(baseline.questions, current.questions),
    worse: [
      ...worseMetrics('all', baseline.summary, current.summary, TATQA_SUMMARY_METRICS, LOWER_IS_BETTER, threshold),
      ...groups(BY_ANSWER_TYPE.scope, baseline.byAnswerType, current.byAnswerType),
      ...groups(BY_DERIVATION.scope, baseline.byDerivation, current.byDerivation),
      ...groups(BY_ANSWER_FROM.scope, baseline.byAnswerFrom, current.byAnswerFrom),
    ],
  };
}
