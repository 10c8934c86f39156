import { type CaseResult, type EvalReport, type Metrics, RATIO_METRICS } from '../suite/types.js';
import { barChartSvg } from './bar-chart.js';
import { escapeHtml as h } from './escape.js';
import { formatMs, formatPassed, formatRatio, METRIC_LABELS } from './metric-format.js';

/** Options of {@link toHtmlReport}. */
export interface HtmlReportOptions {
  title?: string;
  /** Shown under the title, e.g. the target and time of the run. */
  subtitle?: string;
}

/** The reports' shared stylesheet (inline, no external assets). */
export const REPORT_CSS = `
body{font:14px/1.45 system-ui,-apple-system,sans-serif;margin:24px auto;max-width:1100px;padding:0 16px;color:#222}
h1{font-size:22px;margin-bottom:4px}h2{font-size:17px;margin-top:32px;border-bottom:1px solid #ddd;padding-bottom:4px}
.sub{color:#666;margin-top:0}table{border-collapse:collapse;font-size:12.5px}
th,td{padding:3px 8px;border-bottom:1px solid #eee;text-align:right;white-space:nowrap}th{background:#f6f6f6}
td:first-child,th:first-child{text-align:left}.pass{color:#17803d}.fail{color:#b42318;font-weight:600}
.case{border:1px solid #e4e4e4;border-radius:6px;padding:10px 14px;margin:14px 0}
.case h3{margin:0 0 6px;font-size:15px}.q,.a{white-space:pre-wrap;background:#fafafa;padding:6px 8px;border-radius:4px}
.reasons{color:#b42318}.cite{color:#444;font-size:13px}.tags{color:#777;font-size:12px}
`;

/** A complete self-contained HTML page: `body` is inserted as is, `title` and `subtitle` are escaped. */
export function htmlDocument(title: string, subtitle: string | undefined, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${h(title)}</title><style>${REPORT_CSS}</style></head>
<body>
<h1>${h(title)}</h1>${subtitle ? `<p class="sub">${h(subtitle)}</p>` : ''}
${body}
</body></html>
`;
}

function metricsRow(name: string, m: Metrics): string {
  const cells = RATIO_METRICS.map((k) => `<td>${h(formatRatio(m[k]))}</td>`).join('');
  return `<tr><td>${h(name)}</td><td>${m.cases}</td><td>${h(formatPassed(m))}</td>${cells}<td>${h(formatMs(m.latencyMs.p50))}</td><td>${h(formatMs(m.latencyMs.p95))}</td></tr>`;
}

function metricsTable(rows: Array<[string, Metrics]>): string {
  const head = ['', 'cases', 'passed', ...RATIO_METRICS.map((k) => METRIC_LABELS[k]), 'p50', 'p95'];
  return `<table><thead><tr>${head.map((x) => `<th>${h(x)}</th>`).join('')}</tr></thead><tbody>${rows.map(([n, m]) => metricsRow(n, m)).join('')}</tbody></table>`;
}

function failedCaseBlock(r: CaseResult): string {
  const citations = r.citations.length
    ? `<ol class="cite">${r.citations.map((c) => `<li value="${c.n}">${c.speaker ? `<b>${h(c.speaker)}</b>: ` : ''}“${h(c.quote)}”</li>`).join('')}</ol>`
    : '<p class="cite">No citations.</p>';
  return `<div class="case" id="case-${h(r.id)}">
<h3><span class="fail">✗</span> ${h(r.id)} <span class="tags">${h(r.suite)} · ${h(r.tags.join(', '))} · ${h(formatMs(r.latencyMs))}</span></h3>
<div class="q"><b>Q:</b> ${h(r.question)}</div>
<p class="a"><b>A:</b> ${r.answer === null ? '<i>no answer</i>' : h(r.answer)}${r.abstained ? ' <i>(abstained)</i>' : ''}</p>
<ul class="reasons">${r.reasons.map((x) => `<li>${h(x)}</li>`).join('')}</ul>
${citations}
</div>`;
}

function caseRow(r: CaseResult): string {
  const status = r.passed ? '<span class="pass">pass</span>' : `<a class="fail" href="#case-${h(r.id)}">fail</a>`;
  return `<tr><td>${h(r.id)}</td><td>${h(r.suite)}</td><td>${status}</td><td>${h(formatMs(r.latencyMs))}</td><td style="text-align:left">${h(r.reasons[0] ?? '')}</td></tr>`;
}

/** Renders a self-contained HTML report (inline CSS and SVG, no scripts or external assets); all text is escaped. */
export function toHtmlReport(report: EvalReport, options: HtmlReportOptions = {}): string {
  const title = options.title ?? 'citecheck evaluation';
  const failed = report.cases.filter((r) => !r.passed);
  const chart = barChartSvg(
    Object.entries(report.byTag).map(([tag, m]) => ({
      label: tag,
      values: [m.answerAccuracy, m.numericAccuracy, m.citationRecall],
    })),
    [
      { name: 'answer accuracy', color: '#2563eb' },
      { name: 'numeric accuracy', color: '#16a34a' },
      { name: 'citation recall', color: '#d97706' },
    ],
    'Answer accuracy, numeric accuracy and citation recall per tag',
  );
  return htmlDocument(
    title,
    options.subtitle,
    `<h2>Summary</h2>
${metricsTable([['all', report.summary], ...Object.entries(report.bySuite).map(([n, m]): [string, Metrics] => [`suite: ${n}`, m])])}
<h2>By tag</h2>
${chart}
${metricsTable(Object.entries(report.byTag))}
<h2>Failed cases (${failed.length})</h2>
${failed.length ? failed.map(failedCaseBlock).join('\n') : '<p>None.</p>'}
<h2>All cases</h2>
<table><thead><tr><th>id</th><th>suite</th><th>result</th><th>latency</th><th style="text-align:left">first reason</th></tr></thead><tbody>${report.cases.map(caseRow).join('')}</tbody></table>`,
  );
}
