import fs from 'node:fs/promises';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { type EvalReport, RATIO_METRICS, type RatioMetric } from './types.js';

const ratio = z.number().nullable().optional();
const MetricsShape = z.object(
  Object.fromEntries(RATIO_METRICS.map((k) => [k, ratio])) as Record<RatioMetric, typeof ratio>,
);

/** The parts of an earlier `--json` report that the comparison reads. */
export const BaselineSchema = z.object({
  summary: MetricsShape,
  bySuite: z.record(z.string(), MetricsShape).optional(),
  cases: z.array(z.object({ id: z.string(), passed: z.boolean(), reasons: z.array(z.string()).optional() })),
});

/** A parsed baseline report. */
export type Baseline = z.infer<typeof BaselineSchema>;

/** A ratio metric that fell by more than the threshold. */
export interface MetricDrop {
  /** `all` or `suite:<name>`. */
  scope: string;
  metric: RatioMetric;
  before: number;
  after: number;
}

/** How a run differs from a baseline. */
export interface BaselineDiff {
  /** Passed in the baseline, failed now (with the current reasons). */
  regressions: Array<{ id: string; reasons: string[] }>;
  /** Failed in the baseline, pass now. */
  fixes: Array<{ id: string }>;
  drops: MetricDrop[];
  /** Cases run now that the baseline does not have. */
  newCases: number;
}

/** Minimum fall of a ratio metric that is reported. */
export const DROP_THRESHOLD = 0.01;

/**
 * Parses the text of an earlier `--json` report against `schema`; text that is not JSON, or not that
 * kind of report (`kind`, e.g. "an eval --json report"), is an AppError('bad_request') naming the file.
 */
export function parseReportJson<T>(text: string, file: string, schema: z.ZodType<T>, kind: string): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new AppError(
      'bad_request',
      `baseline ${file} is not JSON: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid';
  throw new AppError('bad_request', `baseline ${file} is not ${kind} (${where})`);
}

/** Reads a baseline file and parses it with `parse`; an unreadable file is an AppError('bad_request'). */
export async function readBaselineFile<T>(file: string, parse: (text: string, file: string) => T): Promise<T> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    throw new AppError(
      'bad_request',
      `cannot read baseline ${file}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  return parse(text, file);
}

/** Parses the text of a baseline JSON report; a bad file is an AppError('bad_request'). */
export function parseBaseline(text: string, file: string): Baseline {
  return parseReportJson(text, file, BaselineSchema, 'an eval --json report');
}

function drops(
  scope: string,
  before: Baseline['summary'],
  after: Baseline['summary'],
  threshold: number,
): MetricDrop[] {
  return RATIO_METRICS.flatMap((metric) => {
    const b = before[metric];
    const a = after[metric];
    return typeof b === 'number' && typeof a === 'number' && b - a > threshold + 1e-12
      ? [{ scope, metric, before: b, after: a }]
      : [];
  });
}

/** Compares the current report with a baseline: pass→fail and fail→pass cases, and ratio metrics that fell by more than `threshold`. */
export function diffBaseline(baseline: Baseline, current: EvalReport, threshold = DROP_THRESHOLD): BaselineDiff {
  const before = new Map(baseline.cases.map((c) => [c.id, c.passed]));
  const regressions = current.cases
    .filter((c) => before.get(c.id) === true && !c.passed)
    .map((c) => ({ id: c.id, reasons: c.reasons }));
  const fixes = current.cases.filter((c) => before.get(c.id) === false && c.passed).map((c) => ({ id: c.id }));
  const suiteDrops = Object.entries(current.bySuite).flatMap(([name, m]) => {
    const prev = baseline.bySuite?.[name];
    return prev ? drops(`suite:${name}`, prev, m, threshold) : [];
  });
  return {
    regressions,
    fixes,
    drops: [...drops('all', baseline.summary, current.summary, threshold), ...suiteDrops],
    newCases: current.cases.filter((c) => !before.has(c.id)).length,
  };
}
