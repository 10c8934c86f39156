import type { Period, Table } from '../../tables/types.js';
import { headerWeight, moneyBonus } from './column-choice.js';
import { type TermWeight, termsOf, weightOf } from './row-terms.js';
import { wholeRow } from './table-match.js';
import { extremeWord, operand, rankBy, type TableAnswer } from './table-operands.js';

/** "Which country had the highest X", "in which segment was X the largest": the row whose figure is the extreme. */
const WHICH_ROW_RE =
  /\b(?:which|what)(?: [\w-]+){0,2}? (?:countr(?:y|ies)|segments?|regions?|currenc(?:y|ies)|components?|products?|categor(?:y|ies)|items?|business(?:es)?|markets?|divisions?|lines?|types?|subsidiar(?:y|ies)|plans?|classe?s?|sources?|geograph(?:y|ies)|locations?)\b/iu;
const MOST_RE = /\b(?:highest|higher|largest|larger|greatest|greater|biggest|bigger|most|maximum|best|dearest)\b/iu;
const LEAST_RE = /\b(?:lowest|lower|smallest|smaller|least|fewest|minimum|worst|cheapest)\b/iu;
/** Rows that add others up are not candidates for the largest part. */
const TOTAL_ROW_RE = /^\s*sum\b|\b(?:sub)?total\b/iu;

/** "Which model", "what product": the noun a which-question asks for (group 1). */
const WHICH_NOUN_RE = /\b(?:which|what) ([\p{L}-]+)\b/iu;

/**
 * The question asks which row (country, segment, currency, ...) has the highest or lowest figure; with `tables`,
 * also when its "which" noun is what a table's row labels are (its first column's header: "which model" over a table
 * whose labels are under "Model").
 */
export function asksExtremeRow(question: string, tables: readonly Table[] = []): boolean {
  if (!MOST_RE.test(question) && !LEAST_RE.test(question)) return false;
  if (WHICH_ROW_RE.test(question)) return true;
  const noun = WHICH_NOUN_RE.exec(question)?.[1];
  const term = noun ? termsOf(noun)[0] : undefined;
  return term !== undefined && tables.some((t) => termsOf(t.columns[0]?.header).includes(term));
}

/**
 * The row with the highest or lowest figure in the column the question's measure and period point to (the
 * column whose header, with the caption, shares most weighted terms with the question), answered with the
 * row's label. Total rows are left out.
 */
export function extremeRow(
  question: string,
  tables: readonly Table[],
  periods: readonly Period[],
  weigh: TermWeight,
): TableAnswer | null {
  if (!asksExtremeRow(question, tables)) return null;
  const most = MOST_RE.test(question) && !LEAST_RE.test(question);
  const asked = new Set(termsOf(question));
  let pick: { table: Table; column: number; score: number } | undefined;
  for (const table of tables) {
    const caption = weightOf(
      termsOf(table.caption).filter((t) => asked.has(t)),
      weigh,
    );
    table.columns.forEach((col, j) => {
      if (j === 0 || (periods.length && col.period?.year !== periods[0]!.year)) return;
      if (!table.rows.some((r) => r.values[j])) return;
      const score = caption + headerWeight(table, j, asked, weigh) + moneyBonus(question, col);
      if (!pick || score > pick.score) pick = { table, column: j, score };
    });
  }
  if (!pick) return null;
  const { table, column } = pick;
  const rows = table.rows.filter((r) => r.values[column] && r.label && !TOTAL_ROW_RE.test(r.label));
  if (rows.length < 2) return null;
  const { size, bySize } = rankBy(rows.map((r) => r.values[column]!.value));
  const at = (r: (typeof rows)[number]) => size(r.values[column]!.value);
  const row = rows.reduce((a, b) => ((most ? at(b) > at(a) : at(b) < at(a)) ? b : a));
  const match = wholeRow(table, row, pick.score);
  const o = operand(match, column);
  const label = row.row.cells[0];
  if (!o || !label) return null;
  const others = rows
    .filter((r) => r !== row)
    .map((r) => `${r.label} ${r.row.cells[column]?.text ?? ''}`)
    .join(', ');
  return {
    operands: [o],
    statement: `${row.label} has the ${extremeWord(most, bySize)} ${table.columns[column]!.header || 'figure'} (${row.row.cells[column]?.text ?? o.value.value}; ${others})`,
    spans: [label],
  };
}

/** "What are the components of total revenue", "which countries are shown in the table": the rows' labels, listed. */
const LIST_ROWS_RE = new RegExp(
  [
    String.raw`^\s*(?:what|which) (?:are|were) (?:the )?(?:components?|regions?|segments?|countries|types|categories|items|currencies|products|lines|classes|sources|geograph(?:y|ies|ic regions))\b`,
    String.raw`^\s*which (?:components?|regions?|segments?|countries|types|categories|items|currencies|products|lines|classes|sources) (?:are|were) (?:shown|included|listed|given|presented)\b`,
  ].join('|'),
  'iu',
);

/** The question asks which rows a table lists. */
export function asksRows(question: string): boolean {
  return LIST_ROWS_RE.test(question);
}

/**
 * The labels of the rows a question asks to list: the rows of the section its words name ("the components
 * making up current assets"), else of the table whose caption, headers or rows share most of its words, with
 * total rows left out. Each label is a span, cited with its row.
 */
export function listedRows(question: string, tables: readonly Table[], weigh: TermWeight): TableAnswer | null {
  if (!asksRows(question)) return null;
  const asked = new Set(termsOf(question));
  const overlap = (terms: readonly string[]) =>
    weightOf(
      terms.filter((t) => asked.has(t)),
      weigh,
    );
  let best: { table: Table; section: string | null; score: number } | undefined;
  for (const table of tables) {
    const tableScore = overlap([...termsOf(table.caption), ...table.columns.flatMap((c) => termsOf(c.header))]);
    const sections = [...new Set(table.rows.map((r) => r.section))];
    for (const section of sections) {
      const score = tableScore + overlap(termsOf(section)) * 2;
      if (!best || score > best.score) best = { table, section, score };
    }
  }
  if (!best) return null;
  const { table, section } = best;
  const rows = table.rows.filter(
    (r) => r.section === section && r.label && !TOTAL_ROW_RE.test(r.label) && r.values.some((v) => v),
  );
  if (rows.length < 2) return null;
  const ops = rows.flatMap((row) => {
    const column = row.values.findIndex((v) => v !== null);
    const o = operand(wholeRow(table, row, best.score), column);
    return o ? [o] : [];
  });
  const spans = rows.flatMap((r) =>
    r.row.cells[0] && r.row.cells[0].end > r.row.cells[0].start ? [r.row.cells[0]] : [],
  );
  if (ops.length !== rows.length || spans.length !== rows.length) return null;
  return {
    operands: ops,
    statement: `${section ? `${section}: ` : 'The table lists '}${rows.map((r) => r.label).join('; ')}`,
    spans,
  };
}
