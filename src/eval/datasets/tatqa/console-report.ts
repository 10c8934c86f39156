import pc from 'picocolors';
import { formatMs, formatRatio } from '../../reports/metric-format.js';
import { columnAligner } from '../../reports/text-table.js';
import { BY_ANSWER_FROM, BY_ANSWER_TYPE, BY_DERIVATION, type GroupKind, TATQA_LABELS, TATQA_NAMES } from './labels.js';
import {
  TATQA_RATIO_METRICS,
  TATQA_SUMMARY_METRICS,
  type TatqaMetrics,
  type TatqaReport,
  type TatqaResult,
} from './types.js';

/** `n (p%)` of a count out of a total. */
const share = (n: number, of: number) => `${n}${of ? ` (${((n / of) * 100).toFixed(1)}%)` : ''}`;

/** The overall metrics, one per line, then where the predicted numbers came from. */
export function formatTatqaSummary(report: TatqaReport): string {
  const m = report.summary;
  const { run } = report;
  const width = Math.max(...TATQA_SUMMARY_METRICS.map((k) => TATQA_NAMES[k].length), 'latency p50 / p95'.length);
  const sampled = run.limit !== null ? `, sampled with seed ${run.seed}` : '';
  const oneOp = (k: string) => (k === 'oneOpArithmeticAccuracy' ? pc.dim(`  (${m.oneOpArithmetic} questions)`) : '');
  return [
    pc.bold(
      `TAT-QA: ${m.questions} questions of ${run.total} (${run.documents} documents) in ${run.file}${sampled}; scope ${run.scope}`,
    ),
    ...TATQA_SUMMARY_METRICS.map(
      (k) => `  ${TATQA_NAMES[k].padEnd(width)}  ${formatRatio(m[k]).padStart(6)}${oneOp(k)}`,
    ),
    `  ${'latency p50 / p95'.padEnd(width)}  ${formatMs(m.latencyMs.p50)} / ${formatMs(m.latencyMs.p95)}`,
    `  numbers (${m.numeric} arithmetic/count): ${share(m.fromCheck, m.numeric)} from a computed check, ${share(m.fromText, m.numeric)} from the answer text, ${share(m.noNumber, m.numeric)} none`,
    `  ${m.correct} correct, ${m.abstained} abstained, ${m.errors} errors`,
  ].join('\n');
}

const HEAD = ['', 'n', 'correct', ...TATQA_RATIO_METRICS.map((k) => TATQA_LABELS[k]), 'check/text/none', 'p50', 'p95'];

function cells(name: string, m: TatqaMetrics): string[] {
  const sources = m.numeric ? `${m.fromCheck}/${m.fromText}/${m.noNumber}` : '—';
  return [
    name,
    String(m.questions),
    String(m.correct),
    ...TATQA_RATIO_METRICS.map((k) => formatRatio(m[k])),
    sources,
    formatMs(m.latencyMs.p50),
    formatMs(m.latencyMs.p95),
  ];
}

/** One group table (an `all` row first), e.g. by answer type. */
export function formatGroupTable<K extends string>(
  kind: GroupKind<K>,
  groups: Partial<Record<K, TatqaMetrics>>,
  all: TatqaMetrics,
  allLabel = 'all',
): string {
  const rows = [
    cells(allLabel, all),
    ...Object.entries(groups).map(([k, m]) => cells(kind.label(k as K), m as TatqaMetrics)),
  ];
  const head = [kind.heading, ...HEAD.slice(1)];
  const table = [head, ...rows];
  const line = columnAligner(table);
  const rule = pc.dim('─'.repeat(line(head).length));
  return [pc.bold(line(head)), rule, line(rows[0] ?? []), rule, ...rows.slice(1).map(line)].join('\n');
}

/** The three group tables: by answer type, by derivation form (arithmetic only, against all arithmetic) and by answer source. */
export function formatTatqaGroups(report: TatqaReport): string {
  const arithmetic = report.byAnswerType.arithmetic;
  return [
    formatGroupTable(BY_ANSWER_TYPE, report.byAnswerType, report.summary),
    ...(arithmetic ? [formatGroupTable(BY_DERIVATION, report.byDerivation, arithmetic, 'all arithmetic')] : []),
    formatGroupTable(BY_ANSWER_FROM, report.byAnswerFrom, report.summary),
  ].join('\n\n');
}

/** The first `max` failed questions with the gold, the prediction and why, and how many more there are. */
export function formatTatqaFailures(results: readonly TatqaResult[], max = 20): string {
  const failed = results.filter((r) => !r.passed);
  if (!failed.length) return pc.green('All questions correct.');
  const shown = failed
    .slice(0, max)
    .map(
      (r) =>
        `${pc.red('✗')} ${pc.bold(r.id)} ${pc.dim(`[${r.answerType}${r.form ? ` ${r.form}` : ''}, ${r.docTitle}] ${r.question}`)}\n    ${r.why ?? 'failed'}`,
    );
  const more = failed.length > max ? [pc.dim(`… and ${failed.length - max} more (see --json, --junit or --html)`)] : [];
  return [
    pc.bold(`Failed questions (${failed.length}; first ${Math.min(max, failed.length)})`),
    ...shown,
    ...more,
  ].join('\n');
}
