import type { Period, Table, TableColumn } from '../../tables/types.js';
import { asksPrice } from '../question/currency.js';
import { type TermWeight, termsOf, weightOf } from './row-terms.js';
import type { RowMatch } from './table-match.js';

/** The question asks for a percentage ("the percent of total sales", "% of revenue", "what proportion"). */
const WANTS_PERCENT_RE = /%|\bpercent(?:age)?\b|\bproportion\b|\bshare of\b/iu;
/** Wording of a relative change ("percentage change"): it asks for a calculation, not for a percentage column. */
const CHANGE_WORDING_RE = /\b(?:percent(?:age)?|%)\s*(?:change|increase|decrease|growth|rise|decline)\b/giu;
const wantsPercent = (question: string) => WANTS_PERCENT_RE.test(question.replace(CHANGE_WORDING_RE, ' '));
/** A column header of percentages ("% of Total", "Margin %", "(%)"). */
const PERCENT_HEADER_RE = /%|\bpercent(?:age)?\b/iu;
/** How much a column whose header agrees with the question about percentages outweighs one header term. */
const PERCENT_COLUMN_BONUS = 100;
/** A question naming a year but no quarter prefers the year's own column to its quarters' (outweighs header terms). */
const WHOLE_PERIOD_BONUS = 50;

const headerSpread = new WeakMap<Table, Map<string, number>>();
/**
 * How much a header term tells a table's columns apart: 1 for a term in one column's header, less the more
 * headers share it (log-scaled), so "Total" outweighs "financial assets" written over three of four columns.
 */
function spreadOf(table: Table, term: string): number {
  let df = headerSpread.get(table);
  if (!df) {
    df = new Map();
    for (const c of table.columns.slice(1)) for (const t of new Set(termsOf(c.header))) df.set(t, (df.get(t) ?? 0) + 1);
    headerSpread.set(table, df);
  }
  const n = Math.max(table.columns.length - 1, 1);
  return Math.log((n + 1) / Math.max(df.get(term) ?? 1, 1)) / Math.log(n + 1);
}

/** A header term that the row's label already matched counts this much: the question's other words name the column. */
const LABEL_ECHO = 0.5;

/**
 * The weight of the question's terms in a column's header, each by its rarity and by how few headers share
 * it; terms the row's label matched count by {@link LABEL_ECHO}.
 */
export function headerWeight(
  table: Table,
  column: number,
  asked: ReadonlySet<string>,
  weigh: TermWeight,
  matched: ReadonlySet<string> = new Set(),
): number {
  let w = 0;
  for (const t of new Set(termsOf(table.columns[column]?.header)))
    if (asked.has(t)) w += weigh(t) * spreadOf(table, t) * (matched.has(t) ? LABEL_ECHO : 1);
  return w;
}

/**
 * The column holding a period's figure in a row: among the columns of that year (and quarter, when
 * asked), one of percentages exactly when the question asks for a percentage, then the one whose header
 * shares most terms with the question, else the leftmost with a value.
 */
export function periodColumn(question: string, match: RowMatch, period: Period, weigh: TermWeight): number | undefined {
  const asked = new Set(termsOf(question));
  let best: number | undefined;
  let bestScore = -1;
  match.table.columns.forEach((col, j) => {
    const p = col.period;
    if (!p || p.year !== period.year || (period.quarter && p.quarter !== period.quarter)) return;
    if (!match.row.values[j]) return;
    const agrees = wantsPercent(question) === PERCENT_HEADER_RE.test(col.header);
    const whole = !period.quarter && !p.quarter ? WHOLE_PERIOD_BONUS : 0;
    const score =
      headerWeight(match.table, j, asked, weigh, match.matched) + (agrees ? PERCENT_COLUMN_BONUS : 0) + whole;
    if (score > bestScore) {
      best = j;
      bestScore = score;
    }
  });
  return best;
}

/**
 * The columns with a figure in this row, in table order, that carry a period. Given the question, one per
 * period: the first whose header agrees with it about percentages ("$" or "%" under "2019"), else the first.
 */
export function periodColumns(match: RowMatch, question?: string): number[] {
  const cols = match.table.columns.flatMap((c, j) => (c.period && match.row.values[j] ? [j] : []));
  if (question === undefined) return cols;
  const percent = wantsPercent(question);
  const byPeriod = new Map<string, number>();
  for (const j of cols) {
    const p = match.table.columns[j]!.period!;
    const key = `${p.year}Q${p.quarter ?? 0}`;
    const held = byPeriod.get(key);
    const agrees = (k: number) => PERCENT_HEADER_RE.test(match.table.columns[k]!.header) === percent;
    if (held === undefined || (!agrees(held) && agrees(j))) byPeriod.set(key, j);
  }
  return [...byPeriod.values()].sort((a, b) => a - b);
}

/**
 * A header of several words written out in the question ("more than 5 years", "1-3 years") names its column
 * even when its words are all function words and numbers; one-word headers are matched by their term.
 */
const MIN_HEADER_PHRASE = 4;
/** What a header written out in the question adds to the weight of the terms it shares with the question. */
const PHRASE_MATCH = 10;
const normalized = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}%]+/gu, ' ')
    .trim();
/** The header without the period it names ("Domestic September 30, 2019" -> "domestic september 30"). */
const headerPhrase = (header: string) => normalized(header.replace(/\b(?:19|20)\d\d\b/gu, ' '));

/** The question asks what something costs ("how much does X cost", "the price of", "what do they pay"). */
const MONEY_QUESTION_RE =
  /\b(?:cost(?:s|ing)?|price[ds]?|pa(?:y|ys|id)|charge[ds]?|fees?|spen[dt]|worth|cheap(?:er|est)?|expensive)\b/iu;
/**
 * What a money column adds for a question about a cost or price: under one header term, so a column the question
 * names still wins, but above none, so "how much does X cost" takes "Price (€)" over the first column.
 */
const MONEY_COLUMN_BONUS = 0.5;

/**
 * What a column adds for a question about a cost or price: {@link MONEY_COLUMN_BONUS} for a money column, one whose
 * header the table reader found a currency in ("Price (€)").
 */
export function moneyBonus(question: string, column: TableColumn): number {
  return MONEY_QUESTION_RE.test(question) && column.unit.currency !== undefined ? MONEY_COLUMN_BONUS : 0;
}

/**
 * Whether a row's figure in column `j` is an amount of money: by its own currency, its row's, its column's (in its
 * header, or in another row's cell: reports often write "$" on a column's first and total rows only) or its table's.
 */
function moneyCell(match: RowMatch, j: number): boolean {
  const { table, row } = match;
  const column = table.columns[j]?.unit.currency ?? table.rows.find((r) => r.values[j]?.currency)?.values[j]?.currency;
  return Boolean(row.values[j]?.currency ?? row.unit.currency ?? column ?? table.unit.currency);
}

/**
 * The column of a row that the question's words point to when it names no period: the one whose header
 * shares most weighted terms with the question (a percentage column only for a percentage question, a money column
 * for a cost), else the first column with a period, else the first with a figure. None for a question asking a price
 * (see `asksPrice`) when no figure of the row is an amount of money ("how much does the HL-20 cost" of a row giving power and units sold).
 */
export function bestColumn(question: string, match: RowMatch, weigh: TermWeight): number | undefined {
  if (asksPrice(question) && !match.row.values.some((v, j) => v && moneyCell(match, j))) return undefined;
  const asked = new Set(termsOf(question));
  const percent = wantsPercent(question);
  let best: number | undefined;
  let bestScore = 0;
  match.table.columns.forEach((col, j) => {
    if (j === 0 || !match.row.values[j]) return;
    const score =
      headerWeight(match.table, j, asked, weigh, match.matched) +
      (percent === PERCENT_HEADER_RE.test(col.header) ? 0.01 : 0) +
      moneyBonus(question, col);
    if (score > bestScore) {
      best = j;
      bestScore = score;
    }
  });
  return best ?? periodColumns(match)[0] ?? match.row.values.findIndex((v, j) => j > 0 && v !== null);
}

/** A column named by the question as a series of its own ("Domestic", "More than 5 years", "Total"). */
export interface ColumnMatch {
  column: number;
  score: number;
  /** Where the question first names one of the header's terms (for operand order). */
  position: number;
}

/**
 * Columns of the row whose headers name terms of the question that the row label does not, for
 * questions comparing two columns of one row ("domestic and international rates", "the share of more
 * than 5 years in the total"). With a period, only columns of that year (or of no year) count.
 */
export function seriesColumns(
  question: string,
  match: RowMatch,
  period: Period | undefined,
  weigh: TermWeight,
): ColumnMatch[] {
  const asked = new Set(termsOf(question));
  const lower = question.toLowerCase();
  const out: ColumnMatch[] = [];
  match.table.columns.forEach((col, j) => {
    if (j === 0 || !match.row.values[j]) return;
    if (period && col.period && col.period.year !== period.year) return;
    const terms = termsOf(col.header).filter((t) => asked.has(t) && !match.matched.has(t));
    const phrase = headerPhrase(col.header);
    const phraseAt =
      phrase.length >= MIN_HEADER_PHRASE && phrase.includes(' ') ? normalized(lower).indexOf(phrase) : -1;
    if (!terms.length && phraseAt < 0) return;
    const positions = terms.map((t) => lower.indexOf(t.slice(0, Math.max(3, t.length - 1)))).filter((i) => i >= 0);
    const score = weightOf(terms, weigh) + (phraseAt >= 0 ? PHRASE_MATCH : 0);
    out.push({
      column: j,
      score,
      position: phraseAt >= 0 ? phraseAt : positions.length ? Math.min(...positions) : Infinity,
    });
  });
  return out.sort((a, b) => b.score - a.score || a.column - b.column);
}
