import { z } from 'zod';
import { DROP_THRESHOLD, parseReportJson, readBaselineFile } from '../../suite/baseline.js';
import {
  type DatasetBaselineDiff,
  type MetricChange,
  questionFlips,
  ratioMetricsShape,
  worseMetrics,
} from '../baseline.js';
import { LOWER_IS_BETTER, SQUAD_RATIO_METRICS, type SquadRatioMetric, type SquadReport } from './types.js';

const MetricsShape = ratioMetricsShape(SQUAD_RATIO_METRICS);

/** The parts of an earlier SQuAD `--json` report that the comparison reads. */
export const SquadBaselineSchema = z.object({
  kind: z.literal('squad2'),
  summary: MetricsShape,
  byArticle: z.record(z.string(), MetricsShape).optional(),
  questions: z.array(z.object({ id: z.string(), passed: z.boolean() })),
});

/** A parsed SQuAD baseline. */
export type SquadBaseline = z.infer<typeof SquadBaselineSchema>;

/** A metric that got worse by more than the threshold (fell, or rose for the false-abstention rate); scope `all` or `article:<title>`. */
export type SquadMetricChange = MetricChange<SquadRatioMetric>;

/** How a SQuAD run differs from its baseline. */
export type SquadBaselineDiff = DatasetBaselineDiff<SquadRatioMetric>;

/** Parses a SQuAD baseline report; a file that is not one is an AppError('bad_request') saying why. */
export function parseSquadBaseline(text: string, file: string): SquadBaseline {
  return parseReportJson(text, file, SquadBaselineSchema, 'a --dataset squad2 --json report');
}

/** Reads and parses a SQuAD baseline file. */
export function readSquadBaseline(file: string): Promise<SquadBaseline> {
  return readBaselineFile(file, parseSquadBaseline);
}

/** Compares a run with a baseline: questions that flipped pass/fail, and metrics (overall and per article) that got worse by more than `threshold`. */
export function diffSquadBaseline(
  baseline: SquadBaseline,
  current: SquadReport,
  threshold = DROP_THRESHOLD,
): SquadBaselineDiff {
  const worse = (scope: string, before: SquadBaseline['summary'], after: SquadBaseline['summary']) =>
    worseMetrics(scope, before, after, SQUAD_RATIO_METRICS, LOWER_IS_BETTER, threshold);
  const articleChanges = Object.entries(current.byArticle).flatMap(([article, m]) => {
    const prev = baseline.byArticle?.[article];
    return prev ? worse(`article:${article}`, prev, m) : [];
  });
  return {
    ...questionFlips(baseline.questions, current.questions),
    worse: [...worse('all', baseline.summary, current.summary), ...articleChanges],
  };
}
