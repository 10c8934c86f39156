import { html, raw } from 'hono/html';
import type { KnowledgeSnapshot } from '../retrieval/knowledge-base.js';

/** Questions that show the bundled interview off: figures computed and checked, quotes, an abstention. */
const INTERVIEW_SAMPLES = [
  'What was the compound annual growth of digital service trade from 2011 to 2020?',
  "How much did China's digital trade grow from 2015 to 2020?",
  'What share of service trade does digital trade account for?',
  'What did Chen Hongna say about cross-border e-commerce?',
  "What was China's unemployment rate in 2020?",
];

/** Up to five sample questions for the demo page, fitted to the documents being served. */
export function sampleQuestions(snapshot: KnowledgeSnapshot | undefined): string[] {
  if (!snapshot) return [];
  if (snapshot.docById.has('digital-trade-interview')) return INTERVIEW_SAMPLES;
  return snapshot.docs.slice(0, 5).map((d) => `What does “${d.title}” say?`);
}

const STYLE = `
:root { color-scheme: light; --ink: #1d2329; --muted: #5b6570; --line: #dde3e8; --accent: #0a7a5a; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f6f8f9; }
main { max-width: 860px; margin: 0 auto; padding: 32px 20px 120px; }
h1 { font-size: 1.9rem; margin: 0 0 4px; }
h2 { font-size: 1.15rem; margin: 32px 0 10px; }
.lede { color: var(--muted); margin: 0 0 8px; }
table { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid var(--line); border-radius: 8px; overflow: hidden; }
th, td { text-align: left; padding: 10px 12px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); background: #fbfcfc; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
ul.samples { list-style: none; padding: 0; margin: 0; display: grid; gap: 8px; }
ul.samples button { width: 100%; text-align: left; font: inherit; color: var(--ink); background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; cursor: pointer; }
ul.samples button:hover { border-color: var(--accent); }
button:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
pre { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; overflow-x: auto; font-size: .85rem; }
.note { color: var(--muted); font-size: .9rem; }
@media (min-width: 1180px) { main { margin: 0 440px 0 max(24px, calc(50% - 600px)); } }
@media (max-width: 560px) { th:nth-child(2), td:nth-child(2) { display: none; } }
`;

/** Inputs of {@link renderDemoPage}. */
export interface DemoPageInput {
  snapshot: KnowledgeSnapshot | undefined;
  /** Origin the page was requested on, for the embed snippet. */
  origin: string;
}

/** The demo page: what the assistant knows, sample questions and the embedded widget. Every value is escaped. */
export function renderDemoPage({ snapshot, origin }: DemoPageInput) {
  const docs = snapshot?.docs ?? [];
  const embed = `<script src="${origin}/widget.js" data-title="Ask the documents" data-accent="#0a7a5a" data-position="right" defer></script>`;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>citecheck — answers with cited passages and checked numbers</title>
<style>${raw(STYLE)}</style>
</head>
<body>
<main>
  <h1>citecheck</h1>
  <p class="lede">Ask about the documents below. Every answer quotes the passages it rests on, and every figure is quoted or computed with its formula shown.</p>

  <h2>What the assistant knows</h2>
  ${
    snapshot
      ? html`<table>
    <thead><tr><th>Document</th><th>Source</th><th>Date</th><th>Passages</th></tr></thead>
    <tbody>
      ${docs.map(
        (d) =>
          html`<tr><td>${d.title}</td><td>${d.source ?? '—'}</td><td>${d.date ?? '—'}</td><td class="num">${snapshot.chunksByDoc.get(d.docId)?.length ?? 0}</td></tr>`,
      )}
    </tbody>
  </table>`
      : html`<p class="note">The index is still loading; reload this page in a moment.</p>`
  }

  <h2>Try a question</h2>
  <ul class="samples">
    ${sampleQuestions(snapshot).map((q) => html`<li><button type="button" data-citecheck-ask="${q}">${q}</button></li>`)}
  </ul>

  <h2>Put it on your site</h2>
  <pre><code>${embed}</code></pre>
  <p class="note">Add the page's origin to <code>WIDGET_ORIGINS</code> on the server so the widget may call the API from there.</p>
</main>
<script src="/widget.js" data-title="Ask the documents" data-accent="#0a7a5a" data-position="right" defer></script>
</body>
</html>`;
}
