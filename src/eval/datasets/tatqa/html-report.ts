import { barChartSvg } from '../../reports/bar-chart.js';
import { escapeHtml as h } from '../../reports/escape.js';
import { htmlDocument } from '../../reports/html-report.js';
import { formatMs, formatRatio } from '../../reports/metric-format.js';
import { BY_ANSWER_FROM, BY_ANSWER_TYPE, BY_DERIVATION, type GroupKind, TATQA_LABELS, TATQA_NAMES } from './labels.js';
import {
  TATQA_RATIO_METRICS,
  TATQA_SUMMARY_METRICS,
  type TatqaMetrics,
  type TatqaReport,
  type TatqaResult,
  type TatqaSummary,
} from './types.js';

/** Failed questions shown in full; the rest are only in the table of all questions. */
const MAX_FAILED_BLOCKS = 300;

function summaryTable(m: TatqaSummary): string {
  const rows = TATQA_SUMMARY_METRICS.map(
    (k) => `<tr><td>${h(TATQA_NAMES[k])}</td><td>${h(formatRatio(m[k]))}</td></tr>`,
  );
  const counts = [
    ['questions / correct', `${m.questions} / ${m.correct}`],
    ['one-operation arithmetic questions', String(m.oneOpArithmetic)],
    ['numbers from a computed check / the answer text / none', `${m.fromCheck} / ${m.fromText} / ${m.noNumber}`],
    ['abstained / errors', `${m.abstained} / ${m.errors}`],
    ['latency p50 / p95', `${formatMs(m.latencyMs.p50)} / ${formatMs(m.latencyMs.p95)}`],
  ].map(([k, v]) => `<tr><td>${h(k ?? '')}</td><td>${h(v ?? '')}</td></tr>`);
  return `<table><tbody>${[...rows, ...counts].join('')}</tbody></table>`;
}

function groupTable<K extends string>(
  kind: GroupKind<K>,
  groups: Partial<Record<K, TatqaMetrics>>,
  all: TatqaMetrics,
  allLabel: string,
): string {
  const head = [
    kind.heading,
    'n',
    'correct',
    ...TATQA_RATIO_METRICS.map((k) => TATQA_LABELS[k]),
    'check / text / none',
    'p50',
    'p95',
  ];
  const row = (name: string, m: TatqaMetrics) =>
    `<tr><td>${h(name)}</td><td>${m.questions}</td><td>${m.correct}</td>${TATQA_RATIO_METRICS.map((k) => `<td>${h(formatRatio(m[k]))}</td>`).join('')}<td>${m.numeric ? `${m.fromCheck} / ${m.fromText} / ${m.noNumber}` : '—'}</td><td>${h(formatMs(m.latencyMs.p50))}</td><td>${h(formatMs(m.latencyMs.p95))}</td></tr>`;
  const rows = [
    row(allLabel, all),
    ...Object.entries(groups).map(([k, m]) => row(kind.label(k as K), m as TatqaMetrics)),
  ];
  return `<table><thead><tr>${head.map((x) => `<th>${h(x)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function chart<K extends string>(kind: GroupKind<K>, groups: Partial<Record<K, TatqaMetrics>>): string {
  return barChartSvg(
    Object.entries(groups).map(([k, m]) => {
      const g = m as TatqaMetrics;
      return { label: kind.label(k as K), values: [g.accuracy, g.numberCorrect, g.f1] };
    }),
    [
      { name: 'accuracy', color: '#2563eb' },
      { name: 'number ignoring scale', color: '#16a34a' },
      { name: 'span F1', color: '#7c3aed' },
    ],
    `Accuracy, number correct ignoring scale and span F1, ${kind.heading.toLowerCase()}`,
  );
}

function failedBlock(r: TatqaResult): string {
  const kind = `${r.answerType}${r.form ? ` · ${r.form}` : ''} · from ${r.answerFrom}`;
  return `<div class="case" id="q-${h(r.id)}">
<h3><span class="fail">✗</span> ${h(r.id)} <span class="tags">${h(r.docTitle)} · ${h(kind)} · ${h(formatMs(r.latencyMs))}</span></h3>
<div class="q"><b>Q:</b> ${h(r.question)}</div>
<p><b>Gold:</b> ${h(r.gold)}${r.form ? ` <span class="tags">(${h(r.derivation.trim())})</span>` : ''}</p>
<p class="a"><b>A:</b> ${r.answer === null ? '<i>no answer</i>' : h(r.answer)}${r.abstained ? ' <i>(abstained)</i>' : ''}</p>
<p><b>Prediction</b> (${h(r.source)}): “${h(r.prediction)}”${r.f1 !== null ? ` · EM ${r.exactMatch} · F1 ${r.f1.toFixed(2)}` : ''}</p>
<ul class="reasons"><li>${h(r.why ?? 'failed')}</li></ul>
</div>`;
}

function questionRow(r: TatqaResult): string {
  const status = r.passed ? '<span class="pass">correct</span>' : `<a class="fail" href="#q-${h(r.id)}">wrong</a>`;
  return `<tr><td>${h(r.id)}</td><td>${h(r.docTitle)}</td><td>${h(r.answerType)}${r.form ? ` · ${h(r.form)}` : ''}</td><td>${h(r.answerFrom)}</td><td>${status}</td><td>${h(formatMs(r.latencyMs))}</td><td style="text-align:left">${h(r.gold)}</td><td style="text-align:left">${h(r.prediction)}</td></tr>`;
}

/** Renders a self-contained HTML report of a TAT-QA run (inline CSS and SVG, no scripts); all text is escaped. */
export function toTatqaHtmlReport(report: TatqaReport, options: { title?: string; subtitle?: string } = {}): string {
  const failed = report.questions.filter((r) => !r.passed);
  const shown = failed.slice(0, MAX_FAILED_BLOCKS);
  const more =
    failed.length > shown.length
      ? `<p>… and ${failed.length - shown.length} more failed questions (see the table below).</p>`
      : '';
  const arithmetic = report.byAnswerType.arithmetic;
  return htmlDocument(
    options.title ?? 'citecheck TAT-QA evaluation',
    options.subtitle,
    `<h2>Summary</h2>
${summaryTable(report.summary)}
<h2>${h(BY_ANSWER_TYPE.heading)}</h2>
${chart(BY_ANSWER_TYPE, report.byAnswerType)}
${groupTable(BY_ANSWER_TYPE, report.byAnswerType, report.summary, 'all')}
<h2>${h(BY_DERIVATION.heading)}</h2>
${arithmetic ? `${chart(BY_DERIVATION, report.byDerivation)}\n${groupTable(BY_DERIVATION, report.byDerivation, arithmetic, 'all arithmetic')}` : '<p>No arithmetic questions.</p>'}
<h2>${h(BY_ANSWER_FROM.heading)}</h2>
${groupTable(BY_ANSWER_FROM, report.byAnswerFrom, report.summary, 'all')}
<h2>Failed questions (${failed.length})</h2>
${shown.length ? shown.map(failedBlock).join('\n') : '<p>None.</p>'}${more}
<h2>All questions</h2>
<table><thead><tr><th>uid</th><th>document</th><th>type</th><th>from</th><th>result</th><th>latency</th><th style="text-align:left">gold</th><th style="text-align:left">prediction</th></tr></thead><tbody>${report.questions.map(questionRow).join('')}</tbody></table>`,
  );
}
