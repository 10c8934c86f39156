import type { Period, Table, TableRow } from '../../tables/types.js';
import { bestColumn, headerWeight, periodColumn } from './column-choice.js';
import { type TermWeight, termsOf } from './row-terms.js';
import { type RowMatch, wholeRow } from './table-match.js';
import { operand, run, type TableAnswer, type TableOperand } from './table-operands.js';

/** "How many did it sell in total", "total units", "all models combined": the rows of a column added up. */
const COLUMN_TOTAL_RE = /\b(?:in total|total|altogether|combined)\b/iu;
/** A row that adds others up, or names their total. */
const TOTAL_ROW_RE = /^\s*sum\b|\b(?:sub)?total\b|^\s*all\b/iu;

/** The labelled rows with figures that a column total adds up; none when one of them is itself a total. */
function summedRows(table: Table): TableRow[] {
  const rows = table.rows.filter((r) => r.label && r.values.some((v) => v));
  return rows.some((r) => TOTAL_ROW_RE.test(r.label)) ? [] : rows;
}

/** The rows' figures in a column, or null when one is missing or a percentage (percentages are not added up). */
function columnOperands(rows: readonly RowMatch[], column: number): TableOperand[] | null {
  const ops = rows.map((m) => operand(m, column));
  return ops.every((o): o is TableOperand => o !== null && o.quantity.unit !== '%') ? ops : null;
}

/**
 * Whether the question names the rows together and none apart: a term every label has ("Brisa" of "Brisa Lite",
 * "Brisa One", "Brisa Max"), and no term of a label that another label lacks.
 */
function namesAllRows(asked: ReadonlySet<string>, labels: readonly string[][]): boolean {
  const shared = [...asked].some((t) => labels.every((terms) => terms.includes(t)));
  const apart = labels.some((terms, i) =>
    terms.some((t) => asked.has(t) && labels.some((other, k) => k !== i && !other.includes(t))),
  );
  return shared && !apart;
}

/**
 * The total of a column that has no total row, for a question asking for the total of what its rows share ("how many
 * phones did Brisa sell in total in 2024" over rows "Brisa Lite", "Brisa One", "Brisa Max" and a column "Units sold
 * 2024"): every row's figure added by the calculator. The question must name the rows by what their labels share and
 * none of them apart. The column is the question's period's, else the one its words name; none when a row is a total,
 * or when a figure is a percentage or missing.
 */
export function columnTotal(
  question: string,
  tables: readonly Table[],
  periods: readonly Period[],
  weigh: TermWeight,
): TableAnswer | null {
  if (!COLUMN_TOTAL_RE.test(question) || periods.length > 1) return null;
  const asked = new Set(termsOf(question));
  const labelled = new Map(tables.map((t) => [t, new Set(t.rows.flatMap((r) => termsOf(r.label)))]));
  // Question terms that label rows somewhere ("Northland"): the table added up must have them all.
  const inLabels = [...asked].filter((term) => tables.some((t) => labelled.get(t)!.has(term)));
  for (const table of tables) {
    const rows = summedRows(table);
    if (rows.length < 2 || !inLabels.every((term) => labelled.get(table)!.has(term))) continue;
    const labels = rows.map((r) => termsOf(r.label));
    if (!namesAllRows(asked, labels)) continue;
    const first = wholeRow(table, rows[0]!);
    const column = periods.length
      ? periodColumn(question, first, periods[0]!, weigh)
      : namedColumn(question, first, asked, weigh);
    if (column === undefined) continue;
    const ops = columnOperands(
      rows.map((r) => wholeRow(table, r)),
      column,
    );
    if (!ops) continue;
    const result = run('sum', { values: ops.map((o) => o.quantity) });
    if (!result) continue;
    const names = ops.map((o) => o.series);
    const listed = `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
    return {
      operands: ops,
      result,
      statement: `${listed} sum to ${result.display} in ${table.columns[column]!.header}`,
    };
  }
  return null;
}

/** The column a question's words name (some header term), or undefined when they name none. */
function namedColumn(question: string, first: RowMatch, asked: ReadonlySet<string>, weigh: TermWeight) {
  const column = bestColumn(question, first, weigh);
  return column !== undefined && column > 0 && headerWeight(first.table, column, asked, weigh) > 0 ? column : undefined;
}

/**
 * A row's share of its column's total, for a share question naming one row of a table that has no total row ("what
 * share of 2024 units were Brisa Max phones"): the row's figure over every row's figure added up. Null when a row is
 * a total, a figure is a percentage or missing, or the table has fewer than three rows.
 */
export function shareOfColumn(
  question: string,
  best: RowMatch,
  periods: readonly Period[],
  weigh: TermWeight,
): TableAnswer | null {
  const { table } = best;
  const rows = summedRows(table);
  if (rows.length < 3 || periods.length > 1) return null;
  const column = periods.length ? periodColumn(question, best, periods[0]!, weigh) : bestColumn(question, best, weigh);
  if (column === undefined || column <= 0) return null;
  const ops = columnOperands(
    rows.map((r) => (r === best.row ? best : wholeRow(table, r))),
    column,
  );
  const part = ops?.find((o) => o.match === best);
  if (!ops || !part) return null;
  const whole = run('sum', { values: ops.map((o) => o.quantity) });
  if (!whole) return null;
  const result = run('share', { part: part.quantity, whole: { ...part.quantity, value: whole.value } });
  if (!result) return null;
  return {
    operands: [part, ...ops.filter((o) => o !== part)],
    result,
    statement: `${part.series} (${part.match.row.row.cells[column]?.text ?? part.value.value}) is ${result.display} of ${whole.display}, the sum of the table's ${ops.length} rows, in ${table.columns[column]!.header}`,
  };
}
