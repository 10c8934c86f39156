import pc from 'picocolors';
import { formatMs, formatRatio } from '../../reports/metric-format.js';
import { columnAligner } from '../../reports/text-table.js';
import { formatDatasetBaselineDiff } from '../baseline.js';
import type { SquadBaselineDiff } from './baseline.js';
import { ARTICLE_COLUMNS, SQUAD_LABELS, SQUAD_NAMES } from './labels.js';
import { failureReasons } from './score-question.js';
import { SQUAD_RATIO_METRICS, type SquadMetrics, type SquadReport, type SquadResult } from './types.js';

/** `n (p%)` of a count out of a total. */
const share = (n: number, of: number) => `${n}${of ? ` (${((n / of) * 100).toFixed(1)}%)` : ''}`;

/** The overall metrics, one per line, then how many predictions came from `short` and from the fallback. */
export function formatSquadSummary(report: SquadReport): string {
  const m = report.summary;
  const width = Math.max(...SQUAD_RATIO_METRICS.map((k) => SQUAD_NAMES[k].length));
  const answered = m.fromShort + m.fromFallback;
  return [
    pc.bold(
      `SQuAD v2.0: ${m.questions} questions (${m.hasAns} answerable, ${m.noAns} unanswerable) of ${report.run.total} in ${report.run.file}`,
    ),
    ...SQUAD_RATIO_METRICS.map((k) => `  ${SQUAD_NAMES[k].padEnd(width)}  ${formatRatio(m[k]).padStart(6)}`),
    `  ${'latency p50 / p95'.padEnd(width)}  ${formatMs(m.latencyMs.p50)} / ${formatMs(m.latencyMs.p95)}`,
    `  predictions: ${share(m.fromShort, answered)} from short, ${share(m.fromFallback, answered)} from the first sentence; ${m.abstained} abstained, ${m.errors} errors`,
  ].join('\n');
}

const HEAD = ['article', 'n', ...ARTICLE_COLUMNS.map((k) => SQUAD_LABELS[k]), 'p50', 'p95'];

function cells(name: string, m: SquadMetrics): string[] {
  return [
    name,
    String(m.questions),
    ...ARTICLE_COLUMNS.map((k) => formatRatio(m[k])),
    formatMs(m.latencyMs.p50),
    formatMs(m.latencyMs.p95),
  ];
}

/** The per-article table (with an `all` row first). */
export function formatArticleTable(report: SquadReport): string {
  const rows = [cells('all', report.summary), ...Object.entries(report.byArticle).map(([a, m]) => cells(a, m))];
  const table = [HEAD, ...rows];
  const line = columnAligner(table);
  const rule = pc.dim('─'.repeat(line(HEAD).length));
  return [pc.bold(line(HEAD)), rule, line(rows[0] ?? []), rule, ...rows.slice(1).map(line)].join('\n');
}

/** The first `max` failed questions with their reasons, and how many more there are. */
export function formatSquadFailures(results: readonly SquadResult[], max = 20): string {
  const failed = results.filter((r) => !r.passed);
  if (!failed.length) return pc.green('All questions passed.');
  const shown = failed
    .slice(0, max)
    .map((r) => `${pc.red('✗')} ${pc.bold(r.id)} ${pc.dim(r.question)}\n    ${failureReasons(r).join('; ')}`);
  const more = failed.length > max ? [pc.dim(`… and ${failed.length - max} more (see --json, --junit or --html)`)] : [];
  return [
    pc.bold(`Failed questions (${failed.length}; first ${Math.min(max, failed.length)})`),
    ...shown,
    ...more,
  ].join('\n');
}

/** Changes since the baseline: how many questions flipped each way (the first `max` ids of each) and metrics that got worse. */
export function formatSquadBaselineDiff(diff: SquadBaselineDiff, file: string, max = 20): string {
  return formatDatasetBaselineDiff(diff, file, max);
}
