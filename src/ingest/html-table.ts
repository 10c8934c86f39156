import type { DomNode, FormatCallback } from 'html-to-text';

type BlockTextBuilder = Parameters<FormatCallback>[2];
type Walk = Parameters<FormatCallback>[1];
/** A cell as html-to-text hands it to a table printer: its rendered text and spans. */
type TablePrinterCell = Parameters<
  NonNullable<Parameters<BlockTextBuilder['closeTable']>[0]>['tableToString']
>[0][number][number];

/** Name under which {@link formatPipeTable} is registered in html-to-text's `formatters` option. */
export const PIPE_TABLE_FORMAT = 'pipeTable';

/** Largest `colspan` honoured, as in the HTML standard; larger values are clamped. */
const MAX_COLSPAN = 1000;
/** Largest `rowspan` honoured, as in the HTML standard; larger values are clamped. */
const MAX_ROWSPAN = 65534;
/** Blank line before and after a table block (html-to-text counts line breaks, not blank lines). */
const TABLE_LINE_BREAKS = 2;

/**
 * Renders a table in the document-text table convention shared by every loader: an optional
 * caption line, then one GitHub-flavoured Markdown pipe line per row, the first row being the
 * header row followed by the delimiter row `| --- | ... |`.
 *
 * ```
 * Caption
 * | header | header |
 * | --- | --- |
 * | cell | cell |
 * ```
 *
 * Rows shorter than the widest row are padded with empty cells, so every line has the same
 * number of cells. Cell text has its whitespace collapsed to single spaces and `|` escaped as
 * `\|`; an empty cell is written as `|  |`. Returns the lines joined by `\n` (no surrounding
 * blank lines), or the caption alone (or `''`) when there are no rows.
 */
export function formatPipeTable(rows: readonly (readonly string[])[], caption?: string): string {
  const title = caption === undefined ? '' : collapseWhitespace(caption);
  const width = Math.max(0, ...rows.map((row) => row.length));
  if (rows.length === 0 || width === 0) return title;
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  const padded = rows.map((row) =>
    Array.from({ length: width }, (_, col) => collapseWhitespace(row[col] ?? '').replace(/\|/gu, '\\|')),
  );
  const [header, ...body] = padded;
  const lines = [line(header!), line(Array.from({ length: width }, () => '---')), ...body.map(line)];
  return (title ? [title, ...lines] : lines).join('\n');
}

/**
 * html-to-text formatter (register under {@link PIPE_TABLE_FORMAT} and select `table` with it)
 * writing each table in the {@link formatPipeTable} convention, with a blank line before and
 * after the block.
 *
 * - Row order: `<thead>` rows, then `<tbody>` rows and rows directly under `<table>` in document
 *   order, then `<tfoot>` rows. The first of them is the header row; any further header rows
 *   follow as ordinary rows.
 * - `colspan=n` repeats the cell's text in each of its n columns; `rowspan=n` repeats it in the
 *   same column of the next n-1 rows of its row group (`rowspan=0`: to the end of the group).
 * - Cell and caption content goes through html-to-text's own formatters (links keep their text,
 *   images are skipped, `<br>` becomes a space) and is collapsed onto one line.
 * - A table nested in a cell is written into that cell flattened: caption and cell texts joined
 *   by spaces.
 */
export const formatPipeTableElement: FormatCallback = (elem, walk, builder) => {
  const nested = hasTableAncestor(elem);
  const layout = collectRows(elem);
  builder.openTable();
  if (layout.caption) addRow(builder, walk, [layout.caption]);
  for (const row of layout.rows) addRow(builder, walk, row.cells);
  builder.closeTable({
    tableToString: (printed) => {
      const captionText = layout.caption ? cellTexts(printed[0] ?? []).join(' ') : undefined;
      const bodyRows = layout.caption ? printed.slice(1) : printed;
      if (nested) return collapseWhitespace([captionText ?? '', ...bodyRows.flatMap(cellTexts)].join(' '));
      const grid = expandSpans(
        bodyRows,
        layout.rows.map((row) => row.group),
      );
      return formatPipeTable(grid, captionText || undefined);
    },
    leadingLineBreaks: nested ? 1 : TABLE_LINE_BREAKS,
    trailingLineBreaks: nested ? 1 : TABLE_LINE_BREAKS,
  });
};

/** One `<tr>`: its `th`/`td` cells and the row group (thead, tbody, ...) it belongs to. */
interface SourceRow {
  cells: DomNode[];
  group: number;
}

interface TableLayout {
  caption: DomNode | undefined;
  rows: SourceRow[];
}

/** Finds the caption and the rows of `table` (not of tables nested in it), in rendering order. */
function collectRows(table: DomNode): TableLayout {
  let caption: DomNode | undefined;
  const head: SourceRow[] = [];
  const body: SourceRow[] = [];
  const foot: SourceRow[] = [];
  let group = 0;
  let inLooseGroup = false;
  const rowOf = (tr: DomNode, g: number): SourceRow => ({
    cells: tr.children.filter((c) => c.type === 'tag' && (c.name === 'th' || c.name === 'td')),
    group: g,
  });
  for (const child of table.children) {
    if (child.type !== 'tag') continue;
    const name = child.name?.toLowerCase();
    if (name === 'caption') {
      caption ??= child;
      continue;
    }
    if (name === 'tr') {
      if (!inLooseGroup) group += 1;
      inLooseGroup = true;
      body.push(rowOf(child, group));
      continue;
    }
    inLooseGroup = false;
    const target = name === 'thead' ? head : name === 'tbody' ? body : name === 'tfoot' ? foot : undefined;
    if (!target) continue;
    group += 1;
    for (const tr of child.children)
      if (tr.type === 'tag' && tr.name?.toLowerCase() === 'tr') target.push(rowOf(tr, group));
  }
  return { caption, rows: [...head, ...body, ...foot] };
}

/** Renders `cells` as one table row of the builder, each cell's content walked by html-to-text. */
function addRow(builder: BlockTextBuilder, walk: Walk, cells: readonly DomNode[]): void {
  builder.openTableRow();
  for (const cell of cells) {
    builder.openTableCell();
    walk(cell.children, builder);
    builder.closeTableCell({
      colspan: spanAttribute(cell, 'colspan', 1, MAX_COLSPAN),
      rowspan: spanAttribute(cell, 'rowspan', 0, MAX_ROWSPAN),
    });
  }
  builder.closeTableRow();
}

/** A `colspan`/`rowspan` attribute as an integer in [min, max]; missing or invalid is 1. */
function spanAttribute(cell: DomNode, name: 'colspan' | 'rowspan', min: number, max: number): number {
  const attribs = cell.attribs as Record<string, string | undefined> | undefined;
  const raw = attribs?.[name];
  if (raw === undefined || !/^\s*\d+/u.test(raw)) return 1;
  return Math.min(max, Math.max(min, Number.parseInt(raw, 10)));
}

/**
 * Lays the printed rows out on a grid: each cell fills `colspan` columns and `rowspan` rows
 * (within its row group; 0 means to the end of the group), taking the first column not already
 * filled by a cell spanning down from above.
 */
function expandSpans(rows: readonly (readonly TablePrinterCell[])[], groups: readonly number[]): string[][] {
  const grid: string[][] = rows.map(() => []);
  const groupEnd = (r: number): number => {
    let end = r;
    while (end + 1 < rows.length && groups[end + 1] === groups[r]) end += 1;
    return end;
  };
  rows.forEach((row, r) => {
    const line = grid[r]!;
    let col = 0;
    for (const cell of row) {
      while (line[col] !== undefined) col += 1;
      const text = cellText(cell);
      const lastRow = cell.rowspan === 0 ? groupEnd(r) : Math.min(groupEnd(r), r + cell.rowspan - 1);
      for (let rr = r; rr <= lastRow; rr += 1) {
        const target = grid[rr]!;
        for (let c = col; c < col + cell.colspan; c += 1) target[c] ??= text;
      }
      col += cell.colspan;
    }
  });
  return grid.map((line) => Array.from(line, (text) => text ?? ''));
}

function cellTexts(row: readonly TablePrinterCell[]): string[] {
  return row.map(cellText);
}

function cellText(cell: TablePrinterCell): string {
  return collapseWhitespace(cell.text);
}

function collapseWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

function hasTableAncestor(elem: DomNode): boolean {
  for (let node = elem.parent; node; node = node.parent) {
    if (node.type === 'tag' && node.name?.toLowerCase() === 'table') return true;
  }
  return false;
}
