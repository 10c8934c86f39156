import pc from 'picocolors';
import { z } from 'zod';
import { formatRatio } from '../reports/metric-format.js';
import { DROP_THRESHOLD } from '../suite/baseline.js';

/** A ratio metric that got worse by more than the threshold (fell, or rose for a lower-is-better metric). */
export interface MetricChange<M extends string> {
  /** `all` or a group, e.g. `article:<title>` or `type:span`. */
  scope: string;
  metric: M;
  before: number;
  after: number;
}

/** How a dataset run differs from its baseline. */
export interface DatasetBaselineDiff<M extends string> {
  /** Passed in the baseline, fail now. */
  regressions: string[];
  /** Failed in the baseline, pass now. */
  fixes: string[];
  worse: Array<MetricChange<M>>;
  /** Questions asked now that the baseline does not have (another --limit or --seed). */
  newQuestions: number;
  /** Baseline questions not asked now; with `newQuestions`, non-zero means the metrics compare different samples. */
  missingQuestions: number;
}

/** Ratio metrics of one scope as read from a baseline report (absent or null when undefined). */
export type RatioValues<M extends string> = Partial<Record<M, number | null | undefined>>;

const ratio = z.number().nullable().optional();

/** The zod shape of a group of optional ratio metrics, for a baseline schema. */
export function ratioMetricsShape<M extends string>(metrics: readonly M[]) {
  return z.object(Object.fromEntries(metrics.map((k) => [k, ratio])) as Record<M, typeof ratio>);
}

/** The metrics of `metrics` that got worse from `before` to `after` by more than `threshold`. */
export function worseMetrics<M extends string>(
  scope: string,
  before: RatioValues<M>,
  after: RatioValues<M>,
  metrics: readonly M[],
  lowerIsBetter: ReadonlySet<M> = new Set(),
  threshold = DROP_THRESHOLD,
): Array<MetricChange<M>> {
  return metrics.flatMap((metric) => {
    const b = before[metric];
    const a = after[metric];
    if (typeof b !== 'number' || typeof a !== 'number') return [];
    const loss = lowerIsBetter.has(metric) ? a - b : b - a;
    return loss > threshold + 1e-12 ? [{ scope, metric, before: b, after: a }] : [];
  });
}

/** Questions that flipped pass/fail between a baseline and a run, and how the two sets of questions differ. */
export function questionFlips(
  baseline: ReadonlyArray<{ id: string; passed: boolean }>,
  current: ReadonlyArray<{ id: string; passed: boolean }>,
): Omit<DatasetBaselineDiff<never>, 'worse'> {
  const before = new Map(baseline.map((q) => [q.id, q.passed]));
  const asked = new Set(current.map((q) => q.id));
  return {
    regressions: current.filter((q) => before.get(q.id) === true && !q.passed).map((q) => q.id),
    fixes: current.filter((q) => before.get(q.id) === false && q.passed).map((q) => q.id),
    newQuestions: current.filter((q) => !before.has(q.id)).length,
    missingQuestions: baseline.filter((q) => !asked.has(q.id)).length,
  };
}

/** Changes since the baseline: how many questions flipped each way (the first `max` ids of each) and metrics that got worse. */
export function formatDatasetBaselineDiff(diff: DatasetBaselineDiff<string>, file: string, max = 20): string {
  const lines = [pc.bold(`Compared with ${file}`)];
  if (!diff.regressions.length && !diff.fixes.length && !diff.worse.length)
    lines.push(`  no questions flipped and no metric got worse by more than ${DROP_THRESHOLD}`);
  const list = (ids: readonly string[]) =>
    `${ids.slice(0, max).join(', ')}${ids.length > max ? `, … (${ids.length - max} more)` : ''}`;
  if (diff.regressions.length)
    lines.push(`  ${pc.red(`pass → fail (${diff.regressions.length})`)} ${list(diff.regressions)}`);
  if (diff.fixes.length) lines.push(`  ${pc.green(`fail → pass (${diff.fixes.length})`)} ${list(diff.fixes)}`);
  for (const w of diff.worse)
    lines.push(
      `  ${pc.yellow('metric worse')} ${w.scope} ${w.metric}: ${formatRatio(w.before)} → ${formatRatio(w.after)}`,
    );
  if (diff.newQuestions || diff.missingQuestions) {
    lines.push(
      pc.yellow(
        `  the baseline asked other questions (${diff.newQuestions} new, ${diff.missingQuestions} not asked now; another --limit or --seed?): metric changes compare different samples`,
      ),
    );
  }
  return lines.join('\n');
}
