import type { Period, Table } from '../tables/types.js';
import { operand, type TableAnswer } from './table-operands.js';
import { termsOf, weightOf, type RowMatch, type TermWeight } from './table-match.js';

/** "Which country had the highest X", "in which segment was X the largest": the row whose figure is the extreme. */
const WHICH_ROW_RE = /\b(?:which|what) (?:countr(?:y|ies)|segments?|regions?|currenc(?:y|ies)|components?|products?|categor(?:y|ies)|items?|business(?:es)?|markets?|divisions?|lines?|types?|subsidiar(?:y|ies)|plans?|classe?s?|sources?|geograph(?:y|ies)|locations?)\b/iu;
const MOST_RE = /\b(?:highest|higher|largest|larger|greatest|greater|biggest|bigger|most|maximum|best)\b/iu;
const LEAST_RE = /\b(?:lowest|lower|smallest|smaller|least|fewest|minimum|worst)\b/iu;
/** Rows that add others up are not candidates for the largest part. */
const TOTAL_ROW_RE = /^\s*(?:total|subtotal|sum|net total|grand total)\b/iu;

/** The question asks which row (country, segment, currency, ...) has the highest or lowest figure. */
export function asksExtremeRow(question: string): boolean {
  return WHICH_ROW_RE.test(question) && (MOST_RE.test(question) || LEAST_RE.test(question));
}

/**
 * The row with the highest or lowest figure in the column the question's measure and period point to (the
 * column whose header, with the caption, shares most weighted terms with the question), answered with the
 * row's label. Total rows are left out.
 */
export function extremeRow(question: string, tables: readonly Table[], periods: readonly Period[], weigh: TermWeight): TableAnswer | null {
  if (!asksExtremeRow(question)) return null;
  const most = MOST_RE.test(question);
  const asked = new Set(termsOf(question));
  let pick: { table: Table; column: number; score: number } | undefined;
  for (const table of tables) {
    const caption = weightOf(termsOf(table.caption).filter((t) => asked.has(t)), weigh);
    table.columns.forEach((col, j) => {
      if (j === 0 || (periods.length && col.period?.year !== periods[0]!.year)) return;
      if (!table.rows.some((r) => r.values[j])) return;
      const score = caption + weightOf(termsOf(col.header).filter((t) => asked.has(t)), weigh);
      if (!pick || score > pick.score) pick = { table, column: j, score };
    });
  }
  if (!pick) return null;
  const { table, column } = pick;
  const rows = table.rows.filter((r) => r.values[column] && r.label && !TOTAL_ROW_RE.test(r.label));
  if (rows.length < 2) return null;
  const row = rows.reduce((a, b) => ((most ? b.values[column]!.value > a.values[column]!.value : b.values[column]!.value < a.values[column]!.value) ? b : a));
  const match: RowMatch = { table, row, recall: 1, precision: 1, score: pick.score, matched: new Set() };
  const o = operand(match, column);
  const label = row.row.cells[0];
  if (!o || !label) return null;
  const others = rows.filter((r) => r !== row).map((r) => `${r.label} ${r.row.cells[column]?.text ?? ''}`).join(', ');
  return { operands: [o], statement: `${row.label} has the ${most ? 'highest' : 'lowest'} ${table.columns[column]!.header || 'figure'} (${o.value.value}; ${others})`, spans: [label] };
}
