import type { KnowledgeSnapshot } from '../../retrieval/knowledge-base.js';
import { readTables } from '../../tables/read-tables.js';
import type { RawRow, Table, UnitHint } from '../../tables/types.js';
import type { Chunk } from '../../types.js';
import type { CellRef, Citation, TableRowRef } from '../schema.js';

/** Largest difference between a calculator operand and a cell value still read as that cell. */
const CELL_MATCH_EPSILON = 1e-9;

/** The table a row (a body row or a header row) belongs to, as a citation carries it. */
export function rowRef(table: Table, row: RawRow): TableRowRef {
  return {
    caption: table.caption,
    headers: table.columns.map((c) => c.header),
    cells: table.columns.map((_, j) => row.cells[j]?.text ?? ''),
  };
}

/** The citation with its table row's headers when its quote lies within one row of a table. */
export function withTableRef(snapshot: KnowledgeSnapshot, c: Citation): Citation {
  if (c.table) return c;
  const doc = snapshot.docById.get(c.docId);
  if (!doc) return c;
  for (const table of readTables(doc)) {
    if (c.end <= table.start || c.start >= table.end) continue;
    const row = table.rows.find((r) => r.row.start <= c.start && c.end <= r.row.end);
    return row ? { ...c, table: rowRef(table, row.row) } : c;
  }
  return c;
}

function unitWords(u: UnitHint): string {
  const parts = [u.scale ? `in ${u.scale}s` : '', u.currency ?? ''].filter(Boolean);
  return parts.length ? `figures ${parts.join(', ')}` : '';
}

/**
 * A passage's text for the language model: table rows it holds are preceded by their table's caption,
 * stated units and header rows when the passage starts below them, so every row is read with its
 * columns' periods and scale.
 */
export function passageText(snapshot: KnowledgeSnapshot, chunk: Chunk): string {
  const doc = snapshot.docById.get(chunk.docId);
  if (!doc) return chunk.text;
  let out = '';
  let at = chunk.start;
  for (const t of readTables(doc).filter((x) => x.start < chunk.end && chunk.start < x.end)) {
    const rowsStart = Math.max(t.start, chunk.start);
    const headerEnd = t.headerRows[t.headerRows.length - 1]?.end ?? t.start;
    const notes = [
      chunk.start > t.start && t.caption ? `[table: ${t.caption}]` : '',
      unitWords(t.unit) ? `[${unitWords(t.unit)}]` : '',
    ].filter(Boolean);
    const header = chunk.start >= headerEnd ? `${doc.text.slice(t.start, headerEnd)}\n` : '';
    if (!notes.length && !header) continue;
    out += `${doc.text.slice(at, rowsStart)}${notes.length ? `${notes.join(' ')}\n` : ''}${header}`;
    at = rowsStart;
  }
  return out + doc.text.slice(at, chunk.end);
}

/** Numbers in a calculator call's arguments (quantity objects, strings and numbers, nested). */
function argNumbers(v: unknown): number[] {
  if (typeof v === 'number') return [v];
  if (typeof v === 'string') {
    const m = /[-−(]?\s*[$€£¥]?\s*\d[\d,]*(?:\.\d+)?/u.exec(v);
    if (!m) return [];
    const n = Number(m[0].replace(/[^\d.]/gu, ''));
    return [/^[-−(]/u.test(m[0]) ? -n : n];
  }
  if (Array.isArray(v)) return v.flatMap(argNumbers);
  if (v && typeof v === 'object')
    return 'value' in v ? argNumbers((v as { value: unknown }).value) : Object.values(v).flatMap(argNumbers);
  return [];
}

/**
 * The table cells of the given documents whose values a calculator call used, in argument order:
 * for each number in the arguments, the first cell holding that value.
 */
export function cellsUsed(
  snapshot: KnowledgeSnapshot,
  docIds: readonly string[],
  args: Record<string, unknown>,
): CellRef[] {
  const cells: CellRef[] = [];
  const tables = docIds.flatMap((id) => {
    const doc = snapshot.docById.get(id);
    return doc ? readTables(doc) : [];
  });
  for (const n of argNumbers(args)) {
    for (const t of tables) {
      const hit = t.rows
        .flatMap((row) => row.values.map((v, j) => ({ row, v, j })))
        .find(({ v }) => v && Math.abs(v.value - n) <= CELL_MATCH_EPSILON);
      if (!hit) continue;
      const cell = hit.row.row.cells[hit.j]!;
      cells.push({
        docId: t.docId,
        start: cell.start,
        end: cell.end,
        text: cell.text,
        series: hit.row.series,
        period: t.columns[hit.j]?.header ?? '',
      });
      break;
    }
  }
  return cells;
}
