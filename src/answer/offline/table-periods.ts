import type { Table, TableCell } from '../../tables/types.js';
import { periodColumns } from './column-choice.js';
import { contextTerms, type TermWeight, termsOf, weightOf } from './row-terms.js';
import { type RowMatch, wholeRow } from './table-match.js';
import { cellWords, extremeWord, operand, rankBy, type TableAnswer, type TableOperand } from './table-operands.js';

/** "In which year was X higher", "what year had the largest X": the period whose figure is the extreme. */
const WHICH_PERIOD_RE = /\b(?:which|what) (?:of the )?(?:year|period|quarter|month)s?\b/iu;
const MOST_RE = /\b(?:highest|higher|largest|larger|greatest|greater|biggest|bigger|more|most|maximum|peak|best)\b/iu;
const LEAST_RE = /\b(?:lowest|lower|smallest|smaller|least|less|fewer|fewest|minimum|worst)\b/iu;

/**
 * Where a header cell of the column names its period, as written: the year ("2019" in "Year ended 2019"),
 * else the fiscal or quarter label ("FY23", "Q3 2021"), else the whole cell (for a short answer).
 */
export function periodCell(table: Table, column: number, docText: string): TableCell | undefined {
  const year = table.columns[column]?.period?.year;
  if (year === undefined) return undefined;
  const named = new RegExp(String.raw`\b(?:FY|F|Q[1-4])\s?'?(?:${year}|${String(year).slice(2)})\b|${year}`, 'iu');
  for (const row of [...table.headerRows].reverse()) {
    const cell = row.cells[column];
    if (!cell || cell.end <= cell.start) continue;
    const written = docText.slice(cell.start, cell.end);
    const m = named.exec(written);
    if (m) return { text: m[0], start: cell.start + m.index, end: cell.start + m.index + m[0].length };
  }
  return undefined;
}

/** The question asks in which period a figure is highest or lowest ("in which year was X higher"). */
export function asksExtremePeriod(question: string): boolean {
  return WHICH_PERIOD_RE.test(question) && (MOST_RE.test(question) || LEAST_RE.test(question));
}

/** "Which years does the table cover", "in which years was X calculated": the periods a row has figures for. */
const WHICH_PERIODS_RE = /\b(?:which|what) (?:of the )?(?:years|periods|quarters)\b/iu;
/** A bound the figure must pass: "exceed 0.5", "more than $200,000", "less than 100". */
const THRESHOLD_RE =
  /\b(?:(exceed(?:ed|s)?|more than|greater than|above|over|higher than|larger than)|(less than|fewer than|below|under|lower than|smaller than))\s+\$?\s*([\d,]+(?:\.\d+)?)/iu;

/** "How many years did X exceed 200": a count of the periods passing a bound. */
const HOW_MANY_PERIODS_RE = /\bhow many (years|periods|quarters)\b/iu;

/** The question asks which periods a row covers, which pass a bound, or how many do. */
export function asksPeriods(question: string): boolean {
  return (
    WHICH_PERIODS_RE.test(question) ||
    ((WHICH_PERIOD_RE.test(question) || HOW_MANY_PERIODS_RE.test(question)) && THRESHOLD_RE.test(question))
  );
}

/**
 * The periods a row has figures for, or those whose figure passes the question's bound ("which years did
 * X exceed 0.5"), each answered with the year cut from its header cell.
 */
export function listedPeriods(question: string, m: RowMatch, docText: string): TableAnswer | null {
  if (!asksPeriods(question)) return null;
  const bound = THRESHOLD_RE.exec(question);
  const limit = bound ? Number(bound[3]!.replace(/,/gu, '')) : undefined;
  const passes = (v: number) => limit === undefined || (bound![1] ? v > limit : v < limit);
  const cols = periodColumns(m, question).filter((j) => passes(m.row.values[j]!.value));
  const cells = cols.map((j) => periodCell(m.table, j, docText));
  if (!cols.length || cells.some((c) => !c)) return null;
  const ops = cols.map((j) => operand(m, j)).filter((o): o is TableOperand => o !== null);
  const which = ops.map((o) => `${o.header} (${cellWords(o)})`).join(', ');
  const counted = HOW_MANY_PERIODS_RE.exec(question);
  const passing =
    limit === undefined
      ? `The table gives ${m.row.series} for ${which}`
      : `${m.row.series} is ${bound![1] ? 'above' : 'below'} ${bound![3]} in ${which}`;
  const statement = counted ? `${cols.length} ${counted[1]!.toLowerCase()}: ${passing}` : passing;
  return { operands: ops, statement, ...(counted ? {} : { spans: cells as TableCell[] }) };
}

/** The period in which the row's figure is highest or lowest, as the question asks. */
export function extremePeriod(question: string, m: RowMatch, docText: string): TableAnswer | null {
  if (!asksExtremePeriod(question) || THRESHOLD_RE.test(question)) return null;
  const most = MOST_RE.test(question);
  const cols = periodColumns(m, question);
  if (cols.length < 2) return null;
  const { size, bySize } = rankBy(cols.map((j) => m.row.values[j]!.value));
  const pick = cols.reduce((best, j) => {
    const v = size(m.row.values[j]!.value);
    const b = size(m.row.values[best]!.value);
    return (most ? v > b : v < b) ? j : best;
  });
  const o = operand(m, pick);
  const cell = periodCell(m.table, pick, docText);
  if (!o || !cell) return null;
  const others = cols
    .filter((j) => j !== pick)
    .map(
      (j) =>
        `${m.row.row.cells[j]?.text ?? ''} in ${periodCell(m.table, j, docText)?.text ?? m.table.columns[j]!.header}`,
    )
    .join(', ');
  return {
    operands: [o],
    statement: `${o.series} was ${extremeWord(most, bySize)} in ${cell.text} (${cellWords(o)}; ${others})`,
    spans: [cell],
  };
}

/**
 * "Which years does the table provide information for X", asked of a table rather than of one row: the
 * periods of the table whose caption, headers and rows share most weighted terms with the question.
 */
export function tablePeriods(
  question: string,
  tables: readonly Table[],
  weigh: TermWeight,
  docText: (docId: string) => string,
): TableAnswer | null {
  if (!WHICH_PERIODS_RE.test(question) || THRESHOLD_RE.test(question)) return null;
  const asked = new Set(termsOf(question));
  const overlap = (t: Table) =>
    weightOf(
      new Set(
        [...contextTerms(t), ...t.rows.flatMap((r) => [...termsOf(r.label), ...termsOf(r.section)])].filter((x) =>
          asked.has(x),
        ),
      ),
      weigh,
    );
  const table = [...tables].sort((a, b) => overlap(b) - overlap(a))[0];
  const row = table?.rows.find((r) => periodColumns(wholeRow(table, r)).length >= 2);
  if (!table || !row || overlap(table) === 0) return null;
  return listedPeriods(question, wholeRow(table, row), docText(table.docId));
}
