import { formatPipeTable } from './html-table.js';
import { buildLines, CELL_GAP_FACTOR, LINE_Y_TOLERANCE_FACTOR, type PdfTextItem } from './pdf-lines.js';
import { findTables, MIN_TABLE_ROWS, type PageTable } from './pdf-tables.js';

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
