import { z } from 'zod';
import { DROP_THRESHOLD, parseReportJson, readBaselineFile } from '../baseline.js';
import { LOWER_IS_BETTER, SQUAD_RATIO_METRICS, type SquadRatioMetric, type SquadReport } from './types.js';

const ratio = z.number().nullable().optional();
const MetricsShape = z.object(Object.fromEntries(SQUAD_RATIO_METRICS.map((k) => [k, ratio])) as Record<SquadRatioMetric, typeof ratio>);

/** The parts of an earlier SQuAD `--json` report that the comparison reads. */
export const SquadBaselineSchema = z.object({
  kind: z.literal('squad2'),
  summary: MetricsShape,
  byArticle: z.record(z.string(), MetricsShape).optional(),
  questions: z.array(z.object({ id: z.string(), passed: z.boolean() })),
});

/** A parsed SQuAD baseline. */
export type SquadBaseline = z.infer<typeof SquadBaselineSchema>;

/** A metric that got worse by more than the threshold (fell, or rose for the false-abstention rate). */
export interface SquadMetricChange {
  /** `all` or `article:<title>`. */
  scope: string;
  metric: SquadRatioMetric;
  before: number;
  after: number;
}

/** How a SQuAD run differs from its baseline. */
export interface SquadBaselineDiff {
  /** Passed in the baseline, fail now. */
  regressions: string[];
  /** Failed in the baseline, pass now. */
  fixes: string[];
  worse: SquadMetricChange[];
  /** Questions asked now that the baseline does not have (another --limit or --seed). */
  newQuestions: number;
  /** Baseline questions not asked now; with `newQuestions`, non-zero means the metrics compare different samples. */
  missingQuestions: number;
}

/** Parses a SQuAD baseline report; a file that is not one is an AppError('bad_request') saying why. */
export function parseSquadBaseline(text: string, file: string): SquadBaseline {
  return parseReportJson(text, file, SquadBaselineSchema, 'a --dataset squad2 --json report');
}

/** Reads and parses a SQuAD baseline file. */
export function readSquadBaseline(file: string): Promise<SquadBaseline> {
  return readBaselineFile(file, parseSquadBaseline);
}

function worse(scope: string, before: SquadBaseline['summary'], after: SquadBaseline['summary'], threshold: number): SquadMetricChange[] {
  return SQUAD_RATIO_METRICS.flatMap((metric) => {
    const b = before[metric];
    const a = after[metric];
    if (typeof b !== 'number' || typeof a !== 'number') return [];
    const loss = LOWER_IS_BETTER.has(metric) ? a - b : b - a;
    return loss > threshold + 1e-12 ? [{ scope, metric, before: b, after: a }] : [];
  });
}

/** Compares a run with a baseline: questions that flipped pass/fail, and metrics (overall and per article) that got worse by more than `threshold`. */
export function diffSquadBaseline(baseline: SquadBaseline, current: SquadReport, threshold = DROP_THRESHOLD): SquadBaselineDiff {
  const before = new Map(baseline.questions.map((q) => [q.id, q.passed]));
  const asked = new Set(current.questions.map((q) => q.id));
  const articleChanges = Object.entries(current.byArticle).flatMap(([article, m]) => {
    const prev = baseline.byArticle?.[article];
    return prev ? worse(`article:${article}`, prev, m, threshold) : [];
  });
  return {
    regressions: current.questions.filter((q) => before.get(q.id) === true && !q.passed).map((q) => q.id),
    fixes: current.questions.filter((q) => before.get(q.id) === false && q.passed).map((q) => q.id),
    worse: [...worse('all', baseline.summary, current.summary, threshold), ...articleChanges],
    newQuestions: current.questions.filter((q) => !before.has(q.id)).length,
    missingQuestions: baseline.questions.filter((q) => !asked.has(q.id)).length,
  };
}
