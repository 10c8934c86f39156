import { computeSquadMetrics } from './metrics.js';
import type { SquadMetrics, SquadReport, SquadResult, SquadRunInfo } from './types.js';

/** Builds the JSON report: overall metrics, metrics per article (in dataset order) and every question. */
export function buildSquadReport(
  results: readonly SquadResult[],
  run: SquadRunInfo,
  articleOrder: readonly string[] = [],
): SquadReport {
  const groups = new Map<string, SquadResult[]>(articleOrder.map((a) => [a, []]));
  for (const r of results) groups.set(r.article, [...(groups.get(r.article) ?? []), r]);
  const byArticle: Record<string, SquadMetrics> = {};
  for (const [article, rs] of groups) if (rs.length) byArticle[article] = computeSquadMetrics(rs);
  return { kind: 'squad2', run, summary: computeSquadMetrics(results), byArticle, questions: [...results] };
}
