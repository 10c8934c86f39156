import type { KnowledgeSnapshot } from '../retrieval/knowledge-base.js';
import type { Chunk } from '../types.js';
import type { CitationList } from './citations.js';
import type { CellRef, ShortAnswer } from './schema.js';
import { rowRef } from './table-context.js';
import type { TableAnswer, TableOperand } from './table-answer.js';

/** The chunk holding a table row, if one holds it whole. */
function chunkOf(snapshot: KnowledgeSnapshot, o: TableOperand): Chunk | undefined {
  const { start, end } = o.match.row.row;
  return snapshot.chunksByDoc.get(o.match.table.docId)?.find((c) => c.start <= start && end <= c.end);
}


/** A composed table answer: its text, for a single cell the cell as the short answer, and the cells used. */
export interface ComposedTable {
  answer: string;
  short?: ShortAnswer;
  cells: CellRef[];
}

/**
 * Writes an answer from table cells: the figure or the computed result first, then each row used,
 * quoted verbatim and cited with its table's headers. Null when a row is not inside one chunk (it
 * cannot be cited).
 */
export function composeTable(snapshot: KnowledgeSnapshot, t: TableAnswer, cites: CitationList): ComposedTable | null {
  const rows: { o: TableOperand; n: number }[] = [];
  for (const o of t.operands) {
    const chunk = chunkOf(snapshot, o);
    const doc = snapshot.docById.get(o.match.table.docId);
    if (!chunk || !doc) return null;
    const { start, end } = o.match.row.row;
    rows.push({ o, n: cites.citeSpan(chunk, start, end, o.match.score, doc.text, rowRef(o.match.table, o.match.row)) });
  }
  const refs = [...new Set(rows.map((r) => `[${r.n}]`))].join('');
  const lead = t.result ? `${t.statement} ${refs} (computed: ${t.result.formula} = ${t.result.display}).` : `${t.statement} ${refs}.`;
  const quoted = [...new Map(rows.map((r) => [r.n, r])).values()].map(({ o, n }) => {
    const text = snapshot.docById.get(o.match.table.docId)!.text.slice(o.match.row.row.start, o.match.row.row.end);
    return `From a table in “${chunkTitle(snapshot, o)}”, the row for ${o.series}: “${text}” [${n}]`;
  });
  const first = rows[0]!;
  const cell = first.o.match.row.row.cells[first.o.column];
  const short = !t.result && cell && cell.end > cell.start ? { text: snapshot.docById.get(first.o.match.table.docId)!.text.slice(cell.start, cell.end), citation: first.n, start: cell.start, end: cell.end } : undefined;
  const cells = t.operands.map((o) => {
    const c = o.match.row.row.cells[o.column]!;
    return { docId: o.match.table.docId, start: c.start, end: c.end, text: c.text, series: o.series, period: o.header };
  });
  return { answer: [lead, ...quoted].join('\n\n'), cells, ...(short ? { short } : {}) };
}

function chunkTitle(snapshot: KnowledgeSnapshot, o: TableOperand): string {
  return snapshot.docById.get(o.match.table.docId)?.title ?? '';
}
