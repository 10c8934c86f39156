import { stem, tokenize } from '../../retrieval/tokenizer.js';
import type { Period, Table, TableRow } from '../../tables/types.js';

/** Weight of a term (inverse document frequency); unseen terms weigh most. */
export type TermWeight = (term: string) => number;

/** Question terms matched in a row's section, the caption or a column header count this much of a label match. */
const CONTEXT_MATCH = 0.5;
/**
 * A row answers only when the question's terms that occur in the table are this well covered by the row
 * (label, section, caption), and the row's label is this well covered by the question.
 */
export const MIN_ROW_RECALL = 0.5;
export const MIN_LABEL_PRECISION = 0.5;
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
/** Words that frame a period rather than name a series ("year ended", "fiscal"); never series terms. */
const PERIOD_WORDS = new Set(tokenize('year years ended ending fiscal quarter quarters period periods fy as of at'));

/** A body row scored against the question. */
export interface RowMatch {
  table: Table;
  row: TableRow;
  /** Weighted share of the question's in-table terms the row covers (label and section fully, caption and headers by {@link CONTEXT_MATCH}). */
  recall: number;
  /** Weighted share of the row label's terms (or of its label and section together, if higher) the question names. */
  precision: number;
  score: number;
  /** Question terms the row's label matched. */
  matched: ReadonlySet<string>;
}

export const termsOf = (text: string | null | undefined): string[] =>
  text ? tokenize(text).filter((t) => !/^\d/u.test(t) && !PERIOD_WORDS.has(t)) : [];

/** Bracketed notes that end a row label ("(kt)", "(%)", "($m)", "(1)"): units and footnotes, not what the row is. */
const UNIT_SUFFIX_RE = /(?:\s*\([^()]{0,24}\))+\s*$/u;
/** Every word of a text as a term, function words included ("Other", "Net"). */
const plainTerms = (text: string | null | undefined): string[] =>
  text ? (text.toLowerCase().match(/[\p{L}]+/gu) ?? []).map(stem).filter((t) => !PERIOD_WORDS.has(t)) : [];
/** A row label's terms; a label made only of function words ("Other") is matched by those words. */
const labelTerms = (label: string): string[] => {
  const terms = termsOf(label.replace(UNIT_SUFFIX_RE, ''));
  return terms.length ? terms : plainTerms(label);
};

export function weightOf(terms: Iterable<string>, weigh: TermWeight): number {
  let w = 0;
  for (const t of terms) w += weigh(t);
  return w;
}

/** Terms of the table besides its row labels: its document's title, caption and column headers. */
export function contextTerms(table: Table): Set<string> {
  return new Set([
    ...termsOf(table.title),
    ...termsOf(table.caption),
    ...table.columns.flatMap((c) => termsOf(c.header)),
  ]);
}

/** A row taken as a whole (chosen by another criterion than its words, e.g. the largest figure). */
export function wholeRow(table: Table, row: TableRow, score = 1): RowMatch {
  return { table, row, recall: 1, precision: 1, score, matched: new Set() };
}

/**
 * Scores every body row of the tables against the question's terms, best first. Recall is over the
 * question's terms that any of the tables uses (so "what was the amount of X" matches a row labelled X
 * fully, and a table whose document's title does not carry the company the question names loses that
 * term); a row's label and section count fully, its document's title too, its caption and column headers
 * by {@link CONTEXT_MATCH}. Rows whose labels share no term with the question are dropped.
 */
export function matchRows(question: string, tables: readonly Table[], weigh: TermWeight): RowMatch[] {
  const asked = new Set([...termsOf(question), ...plainTerms(question)]);
  const inTables = new Set<string>();
  for (const table of tables) {
    for (const r of table.rows)
      for (const t of [...labelTerms(r.label), ...termsOf(r.section)]) if (asked.has(t)) inTables.add(t);
    for (const t of contextTerms(table)) if (asked.has(t)) inTables.add(t);
  }
  const total = weightOf(inTables, weigh);
  if (total === 0) return [];
  const out: RowMatch[] = [];
  for (const table of tables) {
    const context = contextTerms(table);
    const title = new Set(termsOf(table.title));
    for (const row of table.rows) {
      const label = new Set(labelTerms(row.label));
      const matched = new Set([...label].filter((t) => asked.has(t)));
      if (!matched.size) continue;
      const section = new Set(termsOf(row.section).filter((t) => !label.has(t)));
      const inSection = [...section].filter((t) => asked.has(t));
      const named = [...title].filter((t) => asked.has(t) && !label.has(t) && !section.has(t));
      const around = [...context].filter((t) => asked.has(t) && !label.has(t) && !section.has(t) && !title.has(t));
      const full = weightOf(matched, weigh) + weightOf(inSection, weigh) + weightOf(named, weigh);
      const recall = (full + CONTEXT_MATCH * weightOf(around, weigh)) / total;
      const labelPrecision = weightOf(matched, weigh) / Math.max(weightOf(label, weigh), 1e-9);
      const seriesPrecision =
        (weightOf(matched, weigh) + weightOf(inSection, weigh)) /
        Math.max(weightOf(label, weigh) + weightOf(section, weigh), 1e-9);
      const precision = Math.max(labelPrecision, seriesPrecision);
      out.push({
        table,
        row,
        recall: Math.min(1, recall),
        precision,
        score: Math.min(1, recall) * (0.5 + 0.5 * precision),
        matched,
      });
    }
  }
  return out.sort((a, b) => b.score - a.score || a.row.row.start - b.row.row.start);
}

/**
 * The share of the question's terms that the tables use (then it is a table question). Terms count
 * equally: in a small corpus a framing word such as "amount" is rare, and weighing it by rarity would
 * outweigh the series the question names.
 */
export function tableShare(question: string, tables: readonly Table[]): number {
  const asked = [...new Set(termsOf(question))];
  const present = new Set<string>();
  for (const table of tables) {
    for (const t of [
      ...contextTerms(table),
      ...table.rows.flatMap((r) => [...labelTerms(r.label), ...termsOf(r.section)]),
    ])
      present.add(t);
  }
  return asked.length ? asked.filter((t) => present.has(t)).length / asked.length : 0;
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
      weightOf(
        termsOf(col.header).filter((t) => asked.has(t)),
        weigh,
      ) +
      (agrees ? PERCENT_COLUMN_BONUS : 0) +
      whole;
    if (score > bestScore) {
      best = j;
      bestScore = score;
    }
  });
  return best;
}

/** The columns with a figure in this row, in table order, that carry a period. */
export function periodColumns(match: RowMatch): number[] {
  return match.table.columns.flatMap((c, j) => (c.period && match.row.values[j] ? [j] : []));
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

/**
 * The column of a row that the question's words point to when it names no period: the one whose header
 * shares most weighted terms with the question (a percentage column only for a percentage question), else
 * the first column with a period, else the first with a figure.
 */
export function bestColumn(question: string, match: RowMatch, weigh: TermWeight): number | undefined {
  const asked = new Set(termsOf(question));
  const percent = wantsPercent(question);
  let best: number | undefined;
  let bestScore = 0;
  match.table.columns.forEach((col, j) => {
    if (j === 0 || !match.row.values[j]) return;
    const score =
      weightOf(
        termsOf(col.header).filter((t) => asked.has(t)),
        weigh,
      ) + (percent === PERCENT_HEADER_RE.test(col.header) ? 0.01 : 0);
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
