import { barChartSvg } from '../../reports/bar-chart.js';
import { escapeHtml as h } from '../../reports/escape.js';
import { htmlDocument } from '../../reports/html-report.js';
import { formatMs, formatRatio } from '../../reports/metric-format.js';
import { ARTICLE_COLUMNS, SQUAD_LABELS, SQUAD_NAMES } from './labels.js';
import { failureReasons } from './score-question.js';
import { SQUAD_RATIO_METRICS, type SquadMetrics, type SquadReport, type SquadResult } from './types.js';

/** Failed questions shown in full; the rest are only in the table of all questions. */
const MAX_FAILED_BLOCKS = 300;

function summaryTable(m: SquadMetrics): string {
  const rows = SQUAD_RATIO_METRICS.map((k) => `<tr><td>${h(SQUAD_NAMES[k])}</td><td>${h(formatRatio(m[k]))}</td></tr>`);
  const counts = [
    ['questions (answerable / unanswerable)', `${m.questions} (${m.hasAns} / ${m.noAns})`],
    ['predictions from short / first sentence', `${m.fromShort} / ${m.fromFallback}`],
    ['abstained / errors', `${m.abstained} / ${m.errors}`],
    ['latency p50 / p95', `${formatMs(m.latencyMs.p50)} / ${formatMs(m.latencyMs.p95)}`],
  ].map(([k, v]) => `<tr><td>${h(k ?? '')}</td><td>${h(v ?? '')}</td></tr>`);
  return `<table><tbody>${[...rows, ...counts].join('')}</tbody></table>`;
}

function articleTable(report: SquadReport): string {
  const head = ['article', 'n', ...ARTICLE_COLUMNS.map((k) => SQUAD_LABELS[k]), 'p50', 'p95'];
  const row = (name: string, m: SquadMetrics) =>
    `<tr><td>${h(name)}</td><td>${m.questions}</td>${ARTICLE_COLUMNS.map((k) => `<td>${h(formatRatio(m[k]))}</td>`).join('')}<td>${h(formatMs(m.latencyMs.p50))}</td><td>${h(formatMs(m.latencyMs.p95))}</td></tr>`;
  const rows = [row('all', report.summary), ...Object.entries(report.byArticle).map(([a, m]) => row(a, m))];
  return `<table><thead><tr>${head.map((x) => `<th>${h(x)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function failedBlock(r: SquadResult): string {
  const gold = r.impossible ? '<i>unanswerable</i>' : r.golds.map((g) => `“${h(g)}”`).join(' · ');
  const quotes = r.quotes.length
    ? `<ol class="cite">${r.quotes.map((q) => `<li>“${h(q)}”</li>`).join('')}</ol>`
    : '<p class="cite">No citations.</p>';
  return `<div class="case" id="q-${h(r.id)}">
<h3><span class="fail">✗</span> ${h(r.id)} <span class="tags">${h(r.article)} · ${h(formatMs(r.latencyMs))}</span></h3>
<div class="q"><b>Q:</b> ${h(r.question)}</div>
<p><b>Gold:</b> ${gold}</p>
<p class="a"><b>A:</b> ${r.answer === null ? '<i>no answer</i>' : h(r.answer)}${r.abstained ? ' <i>(abstained)</i>' : ''}</p>
<p><b>Prediction</b> (${h(r.source)}): “${h(r.prediction)}” · EM ${r.exactMatch} · F1 ${r.f1.toFixed(2)}</p>
<ul class="reasons">${failureReasons(r)
    .map((x) => `<li>${h(x)}</li>`)
    .join('')}</ul>
${quotes}
</div>`;
}

function questionRow(r: SquadResult): string {
  const status = r.passed ? '<span class="pass">pass</span>' : `<span class="fail">fail</span>`;
  return `<tr><td>${h(r.id)}</td><td>${h(r.article)}</td><td>${r.impossible ? 'NoAns' : 'HasAns'}</td><td>${status}</td><td>${r.exactMatch}</td><td>${r.f1.toFixed(2)}</td><td>${h(formatMs(r.latencyMs))}</td><td style="text-align:left">${h(r.prediction)}</td></tr>`;
}

/** Renders a self-contained HTML report of a SQuAD run (inline CSS and SVG, no scripts); all text is escaped. */
export function toSquadHtmlReport(report: SquadReport, options: { title?: string; subtitle?: string } = {}): string {
  const failed = report.questions.filter((r) => !r.passed);
  const chart = barChartSvg(
    Object.entries(report.byArticle).map(([a, m]) => ({
      label: a,
      values: [m.exactMatch, m.f1, m.answerContains, m.noAnsAccuracy],
    })),
    [
      { name: 'exact match', color: '#2563eb' },
      { name: 'F1', color: '#7c3aed' },
      { name: 'answer contains', color: '#16a34a' },
      { name: 'NoAns accuracy', color: '#d97706' },
    ],
    'Exact match, F1, answer-contains and NoAns accuracy per article',
  );
  const shown = failed.slice(0, MAX_FAILED_BLOCKS);
  const more =
    failed.length > shown.length
      ? `<p>… and ${failed.length - shown.length} more failed questions (see the table below).</p>`
      : '';
  return htmlDocument(
    options.title ?? 'citecheck SQuAD v2.0 evaluation',
    options.subtitle,
    `<h2>Summary</h2>
${summaryTable(report.summary)}
<h2>By article</h2>
${chart}
${articleTable(report)}
<h2>Failed questions (${failed.length})</h2>
${shown.length ? shown.map(failedBlock).join('\n') : '<p>None.</p>'}${more}
<h2>All questions</h2>
<table><thead><tr><th>id</th><th>article</th><th>kind</th><th>result</th><th>EM</th><th>F1</th><th>latency</th><th style="text-align:left">prediction</th></tr></thead><tbody>${report.questions.map(questionRow).join('')}</tbody></table>`,
  );
}
