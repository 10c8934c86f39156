import pc from 'picocolors';
import type { BaselineDiff } from '../suite/baseline.js';
import { type CaseResult, type EvalReport, type Metrics, RATIO_METRICS } from '../suite/types.js';
import { formatMs, formatPassed, formatRatio, METRIC_LABELS } from './metric-format.js';
import { columnAligner } from './text-table.js';

const HEAD = ['', 'passed', ...RATIO_METRICS.map((k) => METRIC_LABELS[k]), 'p50', 'p95'];

function cells(name: string, m: Metrics): string[] {
  return [
    name,
    formatPassed(m),
    ...RATIO_METRICS.map((k) => formatRatio(m[k])),
    formatMs(m.latencyMs.p50),
    formatMs(m.latencyMs.p95),
  ];
}

function accuracyColor(m: Metrics): (s: string) => string {
  const a = m.answerAccuracy;
  if (a === null) return (s) => s;
  return a >= 0.9 ? pc.green : a >= 0.7 ? pc.yellow : pc.red;
}

/** The metrics table: overall, each suite, then each tag (names in the first column). */
export function formatSummaryTable(report: EvalReport): string {
  const rows: Array<[string, Metrics]> = [
    ['all', report.summary],
    ...Object.entries(report.bySuite).map(([n, m]): [string, Metrics] => [`suite:${n}`, m]),
    ...Object.entries(report.byTag),
  ];
  const table = [HEAD, ...rows.map(([n, m]) => cells(n, m))];
  const line = columnAligner(table);
  const breaks = new Set([0, 1, 1 + Object.keys(report.bySuite).length]);
  const rule = pc.dim('─'.repeat(line(HEAD).length));
  return [
    pc.bold(line(HEAD)),
    ...rows.flatMap(([n, m], i) => [...(breaks.has(i) ? [rule] : []), accuracyColor(m)(line(cells(n, m)))]),
  ].join('\n');
}

/** One block per failed case: id, question and its reasons. */
export function formatFailures(results: readonly CaseResult[]): string {
  const failed = results.filter((r) => !r.passed);
  if (!failed.length) return pc.green('All cases passed.');
  return [
    pc.bold(`Failed cases (${failed.length})`),
    ...failed.map(
      (r) => `${pc.red('✗')} ${pc.bold(r.id)} ${pc.dim(r.question)}\n${r.reasons.map((x) => `    ${x}`).join('\n')}`,
    ),
  ].join('\n');
}

/** Changes since the baseline: regressions, fixes and metric drops. */
export function formatBaselineDiff(diff: BaselineDiff, file: string): string {
  const lines = [pc.bold(`Compared with ${file}`)];
  if (!diff.regressions.length && !diff.fixes.length && !diff.drops.length)
    lines.push('  no changes in pass/fail and no metric drops');
  for (const r of diff.regressions)
    lines.push(`  ${pc.red('pass → fail')} ${r.id}${r.reasons[0] ? pc.dim(`  ${r.reasons.join('; ')}`) : ''}`);
  for (const f of diff.fixes) lines.push(`  ${pc.green('fail → pass')} ${f.id}`);
  for (const d of diff.drops) {
    lines.push(
      `  ${pc.yellow('metric drop')} ${d.scope} ${d.metric}: ${formatRatio(d.before)} → ${formatRatio(d.after)}`,
    );
  }
  if (diff.newCases) lines.push(pc.dim(`  ${diff.newCases} case(s) not in the baseline`));
  return lines.join('\n');
}
