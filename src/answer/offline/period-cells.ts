import type { Period, Table } from '../../tables/types.js';
import { bestColumn, periodColumn } from './column-choice.js';
import { datesRows, rowAt } from './dated-rows.js';
import type { TermWeight } from './row-terms.js';
import type { RowMatch } from './table-match.js';
import { operand, type TableOperand } from './table-operands.js';

/** The cell holding a period's figure for a row's series, or null when the tables give none. */
export type CellFor = (m: RowMatch, p: Period) => TableOperand | null;

/**
 * Where the tables give a series' figure for a period: in the row's own column for that period; in a
 * table that dates its rows, in the row for that period (the column the question's words point to); else
 * in the same series of another table of the document that has the period (a table stacking one block per
 * year, or one table per year).
 */
export function cellsFor(question: string, tables: readonly Table[], weigh: TermWeight): CellFor {
  const inRow = (m: RowMatch, p: Period): TableOperand | null => {
    if (datesRows(m.table)) {
      const dated = rowAt(m, p);
      const col = dated ? bestColumn(question, dated, weigh) : undefined;
      const o = dated && col !== undefined && col >= 0 ? operand(dated, col) : null;
      return o && { ...o, series: `${o.series} (${o.header})`, header: p.label };
    }
    const col = periodColumn(question, m, p, weigh);
    return col === undefined ? null : operand(m, col);
  };
  return (m, p) => {
    const own = inRow(m, p);
    if (own) return own;
    for (const table of tables) {
      if (table === m.table || table.docId !== m.table.docId) continue;
      const row = table.rows.find((r) => r.series === m.row.series);
      const other = row ? inRow({ ...m, table, row }, p) : null;
      if (other) return other;
    }
    return null;
  };
}
