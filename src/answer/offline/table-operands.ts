import { type CalcOp, type CalcResult, calculate } from '../../numbers/index.js';
import type { Currency, Scale } from '../../numbers/quantity.js';
import type { CellValue, TableCell } from '../../tables/types.js';
import type { RowMatch } from './table-match.js';

/** A figure taken from a table cell, with the row and column it sits in. */
export interface TableOperand {
  match: RowMatch;
  column: number;
  value: CellValue;
  /** The cell's figure as the calculator reads it (scale and currency from the row, column or table). */
  quantity: { value: number; scale?: Scale; currency?: Currency; unit?: '%' };
  /** "Total net sales" or "Revenue: Product" (the section row above, when there is one). */
  series: string;
  /** The column header, e.g. "2019". */
  header: string;
}

/** What the tables answer: one cell, or a calculation over cells. */
export interface TableAnswer {
  operands: TableOperand[];
  result?: CalcResult;
  /** Plain statement of the figure or of what was computed (no citation markers). */
  statement: string;
  /** The spans that answer, when they are not the first operand's cell: header cells naming periods, or several cells. */
  spans?: TableCell[];
}

/** The figure of a row's cell as an operand, with the units its row, column or table states; null for an empty cell. */
export function operand(m: RowMatch, column: number): TableOperand | null {
  const value = m.row.values[column];
  if (!value) return null;
  const col = m.table.columns[column]!;
  const percent = value.percent || Boolean(m.row.unit.percent) || Boolean(col.unit.percent);
  const scale = m.row.unit.scale ?? col.unit.scale ?? m.table.unit.scale;
  const currency = value.currency ?? col.unit.currency ?? m.row.unit.currency ?? m.table.unit.currency;
  const quantity = percent
    ? { value: value.value, unit: '%' as const }
    : { value: value.value, ...(scale ? { scale } : {}), ...(currency ? { currency } : {}) };
  return { match: m, column, value, quantity, series: m.row.series, header: col.header };
}

/** Runs a calculator operation; null when the operands do not fit it. */
export function run(op: CalcOp, args: Record<string, unknown>): CalcResult | null {
  try {
    return calculate(op, args);
  } catch {
    return null;
  }
}

/** The cell text with the table's scale, as a reader would say it ("1,234 thousand"). */
export function cellWords(o: TableOperand): string {
  const text = o.match.row.row.cells[o.column]?.text ?? String(o.value.value);
  if (o.quantity.unit === '%' && !text.includes('%')) return `${text}%`;
  return o.quantity.scale && !o.value.percent ? `${text} ${o.quantity.scale}` : text;
}

/** The question asks how many ("the number of shares vested"): a count, never negative. */
export const COUNT_RE = /\bhow many\b|\bnumber of\b/iu;
/** A figure written in brackets ("(365,223)", a reduction in accounting notation) without them: its magnitude; null otherwise. */
export function magnitude(cell: TableCell): TableCell | null {
  const m = /^\(\s*(\d[\d,.]*)\s*\)$/u.exec(cell.text);
  if (!m || cell.end - cell.start !== cell.text.length) return null;
  const at = cell.text.indexOf(m[1]!);
  return { text: m[1]!, start: cell.start + at, end: cell.start + at + m[1]!.length };
}

/**
 * How figures are ranked for "highest" and "largest": by value, except when every one is below zero (outflows,
 * losses, movements in brackets), where the greatest is the one furthest from zero.
 */
export function rankBy(values: readonly number[]): { size: (v: number) => number; bySize: boolean } {
  const bySize = values.length > 0 && values.every((v) => v < 0);
  return { size: bySize ? Math.abs : (v) => v, bySize };
}

/** How an answer names the extreme it picked: "highest" or "lowest", or by size "largest" or "smallest". */
export const extremeWord = (most: boolean, bySize: boolean): string =>
  bySize ? (most ? 'largest in size' : 'smallest in size') : most ? 'highest' : 'lowest';
