import type { SourceDocument } from '../types.js';
import { readCellValue } from './cell-value.js';
import { findTables } from './find-tables.js';
import { readPeriod } from './periods.js';
import type { CellValue, RawRow, RawTable, Table, TableColumn, TableRow, UnitHint } from './types.js';
import { leadScale, mergeHints, readUnitHint } from './unit-hints.js';

/** A header that names a comparison rather than a period ("Change 2019 vs 2018", "% Variance"). */
const DERIVED_HEADER_RE =
  /\bchange\b|\bvs\.?(?=\s|$)|\bversus\b|\bvariance\b|\bincrease\b|\bdecrease\b|\bdifference\b/iu;
/** A total row (or a row with no label, the section's total) closes the section above it: the rows after it are not parts of that section. */
const TOTAL_RE = /^\s*total\b/iu;
const TRAILING_COLON_RE = /[\s:：]+$/u;
/** A label that only states units: "(In thousands)", "(in millions of U.S. dollars)", "$'000", "RMB million". */
const UNIT_STATEMENT_RE =
  /^\(?\s*(?:in\s+|amounts?\s+in\s+)?(?:thousands|millions|billions|[$€£]?\s*['’]?000s?|(?:US\$|\$|€|£|RMB|USD|EUR|GBP)\s*(?:thousands?|millions?|billions?|['’]000))\b[^)]*\)?$/iu;

/** True when a cell's text is a year or period label rather than a figure ("2019", "FY19"). */
function isPeriodText(text: string): boolean {
  return readPeriod(text) !== null && !/\d{5,}|,\d{3}|\.\d/u.test(text);
}

/** A row after the first that still reads as a header: no figures besides periods, and not a bare section label. */
function isHeaderRow(row: RawRow): boolean {
  const [label, ...rest] = row.cells;
  const filled = rest.filter((c) => c.text !== '');
  if (!filled.length) return false;
  if (label && label.text !== '' && filled.every((c) => isPeriodText(c.text))) return true;
  return filled.every((c) => isPeriodText(c.text) || readCellValue(c.text) === null);
}

function joinHeaders(texts: readonly string[]): string {
  const parts: string[] = [];
  for (const t of texts) if (t && parts[parts.length - 1] !== t) parts.push(t);
  return parts.join(' ');
}

/**
 * A header row's texts per column, with a period header that Markdown wrote once spread over the columns
 * it spans: the only text of its row ("| | | Fiscal 2019 | |") covers every column, and a header over
 * sub-columns ("| | 2019 | | 2018 | |" above "Amount | %", "| | Dividend per share | |" above "2018 | 2019")
 * is carried right over their empty cells; other than a period, only over sub-columns of the same kind (two
 * years, not "Constant" and "2018"). Other texts stay where they are written, and the last header row
 * names single columns as written.
 */
function spanned(row: RawRow, below: RawRow | undefined, width: number): string[] {
  const texts = Array.from({ length: width }, (_, j) => row.cells[j]?.text ?? '');
  if (!below) return texts;
  const filled = texts.slice(1).filter(Boolean);
  if (filled.length === 1 && readPeriod(filled[0]!)) return texts.map((t, j) => (j === 0 ? t : filled[0]!));
  const sub = (j: number) => below.cells[j]?.text ?? '';
  for (let j = 2; j < width; j++) {
    const carries =
      !texts[j] &&
      texts[j - 1] &&
      sub(j) &&
      sub(j - 1) &&
      sub(j) !== sub(j - 1) &&
      (readPeriod(texts[j - 1]!) !== null || isPeriodText(sub(j)) === isPeriodText(sub(j - 1)));
    if (carries) texts[j] = texts[j - 1]!;
  }
  return texts;
}

function readColumns(headerRows: readonly RawRow[], width: number): TableColumn[] {
  const rows = headerRows.map((r, i) => spanned(r, headerRows[i + 1], width));
  return Array.from({ length: width }, (_, j) => {
    const header = joinHeaders(rows.map((r) => r[j]!));
    const period = j === 0 || DERIVED_HEADER_RE.test(header) ? null : readPeriod(header);
    return { header, period, unit: readUnitHint(header) };
  });
}

/** What a row is a figure of: its label with its section; a row with no label is the total of its section or table. */
function seriesOf(label: string, section: string | null): string {
  if (!label) return section ? `Total ${section}` : 'Total';
  return section && !label.toLowerCase().includes(section.toLowerCase()) ? `${section}: ${label}` : label;
}

/** Body rows, and the units stated by label-only rows that are unit statements ("(In thousands)"), not sections. */
/**
 * How many leading columns hold row labels rather than figures: column 0, and the columns after it in
 * which no body row has a figure while a later column does, each after a column that groups rows (a section label
 * written in its own column, as HTML row-spanning labels come out: blank or repeated down the rows). A column of
 * distinct names followed by text columns ("Model | Colour | Units sold") labels its rows by itself.
 */
function labelColumnCount(rows: readonly RawRow[], width: number): number {
  const hasFigures = (j: number) => rows.some((r) => readCellValue(r.cells[j]?.text ?? '') !== null);
  const cell = (r: RawRow | undefined, j: number) => r?.cells[j]?.text ?? '';
  const groups = (j: number) =>
    rows.some((r, i) => cell(r, j) === '' || (i > 0 && cell(r, j) === cell(rows[i - 1], j)));
  let count = 1;
  while (count < width - 1 && !hasFigures(count) && groups(count - 1) && rows.some((r) => cell(r, count) !== ''))
    count++;
  return count < width && [...Array(width - count).keys()].some((k) => hasFigures(count + k)) ? count : 1;
}

/** Body rows, and the units stated by label-only rows that are unit statements ("(In thousands)"), not sections. */
function bodyRows(rows: readonly RawRow[], columns: readonly TableColumn[]): { rows: TableRow[]; stated: UnitHint } {
  const out: TableRow[] = [];
  const labels = labelColumnCount(rows, columns.length);
  let stated: UnitHint = {};
  let section: string | null = null;
  for (const row of rows) {
    const clean = (j: number) => (row.cells[j]?.text ?? '').replace(TRAILING_COLON_RE, '');
    const label = clean(labels - 1) || clean(0);
    const outer =
      labels > 1
        ? [...Array(labels - 1).keys()]
            .map(clean)
            .filter((t) => t && t !== label)
            .join(' ')
        : '';
    const values: (CellValue | null)[] = columns.map((_, j) =>
      j < labels ? null : readCellValue(row.cells[j]?.text ?? ''),
    );
    const others = row.cells.slice(labels).filter((c) => c.text !== '');
    if (label && !others.length) {
      const hint = UNIT_STATEMENT_RE.test(label) ? readUnitHint(label) : {};
      if (hint.scale || hint.currency) stated = mergeHints(stated, hint);
      else section = label;
      continue;
    }
    const rowSection = outer || section;
    out.push({
      row,
      label,
      section: rowSection,
      series: seriesOf(label, rowSection),
      unit: readUnitHint(label),
      values,
    });
    if (TOTAL_RE.test(label) || !label) section = null;
  }
  return { rows: out, stated };
}

function readTable(docId: string, title: string | undefined, index: number, raw: RawTable): Table {
  const width = Math.max(...raw.rows.map((r) => r.cells.length));
  let headerCount = 1;
  while (headerCount < raw.rows.length && isHeaderRow(raw.rows[headerCount]!)) headerCount++;
  const headerRows = raw.rows.slice(0, headerCount);
  const columns = readColumns(headerRows, width);
  const headerText = headerRows.flatMap((r) => r.cells.map((c) => c.text)).join(' ');
  const lead = leadScale(raw.lead);
  const body = bodyRows(raw.rows.slice(headerCount), columns);
  const unit = mergeHints(
    readUnitHint(raw.caption ?? ''),
    readUnitHint(headerText),
    body.stated,
    lead ? { scale: lead } : {},
  );
  return {
    docId,
    ...(title ? { title } : {}),
    index,
    start: raw.start,
    end: raw.end,
    caption: raw.caption,
    captionSpan: raw.captionSpan,
    columns,
    headerRows,
    rows: body.rows,
    unit,
  };
}

/** A row that starts another header block inside a table: header-like, and naming a period ("| | Fiscal 2018 | |"). */
const startsBlock = (row: RawRow) => isHeaderRow(row) && row.cells.slice(1).some((c) => isPeriodText(c.text));

/**
 * A table that stacks several blocks, each under its own header rows naming its period (quarters of one
 * year, then the same rows for the year before), split into one table per block.
 */
function blocks(raw: RawTable): RawTable[] {
  let headerCount = 1;
  while (headerCount < raw.rows.length && isHeaderRow(raw.rows[headerCount]!)) headerCount++;
  const cuts = [0];
  for (let i = headerCount + 1; i < raw.rows.length; i++) {
    if (startsBlock(raw.rows[i]!) && !startsBlock(raw.rows[i - 1]!) && !isHeaderRow(raw.rows[i - 1]!)) cuts.push(i);
  }
  if (cuts.length === 1) return [raw];
  return cuts.map((from, k) => {
    const rows = raw.rows.slice(from, cuts[k + 1] ?? raw.rows.length);
    return { ...raw, start: rows[0]!.start, end: rows[rows.length - 1]!.end, rows };
  });
}

type TableDoc = Pick<SourceDocument, 'docId' | 'text'> & { title?: string };
const cache = new WeakMap<TableDoc, Table[]>();

/**
 * The tables of a document, read: header rows (the first row, and further rows holding only text and
 * periods; a table stacking blocks under headers of their own is read as one table per block), one header and period per column, section rows carried down to the rows under them, cell
 * values, and the units stated by the caption, headers or the paragraphs just above. Memoized per document.
 */
export function readTables(doc: TableDoc): Table[] {
  let tables = cache.get(doc);
  if (!tables) {
    tables = findTables(doc.text)
      .flatMap(blocks)
      .map((raw, i) => readTable(doc.docId, doc.title, i, raw));
    cache.set(doc, tables);
  }
  return tables;
}
