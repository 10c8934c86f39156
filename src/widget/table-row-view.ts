import { el } from './dom.js';
import type { TableRowRef } from './types.js';

/** A figure, a percentage or a dash for "none": right-aligned like the document's own columns. */
const NUMERIC_RE = /^(?:[-+−(]?\s*(?:[$€£¥]|US\$)?\s*\d[\d,.\s]*(?:%|pp|x|×)?\s*\)?|[-–—]|n\/?a)$/i;

/** Whether `value` is a usable table row reference (history from older versions may hold anything). */
export function isTableRow(value: unknown): value is TableRowRef {
  if (!value || typeof value !== 'object') return false;
  const t = value as Partial<TableRowRef>;
  return (
    (t.caption === null || t.caption === undefined || typeof t.caption === 'string') &&
    Array.isArray(t.headers) &&
    Array.isArray(t.cells) &&
    t.cells.length > 0 &&
    t.headers.every((h) => typeof h === 'string') &&
    t.cells.every((c) => typeof c === 'string')
  );
}

/** Whether a cell reads as a figure (right-aligned with its header). */
export function isNumericCell(text: string): boolean {
  return NUMERIC_RE.test(text.trim());
}

/**
 * A cited table row as a small table inside a horizontally scrolling wrapper: the caption (when
 * there is one), a header row from `headers` (left out when every header is empty) and one body
 * row from `cells`, column 0 as the row header. All text goes in as text nodes. `cited` marks the
 * row as the highlighted quote.
 */
export function tableRowView(table: TableRowRef, opts: { cited?: boolean } = {}): HTMLElement {
  const columns = Math.max(table.headers.length, table.cells.length);
  const headers = Array.from({ length: columns }, (_, i) => (table.headers[i] ?? '').trim());
  const cells = Array.from({ length: columns }, (_, i) => (table.cells[i] ?? '').trim());
  const numeric = cells.map((c, i) => i > 0 && c !== '' && isNumericCell(c));
  const caption = table.caption?.trim();

  const node = el('table', { class: 'table-row', 'data-testid': 'citecheck-table-row' });
  if (caption) node.append(el('caption', {}, el('span', {}, caption)));
  if (headers.some((h) => h !== '')) {
    const head = el('tr');
    for (const [i, h] of headers.entries())
      head.append(el('th', { scope: 'col', class: numeric[i] ? 'num' : undefined }, h));
    node.append(el('thead', {}, head));
  }
  const row = el('tr', { class: opts.cited ? 'cited' : undefined });
  for (const [i, c] of cells.entries()) {
    row.append(i === 0 ? el('th', { scope: 'row' }, c) : el('td', { class: numeric[i] ? 'num' : undefined }, c));
  }
  node.append(el('tbody', {}, row));
  return el('div', { class: 'table-wrap' }, node);
}

/**
 * The span of the pipe table written around `[start, end)` in `text`: the run of non-blank lines
 * holding a `|`, plus the line right above it when that line is the table's `caption`. Undefined
 * when the quote is not on such a line.
 */
export function tableBlockRange(
  text: string,
  start: number,
  end: number,
  caption: string | null = null,
): [number, number] | undefined {
  const lineStart = (at: number) => (at <= 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1);
  const lineEnd = (at: number) => {
    const i = text.indexOf('\n', at);
    return i < 0 ? text.length : i;
  };
  const isRow = (from: number) => {
    const line = text.slice(from, lineEnd(from));
    return line.trim() !== '' && line.includes('|');
  };
  let from = lineStart(start);
  if (!isRow(from)) return undefined;
  while (from > 0 && isRow(lineStart(from - 1))) from = lineStart(from - 1);
  let to = lineEnd(Math.max(start, end - 1));
  while (to < text.length && isRow(to + 1)) to = lineEnd(to + 1);
  if (caption?.trim() && from > 0) {
    const above = lineStart(from - 1);
    const line = text
      .slice(above, from - 1)
      .replace(/^\s{0,3}#{1,6}\s+/, '')
      .trim();
    if (line === caption.trim()) from = above;
  }
  return [from, to];
}
