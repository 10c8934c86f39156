import { readPeriod } from '../../tables/periods.js';
import type { Period, Table, TableRow } from '../../tables/types.js';
import type { RowMatch } from './table-match.js';

/*
 * Tables that date their rows rather than their columns: a roll-forward opens and closes with a dated row
 * ("Outstanding at September 30, 2018", "Granted", "Exercised", "Outstanding at September 30, 2019") and its
 * columns are measures ("Number of shares", "Weighted-average price").
 */

/** A table dates its rows when at least this many of its row labels name a period and no column does. */
const MIN_DATED_ROWS = 2;

const yearsCache = new WeakMap<Table, (number | undefined)[]>();

/**
 * The year of each row of a table that dates its rows: a dated row's own year, and for the rows between
 * two dated rows the year of the one that closes them (movements belong to the period they lead up to).
 * Every entry is undefined for other tables.
 */
function rowYears(table: Table): (number | undefined)[] {
  let years = yearsCache.get(table);
  if (years) return years;
  const own = table.rows.map((r) => readPeriod(r.label)?.year);
  const dated = own.filter((y) => y !== undefined).length >= MIN_DATED_ROWS && !table.columns.some((c) => c.period);
  years = own.map(() => undefined);
  if (dated) {
    let next: number | undefined;
    for (let i = own.length - 1; i >= 0; i--) {
      next = own[i] ?? next;
      years[i] = next;
    }
  }
  yearsCache.set(table, years);
  return years;
}

/** Whether a table dates its rows instead of its columns. */
export function datesRows(table: Table): boolean {
  return rowYears(table).some((y) => y !== undefined);
}

/** The year a row of a dated table belongs to, or undefined. */
export function rowYear(table: Table, row: TableRow): number | undefined {
  return rowYears(table)[table.rows.indexOf(row)];
}

/** Whether a row of a dated table names `year` in its own label ("Outstanding at September 30, 2019"), not by position. */
export function datedInLabel(table: Table, row: TableRow, year: number): boolean {
  return datesRows(table) && readPeriod(row.label)?.year === year;
}

/** An English month name or its abbreviation ("Sept.", "December"). */
const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`;
const MONTH_DATE_RE = new RegExp(String.raw`\b${MONTH}\s*\d{0,2},?\s*(?:19|20)\d\d\b`, 'giu');
const DAY_DATE_RE = new RegExp(
  String.raw`\b${MONTH}\s+\d{1,2},?\s+(?:19|20)\d\d\b|\b\d{1,2}\s+${MONTH}\s+(?:19|20)\d\d\b`,
  'iu',
);

/** Whether a text writes a date with its month and day ("at December 31, 2019", "31 December 2019"): a point in time. */
export const writesDayDate = (text: string) => DAY_DATE_RE.test(text);

/** A row label with its dates taken out ("Outstanding at September 30, 2018" -> "outstanding at"). */
const undated = (label: string) =>
  label
    .toLowerCase()
    .replace(MONTH_DATE_RE, ' ')
    .replace(/\b(?:19|20)\d\d\b/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();

/**
 * The row of a dated table that says for `period` what `m`'s row says for its own year: the row with the
 * same label once dates are taken out, in that year. Null when the table has none.
 */
export function rowAt(m: RowMatch, period: Period): RowMatch | null {
  if (rowYear(m.table, m.row) === period.year) return m;
  const label = undated(m.row.label);
  const row = m.table.rows.find((r) => undated(r.label) === label && rowYear(m.table, r) === period.year);
  return row ? { ...m, row } : null;
}

/** Drops the rows of dated tables that belong to another year than the one period a question names. */
export function atPeriod(matches: readonly RowMatch[], periods: readonly Period[]): RowMatch[] {
  if (periods.length !== 1) return [...matches];
  const year = periods[0]!.year;
  return matches.filter((m) => !datesRows(m.table) || rowYear(m.table, m.row) === year);
}
