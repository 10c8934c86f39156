import { escapeRegExp } from '../../language/escape-regexp.js';
import type { Table } from '../../tables/types.js';
import type { TermWeight } from './row-terms.js';
import { MIN_ROW_RECALL, matchRows, type RowMatch } from './table-match.js';

/* What a table row's footnote says about it: "(1) Include advertising and billing expenses" under a row "Customer costs(1)". */

/** A footnote marker closing a row label: "(1)", "(a)", a superscript digit, an asterisk or a dagger. */
const LABEL_MARK_RE = /(?:\((\d{1,2}|[a-z])\)|([¹²³⁴⁵⁶⁷⁸⁹⁰]+|\*{1,3}|[†‡]))\s*$/u;
/**
 * Share of the row label's weighted terms the question must name for a footnote of that row to answer it: a
 * question about what a line item includes names the line item.
 */
const MIN_NOTE_PRECISION = 0.8;

/** A span of a document. */
export interface DocSpan {
  text: string;
  start: number;
  end: number;
}

/** A row whose label carries a footnote marker, the footnote paragraph, and the note's text after its marker. */
export interface FootnoteAnswer {
  match: RowMatch;
  note: DocSpan;
  body: DocSpan;
}

/** The paragraph of `text` that opens with `marker` ("(1) Include …"), and its text after the marker. */
function footnote(text: string, marker: string): { note: DocSpan; body: DocSpan } | null {
  const re = new RegExp(String.raw`^[ \t]*${escapeRegExp(marker)}[ \t]*(?=\S)(?!\|)`, 'gmu');
  for (const m of text.matchAll(re)) {
    const start = m.index;
    const bodyStart = start + m[0].length;
    const rest = text.slice(bodyStart);
    const stop = /\n[ \t]*(?:\n|\|)/u.exec(rest);
    const trimmedEnd = bodyStart + (stop ? rest.slice(0, stop.index) : rest).trimEnd().length;
    if (trimmedEnd <= bodyStart) continue;
    return {
      note: { text: text.slice(start, trimmedEnd), start, end: trimmedEnd },
      body: { text: text.slice(bodyStart, trimmedEnd), start: bodyStart, end: trimmedEnd },
    };
  }
  return null;
}

/**
 * The footnote that answers a descriptive question ("What is included in service delivery costs?") about a table
 * row whose label carries a footnote marker: the best-matching row must be named nearly in full (see
 * {@link MIN_NOTE_PRECISION}), and the document must have a paragraph opening with the same marker. Null otherwise.
 */
export function footnoteAnswer(
  question: string,
  tables: readonly Table[],
  weigh: TermWeight,
  docText: (docId: string) => string,
): FootnoteAnswer | null {
  const top = matchRows(question, tables, weigh)[0];
  if (!top || top.recall < MIN_ROW_RECALL || top.precision < MIN_NOTE_PRECISION) return null;
  const label = top.row.row.cells[0]?.text ?? '';
  const mark = LABEL_MARK_RE.exec(label);
  if (!mark) return null;
  const found = footnote(docText(top.table.docId), mark[1] ? `(${mark[1]})` : mark[2]!);
  return found ? { match: top, ...found } : null;
}
