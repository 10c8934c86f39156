import type { Currency, Scale } from '../numbers/quantity.js';

/** One cell as written: `docText.slice(start, end)` is its verbatim content (empty cells have start === end). */
export interface TableCell {
  /** The cell's text with Markdown escapes resolved (`\|` -> `|`). */
  text: string;
  start: number;
  end: number;
}

/** A row as written: `docText.slice(start, end)` is the whole line, pipes included. */
export interface RawRow {
  start: number;
  end: number;
  cells: TableCell[];
}

/** A pipe table found in a document, before its headers and values are read. */
export interface RawTable {
  start: number;
  end: number;
  /** The line directly above the table, or the heading it sits under, when it reads like a caption. */
  caption: string | null;
  /** Where the caption line is written, when there is one directly above the table. */
  captionSpan: { start: number; end: number } | null;
  /** Text of the paragraphs just above the table (units and scale are often stated there). */
  lead: string;
  rows: RawRow[];
}

/** A reporting period read from a header: "2019", "FY19", "Q3 2021", "Year ended June 30, 2019". */
export interface Period {
  year: number;
  /** 1-4 when the header names a quarter. */
  quarter?: number;
  /** The header text the period was read from. */
  label: string;
}

/** How a column's or row's figures are expressed. */
export interface UnitHint {
  scale?: Scale;
  currency?: Currency;
  percent?: boolean;
}

/** A column of a table with its headers joined ("Year ended December 31 2019"). */
export interface TableColumn {
  header: string;
  period: Period | null;
  unit: UnitHint;
}

/** A number read from a cell: "$ 1,234" = 1234, "(361)" = -361, "12.5%" = 12.5 percent. */
export interface CellValue {
  value: number;
  percent: boolean;
  currency?: Currency;
  /** Digits after the decimal point as written. */
  decimals: number;
}

/** A body row: its label, the section row above it, and its cells. */
export interface TableRow {
  row: RawRow;
  label: string;
  /** The nearest section row above (a label with no figures), else null. */
  section: string | null;
  /** The label with its section ("Revenue: Services"), or the label alone when it already names the section. */
  series: string;
  unit: UnitHint;
  values: (CellValue | null)[];
}

/** A table read from a document: caption, headers per column, units, and its body rows. */
export interface Table {
  docId: string;
  /** The document's title, when known (it names the company or subject the table is about). */
  title?: string;
  /** Index of the table within its document. */
  index: number;
  start: number;
  end: number;
  caption: string | null;
  captionSpan: { start: number; end: number } | null;
  /** Column 0 holds row labels; its header is usually empty. */
  columns: TableColumn[];
  /** Rows read as headers (the first row and any further rows without figures). */
  headerRows: RawRow[];
  rows: TableRow[];
  /** Units stated for the whole table (caption, header cells, or the text just above). */
  unit: UnitHint;
}
