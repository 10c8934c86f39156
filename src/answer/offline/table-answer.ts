import type { CalcOp } from '../../numbers/index.js';
import { periodsIn } from '../../tables/periods.js';
import type { Period, Table } from '../../tables/types.js';
import type { QuestionAnalysis } from '../question/question.js';
import { asksTotalOverPeriods } from '../question/totals.js';
import { beforeAfterChange } from './before-after.js';
import { bestColumn, periodColumn, periodColumns } from './column-choice.js';
import { columnTotal, shareOfColumn } from './column-total.js';
import { atPeriod, datesRows } from './dated-rows.js';
import { namedRows, namesTwoSeries } from './named-series.js';
import { pairedSeries } from './paired-series.js';
import { cellsFor } from './period-cells.js';
import { rivalModifier } from './rival-modifier.js';
import type { TermWeight } from './row-terms.js';
import { MIN_LABEL_PRECISION, matchRows, type RowMatch, usable } from './table-match.js';
import { COUNT_RE, cellWords, magnitude, operand, type TableAnswer } from './table-operands.js';
import { acrossColumns, acrossSeries, overRowPeriods, severalCells } from './table-ops.js';
import { extremePeriod, listedPeriods, tablePeriods } from './table-periods.js';
import { asksExtremeRow, asksRows, extremeRow, listedRows } from './table-ranking.js';

/** A span of years ("2017-2019", "from 2017 to 2019", "2017 through 2019"): every year in it counts. */
const YEAR_RANGE_RE = /\b((?:19|20)\d\d)\s*(?:-|–|to|through|until)\s*((?:19|20)\d\d)\b/iu;
/** "Across all 3 years", "for all years", "over the three years": every period the row has. */
const ALL_PERIODS_RE =
  /\b(?:all|across|over|for) (?:the )?(?:(?:\d|two|three|four|five) )?(?:years|periods|quarters)\b/iu;

/** "The four quarters of 2024", "all quarters of 2024", "each quarter of 2024": every quarter column of that year. */
const QUARTERS_OF_RE = /\b(?:the (?:four|4)|all(?: the)?|all four|each(?: of the)?|every) quarters? (?:of|in)\b/iu;

/** The periods an average or a sum runs over: every year of a stated range, or all of the row's periods. */
function spanPeriods(question: string, periods: readonly Period[], m: RowMatch): Period[] {
  const range = YEAR_RANGE_RE.exec(question);
  const years = new Set(periodColumns(m).map((j) => m.table.columns[j]!.period!.year));
  const inRange = (y: number) =>
    range ? y >= Math.min(+range[1]!, +range[2]!) && y <= Math.max(+range[1]!, +range[2]!) : true;
  if (periods.length === 1 && !periods[0]!.quarter && QUARTERS_OF_RE.test(question)) {
    const year = periods[0]!.year;
    const quarters = periodColumns(m).flatMap((j) => {
      const p = m.table.columns[j]!.period!;
      return p.year === year && p.quarter ? [p.quarter] : [];
    });
    return [...new Set(quarters)]
      .sort((a, b) => a - b)
      .map((quarter) => ({ year, quarter, label: `Q${quarter} ${year}` }));
  }
  if (range || (!periods.length && ALL_PERIODS_RE.test(question))) {
    return [...years]
      .filter(inRange)
      .sort((a, b) => a - b)
      .map((year) => ({ year, label: String(year) }));
  }
  return [...periods];
}

/** "The change (increase, decrease) in X" asked of a table row: a difference, between its two latest periods when no years are named. */
const CHANGE_RE = /^(?!\s*(?:why|how)\b)[^?]*\b(?:change|increase|decrease|rise|decline) in\b/iu;

/** Rows scoring at least this share of the best row's score are tried in turn, one per table, at most {@link MAX_TABLES_TRIED}. */
const NEAR_BEST = 0.9;
const MAX_TABLES_TRIED = 3;

/** Operations over one series in two or more periods. */
const OVER_PERIODS: ReadonlySet<CalcOp> = new Set(['difference', 'growth_rate', 'cagr', 'average', 'sum']);
/** Operations over two series in one period. */
const ACROSS_SERIES: ReadonlySet<CalcOp> = new Set(['difference', 'ratio', 'share', 'sum', 'average']);

/**
 * Whether a question asks for the total of a row over the two years it names: it says "total" and the row is not
 * itself a total ("the total consolidated net revenue in 2018 and 2019" adds the years of "Consolidated net
 * revenues"; "the total assets in 2018 and 2019" reads the row "Total assets" in each). Percentages are never added.
 */
function totalsYears(question: string, m: RowMatch): boolean {
  return asksTotalOverPeriods(question) && !/\btotal\b/iu.test(m.row.label);
}

/** Another row of the same table naming question terms the best row does not, for two-series questions. */
function secondRow(best: RowMatch, matches: readonly RowMatch[]): RowMatch | undefined {
  return matches.find(
    (m) =>
      m !== best &&
      m.table === best.table &&
      m.precision >= MIN_LABEL_PRECISION &&
      [...m.matched].some((t) => !best.matched.has(t)),
  );
}

/**
 * Answers from table cells: the rows that best match the question's series (the best, and any nearly as
 * good in other tables, tried in turn), the columns of its periods, then either the cell itself or the
 * asked operation over the cells (one series over several periods, or two series in one period). Null
 * when no row matches well enough or a period is missing.
 */
export function answerFromTables(
  q: QuestionAnalysis,
  tables: readonly Table[],
  weigh: TermWeight,
  docText: (docId: string) => string,
): TableAnswer | null {
  if (!tables.length) return null;
  if (!q.op && asksExtremeRow(q.factual, tables)) return extremeRow(q.factual, tables, periodsIn(q.factual), weigh);
  if (!q.op && asksRows(q.factual)) return listedRows(q.factual, tables, weigh);
  const periods = periodsIn(q.factual);
  const total = !q.op || q.op === 'sum' ? columnTotal(q.factual, tables, periods, weigh) : null;
  if (total) return total;
  const paired =
    !q.op && periods.length === 1
      ? pairedSeries(q.factual, tables, weigh, periods[0]!, cellsFor(q.factual, tables, weigh))
      : null;
  if (paired) return paired;
  const matches = atPeriod(matchRows(q.factual, tables, weigh), periods);
  const top = matches[0];
  if (top && rivalModifier(q.factual, top.row.label)) return null;
  if (!usable(top)) return q.op ? null : tablePeriods(q.factual, tables, weigh, docText);
  const tried = new Set<Table>();
  for (const m of matches) {
    if (tried.size >= MAX_TABLES_TRIED || m.score < NEAR_BEST * top.score) break;
    if (!usable(m) || tried.has(m.table)) continue;
    tried.add(m.table);
    const answer = answerFromRow(q, m, matches, tables, weigh, docText);
    if (answer) return answer;
  }
  return null;
}

/** The answer the question gets when `best` is the row it is about. */
function answerFromRow(
  q: QuestionAnalysis,
  best: RowMatch,
  matches: readonly RowMatch[],
  tables: readonly Table[],
  weigh: TermWeight,
  docText: (docId: string) => string,
): TableAnswer | null {
  const periods = periodsIn(q.factual);
  const op = q.op ?? (CHANGE_RE.test(q.factual) ? 'difference' : null);
  const columnFor = (m: RowMatch, p: Period) => periodColumn(q.factual, m, p, weigh);
  const cellFor = cellsFor(q.factual, tables, weigh);
  if (!op) {
    const text = docText(best.table.docId);
    const listed = extremePeriod(q.factual, best, text) ?? listedPeriods(q.factual, best, text);
    if (listed) return listed;
    if (periods.length === 2 && totalsYears(q.factual, best)) {
      const summed = overRowPeriods('sum', q.factual, best, periods, cellFor);
      if (summed?.operands.every((o) => o.quantity.unit !== '%')) return summed;
    }
    if (periods.length > 1) return severalCells(q.factual, best, periods, cellFor);
    const col = bestColumn(q.factual, best, weigh);
    const o = periods.length ? cellFor(best, periods[0]!) : col !== undefined && col >= 0 ? operand(best, col) : null;
    if (!o) return null;
    const cell = o.match.row.row.cells[o.column]!;
    const count = COUNT_RE.test(q.factual) ? magnitude(cell) : null;
    const said = count ? count.text : cellWords(o);
    return {
      operands: [o],
      statement: `${o.series}${o.header ? `, ${o.header}` : ''}: ${said}`,
      ...(count ? { spans: [count] } : {}),
    };
  }
  if (ACROSS_SERIES.has(op) && (periods.length <= 1 || datesRows(best.table)) && namesTwoSeries(q.factual)) {
    const named = namedRows(q.factual, tables, weigh);
    const columnOf = (m: RowMatch) =>
      periods.length && periodColumns(m).length ? columnFor(m, periods[0]!) : bestColumn(q.factual, m, weigh);
    if (named) {
      const [ca, cb] = [columnOf(named[0]), columnOf(named[1])];
      const a = ca === undefined ? null : operand(named[0], ca);
      const b = cb === undefined ? null : operand(named[1], cb);
      if (a && b) return acrossSeries(op, q.factual, [a, b], true);
    }
    const columns = acrossColumns(op, q.factual, best, periods[0], weigh);
    if (columns) return columns;
  }
  let asked: Period[] = op === 'average' || op === 'sum' ? spanPeriods(q.factual, periods, best) : [...periods];
  if ((op === 'difference' || op === 'growth_rate') && periods.length === 1)
    asked = [{ year: periods[0]!.year - 1, label: String(periods[0]!.year - 1) }, periods[0]!];
  if (OVER_PERIODS.has(op) && asked.length >= 2) {
    const answer = overRowPeriods(op, q.factual, best, asked, cellFor);
    if (answer) return answer;
  }
  if (ACROSS_SERIES.has(op) && periods.length <= 1) {
    const other = secondRow(best, matches);
    const ofTotal = !other && op === 'share' ? shareOfColumn(q.factual, best, periods, weigh) : null;
    if (ofTotal) return ofTotal;
    if (other) {
      const col = periods.length ? columnFor(best, periods[0]!) : bestColumn(q.factual, best, weigh);
      const col2 = periods.length ? columnFor(other, periods[0]!) : col;
      const a = col === undefined ? null : operand(best, col);
      const b = col2 === undefined ? null : operand(other, col2);
      return a && b ? acrossSeries(op, q.factual, [a, b]) : null;
    }
    const columns = acrossColumns(op, q.factual, best, periods[0], weigh);
    if (columns) return columns;
  }
  if (!periods.length && !periodColumns(best).length) {
    const changed = beforeAfterChange(op, best);
    if (changed) return changed;
  }
  if (OVER_PERIODS.has(op) && !periods.length) {
    const years = [...new Set(periodColumns(best).map((j) => best.table.columns[j]!.period!.year))].sort(
      (a, b) => a - b,
    );
    const span = op === 'average' || op === 'sum' ? years : years.slice(-2);
    if (span.length >= 2)
      return overRowPeriods(
        op,
        q.factual,
        best,
        span.map((year) => ({ year, label: String(year) })),
        cellFor,
      );
  }
  return null;
}
