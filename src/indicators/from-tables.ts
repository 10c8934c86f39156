import { createHash } from 'node:crypto';
import type { Table } from '../tables/types.js';
import type { IndicatorChunk, IndicatorRecord } from './types.js';

function recordId(docId: string, start: number, end: number, text: string): string {
  return createHash('sha256').update([docId, start, end, text, 'table'].join('\u0000')).digest('hex').slice(0, 16);
}

/**
 * One indicator record per figure cell of the document's tables: named by its row (with the section
 * row above), dated by its column's period, with the scale and currency the row, column or table states.
 * Offsets are the cell's, so `docText.slice(start, end) === text`; `context` is the row as written.
 */
export function tableIndicators(
  docText: string,
  tables: readonly Table[],
  chunks: readonly IndicatorChunk[],
): IndicatorRecord[] {
  const out: IndicatorRecord[] = [];
  for (const table of tables) {
    for (const row of table.rows) {
      const series = row.series;
      if (!series) continue;
      const chunk = chunks.find((c) => c.docId === table.docId && c.start <= row.row.start && row.row.end <= c.end);
      row.values.forEach((v, j) => {
        const cell = row.row.cells[j];
        if (!v || !cell) return;
        const column = table.columns[j]!;
        const percent = v.percent || Boolean(row.unit.percent) || Boolean(column.unit.percent);
        const scale = percent ? null : (row.unit.scale ?? column.unit.scale ?? table.unit.scale ?? null);
        const currency = percent
          ? undefined
          : (v.currency ?? row.unit.currency ?? column.unit.currency ?? table.unit.currency);
        const text = docText.slice(cell.start, cell.end);
        out.push({
          id: recordId(table.docId, cell.start, cell.end, text),
          name: series,
          text,
          value: v.value,
          unit: percent ? '%' : currency ? 'currency' : 'count',
          scale,
          ...(currency ? { currency } : {}),
          years: column.period ? [column.period.year] : [],
          region: null,
          speaker: chunk?.speaker ?? null,
          docId: table.docId,
          chunkId: chunk?.id ?? null,
          start: cell.start,
          end: cell.end,
          context: docText.slice(row.row.start, row.row.end),
          series,
          period: column.header || null,
        });
      });
    }
  }
  return out;
}
