import type { KnowledgeSnapshot } from '../../retrieval/knowledge-base.js';
import type { RawRow } from '../../tables/types.js';
import type { Chunk } from '../../types.js';
import { rowRef } from '../grounding/table-context.js';
import type { CellRef, ShortAnswer } from '../schema.js';
import type { CitationList } from './citations.js';
import type { ScoredSentence } from './evidence.js';
import type { FootnoteAnswer } from './footnote-answer.js';
import type { RoleRow } from './role-row.js';
import { statedCells, statedInRow, statedResult } from './stated-figures.js';
import type { TableAnswer, TableOperand } from './table-operands.js';

/** The chunk of the operand's document that holds a table row whole, if one does. */
function chunkOf(snapshot: KnowledgeSnapshot, o: TableOperand, row: RawRow = o.match.row.row): Chunk | undefined {
  return snapshot.chunksByDoc.get(o.match.table.docId)?.find((c) => c.start <= row.start && row.end <= c.end);
}

/** A composed table answer: its text, the spans that answer it (a cell, several cells, or years from the header), and the cells used. */
export interface ComposedTable {
  answer: string;
  spans: ShortAnswer[];
  cells: CellRef[];
}

/**
 * Writes an answer from table cells: the figure or the computed result first, then each row used,
 * quoted verbatim and cited with its table's headers. Null when a row is not inside one chunk (it
 * cannot be cited).
 */
export function composeTable(
  snapshot: KnowledgeSnapshot,
  t: TableAnswer,
  cites: CitationList,
  scored: readonly ScoredSentence[] = [],
): ComposedTable | null {
  const rows: { o: TableOperand; n: number }[] = [];
  for (const o of t.operands) {
    const chunk = chunkOf(snapshot, o);
    const doc = snapshot.docById.get(o.match.table.docId);
    if (!chunk || !doc) return null;
    const { start, end } = o.match.row.row;
    rows.push({
      o,
      n: cites.citeSpan(chunk, start, end, o.match.score, doc.text, rowRef(o.match.table, o.match.row.row)),
    });
  }
  const first = rows[0]!;
  const docText = snapshot.docById.get(first.o.match.table.docId)!.text;
  const answerSpans = (t.spans ?? (t.result ? [] : [first.o.match.row.row.cells[first.o.column]!])).filter(
    (c) => c.end > c.start,
  );
  const spans = answerSpans.map((c) => {
    const inRow = rows.find((r) => r.o.match.row.row.start <= c.start && c.end <= r.o.match.row.row.end);
    const n = inRow?.n ?? headerCitation(snapshot, first.o, c, cites);
    return n === undefined
      ? undefined
      : { text: docText.slice(c.start, c.end), citation: n, start: c.start, end: c.end };
  });
  const refs = [
    ...new Set([...rows.map((r) => r.n), ...spans.flatMap((x) => (x ? [x.citation] : []))].map((n) => `[${n}]`)),
  ].join('');
  const inRow = statedInRow(t);
  const states = inRow ? `; the table's “${inRow.header}” column states ${inRow.cell.text}` : '';
  const lead = t.result
    ? `${t.statement} ${refs} (computed: ${t.result.formula} = ${t.result.display}${states}).`
    : `${t.statement} ${refs}.`;
  const quoted = [...new Map(rows.map((r) => [r.n, r])).values()].map(({ o, n }) => {
    const text = snapshot.docById.get(o.match.table.docId)!.text.slice(o.match.row.row.start, o.match.row.row.end);
    return `From a table in “${chunkTitle(snapshot, o)}”, the row for ${o.series}: “${text}” [${n}]`;
  });
  const stated = statedResult(t, scored);
  let statedShort: ShortAnswer | undefined;
  if (stated) {
    const doc = snapshot.docById.get(stated.sentence.chunk.docId)!;
    const n = cites.citeSpan(stated.sentence.chunk, stated.sentence.start, stated.sentence.end, 1, doc.text);
    const { start, end } = stated.figure;
    statedShort = { text: doc.text.slice(start, end), citation: n, start, end };
    quoted.push(
      `The text itself states ${stated.figure.text} [${n}], which the computation from the table confirms: “${stated.sentence.text}” [${n}]`,
    );
  }
  const said = statedCells(t, scored);
  if (said) {
    const { sentence: s, figures } = said;
    const doc = snapshot.docById.get(s.chunk.docId)!;
    const n = cites.citeSpan(s.chunk, s.start, s.end, 1, doc.text);
    const shorts = figures.map((f) => ({
      text: doc.text.slice(f.start, f.end),
      citation: n,
      start: f.start,
      end: f.end,
    }));
    const them = figures.length > 1 ? 'them' : 'it';
    const answer = [
      `${shorts.map((x) => x.text).join(' and ')} [${n}], as the text states ${them}; the table gives ${t.statement} ${refs}, which agrees.`,
      `“${s.text}” [${n}]`,
      ...quoted,
    ].join('\n\n');
    return { answer, cells: cellRefs(t), spans: shorts };
  }
  const shorts = spans.every((x) => x) ? (spans as ShortAnswer[]) : [];
  if (inRow) shorts.unshift({ ...inRow.cell, citation: first.n });
  else if (statedShort && !shorts.length) {
    const opening = `${statedShort.text} [${statedShort.citation}], as the text states it; from the table: ${lead}`;
    return { answer: [opening, ...quoted].join('\n\n'), cells: cellRefs(t), spans: [statedShort] };
  }
  return { answer: [lead, ...quoted].join('\n\n'), cells: cellRefs(t), spans: shorts };
}

/** The cells a table answer used, as the check records them. */
function cellRefs(t: TableAnswer): CellRef[] {
  return t.operands.map((o) => {
    const c = o.match.row.row.cells[o.column]!;
    return { docId: o.match.table.docId, start: c.start, end: c.end, text: c.text, series: o.series, period: o.header };
  });
}

/**
 * Writes the answer a row's footnote gives: the note's text first (the short answer), then the row it annotates,
 * both cited. Null when the note or the row is not inside one chunk.
 */
export function composeNote(snapshot: KnowledgeSnapshot, f: FootnoteAnswer, cites: CitationList): ComposedTable | null {
  const { table, row } = f.match;
  const doc = snapshot.docById.get(table.docId);
  const chunks = snapshot.chunksByDoc.get(table.docId) ?? [];
  const noteChunk = chunks.find((c) => c.start <= f.note.start && f.note.end <= c.end);
  const rowChunk = chunks.find((c) => c.start <= row.row.start && row.row.end <= c.end);
  if (!doc || !noteChunk || !rowChunk) return null;
  const n = cites.citeSpan(noteChunk, f.note.start, f.note.end, f.match.score, doc.text);
  const r = cites.citeSpan(rowChunk, row.row.start, row.row.end, f.match.score, doc.text, rowRef(table, row.row));
  const rowText = doc.text.slice(row.row.start, row.row.end);
  const answer = [
    `${f.body.text} [${n}]`,
    `This is the note to the row for ${row.series} in a table in “${doc.title}”: “${rowText}” [${r}]`,
  ].join('\n\n');
  return { answer, cells: [], spans: [{ text: f.body.text, citation: n, start: f.body.start, end: f.body.end }] };
}

/**
 * Writes the answer a row's label gives to "who": the label first (the short answer), then the row, cited with its
 * table's headers. Null when the row is not inside one chunk.
 */
export function composeRole(snapshot: KnowledgeSnapshot, r: RoleRow, cites: CitationList): ComposedTable | null {
  const { table, row, role, label } = r;
  const doc = snapshot.docById.get(table.docId);
  const chunk = snapshot.chunksByDoc.get(table.docId)?.find((c) => c.start <= row.row.start && row.row.end <= c.end);
  if (!doc || !chunk) return null;
  const n = cites.citeSpan(chunk, row.row.start, row.row.end, 1, doc.text, rowRef(table, row.row));
  const rowText = doc.text.slice(row.row.start, row.row.end);
  const answer = [
    `${label.text} [${n}], listed as ${role.text}.`,
    `From a table in “${doc.title}”, the row for ${label.text}: “${rowText}” [${n}]`,
  ].join('\n\n');
  return { answer, cells: [], spans: [{ text: label.text, citation: n, start: label.start, end: label.end }] };
}

/** Cites the header row holding `span` (a period named in a header), returning its marker number. */
function headerCitation(
  snapshot: KnowledgeSnapshot,
  o: TableOperand,
  span: { start: number; end: number },
  cites: CitationList,
): number | undefined {
  const header = o.match.table.headerRows.find((r) => r.start <= span.start && span.end <= r.end);
  const chunk = header && chunkOf(snapshot, o, header);
  const doc = snapshot.docById.get(o.match.table.docId);
  if (!header || !chunk || !doc) return undefined;
  return cites.citeSpan(chunk, header.start, header.end, o.match.score, doc.text, rowRef(o.match.table, header));
}

function chunkTitle(snapshot: KnowledgeSnapshot, o: TableOperand): string {
  return snapshot.docById.get(o.match.table.docId)?.title ?? '';
}
