import type { ApiClient } from './api.js';
import { el, ICONS, icon } from './dom.js';
import { isTableRow, tableBlockRange, tableRowView } from './table-row-view.js';
import type { DocumentView, PassageTarget } from './types.js';

/** Longest stretch of document text shown around a quote. */
const MAX_CONTEXT = 2400;

/** The span to show around `[start, end)`: the passages it falls in, else a window, trimmed to whole words. */
export function contextRange(
  doc: Pick<DocumentView, 'text' | 'passages'>,
  start: number,
  end: number,
): [number, number] {
  const hits = doc.passages.filter((p) => p.start < Math.max(end, start + 1) && p.end > start);
  let from = hits.length ? Math.min(...hits.map((p) => p.start)) : Math.max(0, start - 300);
  let to = hits.length ? Math.max(...hits.map((p) => p.end)) : Math.min(doc.text.length, end + 300);
  if (to - from > MAX_CONTEXT) {
    const spare = Math.max(0, MAX_CONTEXT - (end - start));
    from = Math.max(from, start - Math.floor(spare / 2));
    to = Math.min(to, end + Math.ceil(spare / 2));
  }
  if (from > 0 && !hits.some((p) => p.start === from)) from = snap(doc.text, from, 1);
  if (to < doc.text.length && !hits.some((p) => p.end === to)) to = snap(doc.text, to, -1);
  return [Math.min(from, start), Math.max(to, end)];
}

function snap(text: string, at: number, dir: 1 | -1): number {
  for (let i = at, n = 0; n < 60 && i > 0 && i < text.length; i += dir, n++)
    if (/\s/.test(text[i]!)) return dir > 0 ? i + 1 : i;
  return at;
}

/** Passage text as nodes: plain text with `[start, end)` inside a `<mark>` when highlighting; a cited table row as its small table. */
function passageText(doc: DocumentView, target: PassageTarget): HTMLElement {
  const [from, to] = contextRange(doc, target.start, target.end);
  if (target.highlight && isTableRow(target.table)) {
    const block = tableBlockRange(doc.text, target.start, target.end, target.table.caption);
    if (block) return tablePassage(doc.text, [from, to], block, target.table);
  }
  const p = el('p', { class: 'passage-text' });
  if (!target.highlight) {
    p.append(doc.text.slice(from, to).trim());
    return p;
  }
  p.append(
    doc.text.slice(from, target.start),
    el('mark', {}, doc.text.slice(target.start, target.end)),
    doc.text.slice(target.end, to),
  );
  return p;
}

/** The text around a cited table row, with the pipe table it sits in shown as the row's small table. */
function tablePassage(
  text: string,
  [from, to]: [number, number],
  [blockStart, blockEnd]: [number, number],
  table: NonNullable<PassageTarget['table']>,
): HTMLElement {
  const before = text.slice(from, Math.max(from, blockStart)).trimEnd();
  const after = text.slice(Math.min(to, blockEnd), to).trimStart();
  return el('div', { class: 'passage-text' }, before || null, tableRowView(table, { cited: true }), after || null);
}

function meta(rows: [string, string | null][]): HTMLElement {
  const dl = el('dl', { class: 'meta' });
  for (const [k, v] of rows) if (v) dl.append(el('dt', {}, k), el('dd', {}, v));
  return dl;
}

/** The passage overlay inside the panel: document title, section, speaker and the highlighted quote. */
export class PassageView {
  readonly element: HTMLElement;
  private readonly info: HTMLElement;
  private readonly body: HTMLElement;
  private opener: HTMLElement | undefined;
  private request = 0;

  constructor(
    private readonly api: ApiClient,
    onClose: () => void,
  ) {
    const back = el(
      'button',
      { type: 'button', class: 'icon-btn', 'aria-label': 'Back to the conversation' },
      icon(ICONS.back),
      'Back',
    );
    back.addEventListener('click', () => {
      this.close();
      onClose();
    });
    this.info = el('div', { class: 'passage-info' });
    this.body = el('div', { class: 'passage-body' });
    this.element = el(
      'section',
      {
        class: 'passage',
        'data-testid': 'citecheck-passage',
        'aria-label': 'Cited passage',
        tabindex: '-1',
        hidden: true,
      },
      el('div', { class: 'passage-head' }, back),
      this.info,
      this.body,
    );
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  /** Shows the passage; focus returns to `opener` on close. */
  async open(target: PassageTarget, opener: HTMLElement): Promise<void> {
    const id = ++this.request;
    this.opener = opener;
    this.info.replaceChildren();
    this.body.replaceChildren(el('p', { class: 'pending', role: 'status' }, 'Loading the passage…'));
    this.element.hidden = false;
    this.element.focus();
    try {
      const doc = await this.api.document(target.docId);
      if (id !== this.request) return;
      const text = passageText(doc, target);
      this.info.replaceChildren(
        el('h3', {}, target.title || doc.title),
        meta([
          ['Section', target.section],
          ['Speaker', target.speaker],
          ['Source', [doc.source, doc.date].filter(Boolean).join(', ') || null],
        ]),
      );
      this.body.replaceChildren(text);
      const mark = text.querySelector<HTMLElement>('mark, .table-wrap');
      this.body.scrollTop = mark ? Math.max(0, mark.offsetTop - 32) : 0;
    } catch (err) {
      if (id !== this.request) return;
      this.body.replaceChildren(
        el(
          'p',
          { class: 'error', role: 'alert' },
          `The passage could not be loaded: ${err instanceof Error ? err.message : String(err)}`,
        ),
      );
    }
  }

  /** Hides the overlay and puts focus back on what opened it. */
  close(): void {
    this.request++;
    this.element.hidden = true;
    this.opener?.focus();
    this.opener = undefined;
  }
}
