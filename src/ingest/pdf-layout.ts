import { formatPipeTable } from './html-table.js';

/** The fields of a pdf.js text item (`page.getTextContent().items`) that page layout reads. */
export interface PdfTextItem {
  str: string;
  /** Text matrix `[a, b, c, d, x, y]`: x at index 4, baseline y at index 5 (y grows upwards). */
  transform: readonly number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

/**
 * Two pieces of text on one line belong to different table cells when the horizontal gap between
 * them is wider than this many font heights (a space is about a quarter of the font height).
 */
export const CELL_GAP_FACTOR = 1.5;
/** Text items whose baselines differ by at most this many font heights are on the same line. */
export const LINE_Y_TOLERANCE_FACTOR = 0.5;
/** Two pieces of text in one cell further apart than this many font heights get a space between them. */
const WORD_GAP_FACTOR = 0.2;
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
/** A text matrix entry smaller than this is zero: the text is neither rotated nor skewed. */
const UPRIGHT_EPSILON = 1e-3;

/**
 * A numeric cell: an optional sign or opening parenthesis, an optional currency, digits with
 * thousands separators or decimals, an optional unit (`%`, `bn`, `x`, ...) and closing parenthesis.
 * Matches `$ 1,234`, `(361)`, `12.5%`, `-0.4`, `US$12.75`, `3.1x`.
 */
const NUMERIC_CELL =
  /^[(+\-\u2212\u2013]?\s*(?:[A-Z]{0,3}[$\u20ac\u00a3\u00a5]\s*)?[(+\-\u2212\u2013]?\d[\d,.]*\s*(?:%|pp|bn|mn|m|k|x)?\)?\*?$/iu;

/**
 * Rebuilds one page's text from its pdf.js text items, writing tables as Markdown pipe tables
 * (the convention of {@link formatPipeTable}: header row, delimiter row, one line per row, a blank
 * line before and after the block).
 *
 * Lines are rebuilt by grouping items whose baselines are within {@link LINE_Y_TOLERANCE_FACTOR}
 * font heights and sorting them by x; a line splits into cells at gaps wider than
 * {@link CELL_GAP_FACTOR} font heights. A table is a run of at least {@link MIN_TABLE_ROWS}
 * consecutive such lines (the first may be a header line) whose cells line up with the columns of
 * the run's most common row shape (cells overlap the column ranges, so left- and right-aligned
 * columns both work), where most lines after the first have a numeric cell. Inside a table,
 * a single-cell line in the first column is a section-label row; above it, up to two single-cell
 * lines lying over the value columns are spanning header rows, their text repeated in each column
 * they cover.
 *
 * What works: text PDFs whose cells fit on one line and whose columns are aligned (left, right or
 * centred) with clear gaps between them; missing cells come out empty.
 * What does not: cells wrapped onto several lines (each line becomes its own row, or breaks the
 * table), tables drawn as images or vector paths without a text layer, columns closer together
 * than the cell gap, and table captions (they stay plain lines). Header lines are merged into the
 * table only when their cells align with its columns, one row per line, never into one header cell.
 *
 * Everything that is not a table is written as unpdf's `extractText` writes it: the items' text in
 * content-stream order, a line break after each item that ends a line. A page without a table
 * therefore reads exactly as before.
 */
export function layoutPageText(items: readonly PdfTextItem[]): string {
  const tables = findTables(buildLines(items));
  if (tables.length === 0) return items.map(itemText).join('');
  const tableAt = new Map<number, PageTable>();
  const inTable = new Set<number>();
  for (const table of tables) {
    tableAt.set(
      table.items.reduce((first, index) => Math.min(first, index)),
      table,
    );
    for (const index of table.items) inTable.add(index);
  }
  const parts: string[] = [];
  let text = '';
  items.forEach((item, index) => {
    const table = tableAt.get(index);
    if (table) {
      parts.push(text, formatPipeTable(table.rows));
      text = '';
    }
    if (!inTable.has(index)) text += itemText(item);
  });
  parts.push(text);
  return joinAroundTables(parts);
}

/** A detected table: its rows (already laid out on columns) and the indices of its text items. */
interface PageTable {
  rows: string[][];
  items: number[];
}

/** A horizontal extent on the page: a cell's or a table column's. */
interface Range {
  x0: number;
  x1: number;
}

/** A run of text on one line, or a cell made of such runs. */
interface Span extends Range {
  text: string;
}

interface Line {
  /** Baseline of the line's first item. */
  y: number;
  /** Largest font height on the line. */
  height: number;
  /** Indices of every item on the line, whitespace included. */
  items: number[];
  /** Non-blank text split at wide gaps, left to right. */
  cells: Span[];
}

/** The text unpdf's `extractText` writes for an item. */
function itemText(item: PdfTextItem): string {
  return item.str + (item.hasEOL ? '\n' : '');
}

/** Text parts alternating with rendered tables (odd positions), joined with one blank line around each table. */
function joinAroundTables(parts: readonly string[]): string {
  let out = '';
  parts.forEach((part, i) => {
    if (i % 2 === 1) {
      out = out.trimEnd();
      out += `${(out ? '\n\n' : '') + part}\n\n`;
    } else {
      out += i > 0 ? part.replace(/^\s+/u, '') : part;
    }
  });
  return out.trimEnd();
}

function fontHeight(item: PdfTextItem): number {
  if (item.height > 0) return item.height;
  const [, , c = 0, d = 0] = item.transform;
  return Math.hypot(c, d);
}

function isUpright(item: PdfTextItem): boolean {
  const [a = 0, b = 0, c = 0] = item.transform;
  return a > 0 && Math.abs(b) < UPRIGHT_EPSILON && Math.abs(c) < UPRIGHT_EPSILON;
}

/**
 * Groups upright items into visual lines, top to bottom, each split into cells at wide gaps.
 * Lines holding only whitespace are dropped.
 */
function buildLines(items: readonly PdfTextItem[]): Line[] {
  const order = items
    .map((item, index) => ({ item, index, x: item.transform[4] ?? 0, y: item.transform[5] ?? 0 }))
    .filter(({ item }) => isUpright(item))
    .sort((p, q) => q.y - p.y || p.x - q.x);
  const drafts: { line: Line; pieces: Span[] }[] = [];
  let current: { line: Line; pieces: Span[] } | undefined;
  for (const { item, index, x, y } of order) {
    const height = fontHeight(item);
    if (!current || Math.abs(current.line.y - y) > LINE_Y_TOLERANCE_FACTOR * Math.max(current.line.height, height)) {
      current = { line: { y, height: 0, items: [], cells: [] }, pieces: [] };
      drafts.push(current);
    }
    current.line.items.push(index);
    if (item.str.trim() === '') continue;
    current.line.height = Math.max(current.line.height, height);
    current.pieces.push({ x0: x, x1: x + Math.max(0, item.width), text: item.str.trim() });
  }
  return drafts
    .map(({ line, pieces }) => ({ ...line, cells: splitCells(pieces, line.height) }))
    .filter((line) => line.cells.length > 0);
}

function splitCells(pieces: Span[], height: number): Span[] {
  const cells: Span[] = [];
  for (const piece of [...pieces].sort((p, q) => p.x0 - q.x0)) {
    const last = cells.at(-1);
    const gap = last ? piece.x0 - last.x1 : Infinity;
    if (!last || gap > CELL_GAP_FACTOR * height) {
      cells.push({ ...piece });
      continue;
    }
    last.text += (gap > WORD_GAP_FACTOR * height ? ' ' : '') + piece.text;
    last.x1 = Math.max(last.x1, piece.x1);
  }
  return cells;
}

/** Finds the tables among the page's lines, top to bottom. */
function findTables(lines: readonly Line[]): PageTable[] {
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
