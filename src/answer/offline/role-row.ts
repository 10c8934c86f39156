import type { Table, TableCell, TableRow } from '../../tables/types.js';
import { termsOf } from './row-terms.js';
import { topicTerms } from './table-match.js';

/* "Who is the company's Chief Financial Officer?" asked of a table listing people with their positions. */

/**
 * Least share of a text cell's terms that are the question's for the cell to name the role it asks about: "President
 * and Chief Executive Officer" (three of four) names the one "who is the chief executive officer" asks about, and
 * "Senior Vice President, Chief Financial Officer and Treasurer" (three of seven) the chief financial officer.
 */
const MIN_ROLE_PRECISION = 0.4;

/** A row whose text cell names the role a "who" question asks about, and the row's label that answers it. */
export interface RoleRow {
  table: Table;
  row: TableRow;
  /** The cell naming the role ("Chief Financial Officer"). */
  role: TableCell;
  /** The row's label cell, the answer ("Andrew R Kaiser"). */
  label: TableCell;
}

/**
 * The row of a table whose text cell (not a figure) holds every term of the question, framing words aside, with at
 * least {@link MIN_ROLE_PRECISION} of its own terms from the question: its label answers the "who" question. The
 * cell with the fewest other words wins; null when no row fits, or two fit equally well.
 */
export function roleRow(question: string, tables: readonly Table[]): RoleRow | null {
  const asked = topicTerms(question);
  if (!asked.length) return null;
  let best: { found: RoleRow; precision: number } | undefined;
  let tied = false;
  for (const table of tables)
    for (const row of table.rows) {
      const label = row.row.cells[0];
      if (!label || label.end <= label.start) continue;
      row.row.cells.forEach((cell, j) => {
        if (j === 0 || row.values[j] || !/\p{L}/u.test(cell.text)) return;
        const terms = new Set(termsOf(cell.text));
        if (asked.some((t) => !terms.has(t))) return;
        const precision = asked.length / terms.size;
        if (precision < MIN_ROLE_PRECISION) return;
        if (best && precision === best.precision) tied = true;
        else if (!best || precision > best.precision) {
          best = { found: { table, row, role: cell, label }, precision };
          tied = false;
        }
      });
    }
  return best && !tied ? best.found : null;
}
