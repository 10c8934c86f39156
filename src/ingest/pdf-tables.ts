import type { Line, Range, Span } from './pdf-lines.js';

/** A table needs at least this many lines that split into two or more cells (header line included). */
export const MIN_TABLE_ROWS = 3;
/** Rows further apart vertically than this many font heights do not belong to the same table. */
const MAX_ROW_GAP_FACTOR = 2.5;
/** More than this share of the body lines (all but the first) must have a numeric cell. */
const MIN_NUMERIC_ROW_SHARE = 0.5;
/** Most consecutive single-cell lines (section labels in the first column) kept inside a table. */
const MAX_LABEL_LINES = 2;
/** Most single-cell lines above a table kept as spanning header rows (e.g. "Year ended December 31"). */
const MAX_SPANNING_HEADER_LINES = 2;

/**
 * A numeric cell: an optional sign or opening parenthesis, an optional currency, digits with
 * thousands separators or decimals, an optional unit (`%`, `bn`, `x`, ...) and closing parenthesis.
 * Matches `$ 1,234`, `(361)`, `12.5%`, `-0.4`, `US$12.75`, `3.1x`.
 */
const NUMERIC_CELL =
  /^[(+\-\u2212\u2013]?\s*(?:[A-Z]{0,3}[$\u20ac\u00a3\u00a5]\s*)?[(+\-\u2212\u2013]?\d[\d,.]*\s*(?:%|pp|bn|mn|m|k|x)?\)?\*?$/iu;

/** A detected table: its rows (already laid out on columns) and the indices of its text items. */
export interface PageTable {
  rows: string[][];
  items: number[];
}

/** Finds the tables among the page's lines, top to bottom. */
export function findTables(lines: readonly Line[]): PageTable[] {
  const tables: PageTable[] = [];
  let used = 0;
  for (const run of candidateRuns(lines)) {
    for (const found of tablesInRun(lines, run.start, run.end)) {
      if (found.start < used) continue;
      const top = spanningHeaderStart(lines, found.start, found.columns, used);
      const rowLines = lines.slice(top, found.end);
      tables.push({
        rows: rowLines.map((line) => placeOnColumns(line, found.columns)),
        items: rowLines.flatMap((line) => line.items),
      });
      used = found.end;
    }
  }
  return tables;
}

function isMultiCell(line: Line): boolean {
  return line.cells.length >= 2;
}

function closeBelow(upper: Line, lower: Line): boolean {
  return upper.y - lower.y <= MAX_ROW_GAP_FACTOR * Math.max(upper.height, lower.height);
}

/**
 * Maximal runs `[start, end)` of vertically close lines that start and end with a multi-cell line,
 * with at most {@link MAX_LABEL_LINES} single-cell lines in a row between multi-cell lines.
 */
function candidateRuns(lines: readonly Line[]): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!isMultiCell(lines[i]!)) {
      i += 1;
      continue;
    }
    let end = i + 1;
    let j = i + 1;
    while (j < lines.length && closeBelow(lines[j - 1]!, lines[j]!)) {
      const line = lines[j]!;
      if (isMultiCell(line)) end = j + 1;
      else if (j - end + 1 > MAX_LABEL_LINES) break;
      j += 1;
    }
    runs.push({ start: i, end });
    i = end;
  }
  return runs;
}

interface FoundTable {
  start: number;
  end: number;
  columns: Range[];
}

/**
 * The tables in lines `[start, end)`: the columns come from the run's most common multi-cell
 * shape; a line that does not fit them splits the run, and each part is tried on its own.
 */
function tablesInRun(lines: readonly Line[], start: number, end: number): FoundTable[] {
  while (start < end && !isMultiCell(lines[start]!)) start += 1;
  while (end > start && !isMultiCell(lines[end - 1]!)) end -= 1;
  const multi = lines.slice(start, end).filter(isMultiCell);
  if (multi.length < MIN_TABLE_ROWS) return [];
  const columns = columnsOf(multi);
  if (columns.length < 2) return [];
  for (let k = start; k < end; k += 1) {
    const line = lines[k]!;
    const fits = isMultiCell(line)
      ? cellColumns(line.cells, columns) !== undefined
      : isLabelCell(line.cells[0]!, columns);
    if (!fits) return [...tablesInRun(lines, start, k), ...tablesInRun(lines, k + 1, end)];
  }
  const body = multi.slice(1);
  const numeric = body.filter((line) => line.cells.some((cell) => NUMERIC_CELL.test(cell.text))).length;
  return numeric > body.length * MIN_NUMERIC_ROW_SHARE ? [{ start, end, columns }] : [];
}

/** Column ranges: the cells of the lines with the most common cell count, merged where they overlap. */
function columnsOf(multi: readonly Line[]): Range[] {
  const counts = new Map<number, number>();
  for (const line of multi) counts.set(line.cells.length, (counts.get(line.cells.length) ?? 0) + 1);
  const [shape] = [...counts].sort((p, q) => q[1] - p[1] || q[0] - p[0])[0]!;
  const cells = multi
    .filter((line) => line.cells.length === shape)
    .flatMap((line) => line.cells)
    .sort((p, q) => p.x0 - q.x0);
  const columns: Range[] = [];
  for (const cell of cells) {
    const last = columns.at(-1);
    if (last && cell.x0 < last.x1) last.x1 = Math.max(last.x1, cell.x1);
    else columns.push({ x0: cell.x0, x1: cell.x1 });
  }
  return columns;
}

function overlaps(cell: Range, column: Range): boolean {
  return cell.x0 < column.x1 && cell.x1 > column.x0;
}

/**
 * The columns each cell covers (those its x range overlaps), or undefined when a cell covers no
 * column or shares one with another cell.
 */
function cellColumns(cells: readonly Span[], columns: readonly Range[]): number[][] | undefined {
  const result: number[][] = [];
  let next = 0;
  for (const cell of cells) {
    const covered = columns.flatMap((column, c) => (overlaps(cell, column) ? [c] : []));
    if (covered.length === 0 || covered[0]! < next) return undefined;
    result.push(covered);
    next = covered.at(-1)! + 1;
  }
  return result;
}

/**
 * A section label: a single cell starting before the first column ends (it may be outdented)
 * and reaching no other column.
 */
function isLabelCell(cell: Span, columns: readonly Range[]): boolean {
  const [first, ...rest] = columns;
  return cell.x0 < first!.x1 && !rest.some((column) => overlaps(cell, column));
}

/**
 * Index of the top row of a table starting at `start`, moved up over single-cell lines right
 * above it that lie over the value columns only (spanning headers such as "Year ended ...").
 */
function spanningHeaderStart(lines: readonly Line[], start: number, columns: readonly Range[], floor: number): number {
  let top = start;
  while (top - 1 >= floor && start - (top - 1) <= MAX_SPANNING_HEADER_LINES) {
    const line = lines[top - 1]!;
    const cell = line.cells[0];
    const spanning =
      line.cells.length === 1 &&
      cell !== undefined &&
      closeBelow(line, lines[top]!) &&
      !overlaps(cell, columns[0]!) &&
      cell.x0 > columns[0]!.x1 &&
      columns.some((column) => overlaps(cell, column));
    if (!spanning) break;
    top -= 1;
  }
  return top;
}

/** The line's cells on the table's columns: a cell fills every column it covers; others stay empty. */
function placeOnColumns(line: Line, columns: readonly Range[]): string[] {
  const row = columns.map(() => '');
  const covered =
    line.cells.length === 1 && isLabelCell(line.cells[0]!, columns) ? [[0]] : cellColumns(line.cells, columns);
  line.cells.forEach((cell, i) => {
    for (const c of covered?.[i] ?? []) row[c] = row[c] ? `${row[c]} ${cell.text}` : cell.text;
  });
  return row;
}
