import { extractClaims } from '../../numbers/index.js';
import { stem, tokenize } from '../../retrieval/tokenizer.js';
import { inRange, labelRange } from '../../tables/row-range.js';
import type { Period, Table, TableRow } from '../../tables/types.js';
import { isFrameWord } from '../question/vocabulary.js';

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
/** Month names date a row ("Outstanding at September 30, 2018"); they name it only when nothing else does ("At 31 December"). */
const MONTHS = new Set(
  tokenize('january february march april may june july august september october november december'),
);

/** A body row scored against the question. */
export interface RowMatch {
  table: Table;
  row: TableRow;
  /** Weighted share of the question's in-table terms the row covers (label and section fully, caption and headers by {@link CONTEXT_MATCH}). */
  recall: number;
  /** Weighted share of the row label's terms (or of its label and section together, or of a note naming its kind, if higher) the question names. */
  precision: number;
  score: number;
  /** Question terms the row's label matched. */
  matched: ReadonlySet<string>;
}

/**
 * A small number that names a kind rather than an amount, with the word before it ("Scope 1", "Tier 2",
 * "Level 3"): kept as one term, so "Scope 1" and "Scope 2" rows are told apart.
 */
const NAMED_NUMBER_RE = /\b(\p{L}{3,})\s+(\d{1,2})\b(?![.,:]?\d|\s*%)/gu;
const namedNumbers = (text: string): string[] =>
  [...text.matchAll(NAMED_NUMBER_RE)].flatMap((m) => {
    const [word] = tokenize(m[1]!);
    return word && !PERIOD_WORDS.has(word) && !MONTHS.has(word) ? [`${word}#${m[2]}`] : [];
  });

export const termsOf = (text: string | null | undefined): string[] =>
  text
    ? [
        ...tokenize(text).filter((t) => !/^\d/u.test(t) && !PERIOD_WORDS.has(t) && !MONTHS.has(t)),
        ...namedNumbers(text),
      ]
    : [];

/**
 * Words that name a calculation ("the change in X"): what a column header such as "Change" says, not what a row is
 * about, so a question's calculation word does not count toward rows it is not the label of.
 */
const CHANGE_TERMS = new Set(tokenize('change changes difference increase decrease growth movement variance'));

/** Bracketed notes that end a row label ("(kt)", "(%)", "($m)", "(1)"): units and footnotes, not what the row is. */
const UNIT_SUFFIX_RE = /(?:\s*\([^()]{0,24}\))+\s*$/u;
/** Every word of a text as a term, function words included ("Other", "Net"). */
const plainTerms = (text: string | null | undefined): string[] =>
  text ? (text.toLowerCase().match(/[\p{L}]+/gu) ?? []).map(stem).filter((t) => !PERIOD_WORDS.has(t)) : [];
const [TOTAL_TERM = 'total'] = tokenize('total');
/**
 * The terms of a bracketed note that names a kind ("(Scope 1)", "(Tier 2)"): another name for the row.
 * Notes of units and footnotes ("(%)", "($m)", "(1)") name none.
 */
const noteTerms = (label: string): string[] => {
  const note = UNIT_SUFFIX_RE.exec(label)?.[0] ?? '';
  return namedNumbers(note).length ? termsOf(note) : [];
};
/**
 * A row label's terms, with those of a note that names a kind; a label made only of a date ("At 31
 * December") is matched by its month, one made only of function words ("Other") by those words. A row with no label is the total of its section (its terms are the
 * section's and "total"), or of the table.
 */
const labelTerms = (row: Pick<TableRow, 'label' | 'section'>): string[] => {
  if (!row.label) return [...termsOf(row.section), TOTAL_TERM];
  const terms = [...termsOf(row.label.replace(UNIT_SUFFIX_RE, '')), ...noteTerms(row.label)];
  if (terms.length) return [...new Set(terms)];
  const months = tokenize(row.label).filter((t) => MONTHS.has(t));
  return months.length ? months : plainTerms(row.label);
};

/** The term a row labelled by a band ("6 to 9") matches when the question gives a count in it ("seven years"). */
const BAND_TERM = '#band';

/** Counts and durations a question gives ("seven years", "12 employees"), which may fall in a row's band. */
const askedCounts = (question: string): number[] =>
  extractClaims(question)
    .filter((c) => c.unit === 'count' || c.unit === 'duration')
    .map((c) => c.value);

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

/** A row taken as a whole (chosen by another criterion than its words, e.g. the largest figure). */
export function wholeRow(table: Table, row: TableRow, score = 1): RowMatch {
  return { table, row, recall: 1, precision: 1, score, matched: new Set() };
}

/** A row match good enough to answer from: it covers {@link MIN_ROW_RECALL} of the question and names {@link MIN_LABEL_PRECISION} of its label. */
export const usable = (m: RowMatch | undefined): m is RowMatch =>
  Boolean(m && m.recall >= MIN_ROW_RECALL && m.precision >= MIN_LABEL_PRECISION);

/**
 * Scores every body row of the tables against the question's terms, best first. Recall is over the
 * question's terms that any of the tables uses (so "what was the amount of X" matches a row labelled X
 * fully, and a table whose document's title does not carry the company the question names loses that
 * term); a row's label and section count fully, its document's title and the header over the row labels
 * (what every row is: "Non-vested awards") too, its caption and other column headers by {@link CONTEXT_MATCH}. Rows whose labels share no term with the question are dropped.
 */
export function matchRows(question: string, tables: readonly Table[], weigh: TermWeight): RowMatch[] {
  const counts = askedCounts(question);
  const asked = new Set([...termsOf(question), ...plainTerms(question), ...(counts.length ? [BAND_TERM] : [])]);
  const rowTerms = (r: TableRow) => {
    const band = labelRange(r.label);
    if (!band) return labelTerms(r);
    return counts.some((n) => inRange(band, n)) ? [BAND_TERM] : [];
  };
  const inTables = new Set<string>();
  for (const table of tables) {
    for (const r of table.rows)
      for (const t of [...rowTerms(r), ...termsOf(r.section)]) if (asked.has(t)) inTables.add(t);
    for (const t of contextTerms(table)) if (asked.has(t) && !CHANGE_TERMS.has(t)) inTables.add(t);
  }
  const total = weightOf(inTables, weigh);
  if (total === 0) return [];
  const out: RowMatch[] = [];
  for (const table of tables) {
    const context = contextTerms(table);
    const sectionSizes = new Map<string, number>();
    for (const r of table.rows) if (r.section) sectionSizes.set(r.section, (sectionSizes.get(r.section) ?? 0) + 1);
    const title = new Set([...termsOf(table.title), ...termsOf(table.columns[0]?.header)]);
    for (const row of table.rows) {
      const label = new Set(rowTerms(row));
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
      const note = noteTerms(row.label);
      const notePrecision =
        weightOf(
          note.filter((t) => asked.has(t)),
          weigh,
        ) / Math.max(weightOf(note, weigh), 1e-9);
      const sole = row.section !== null && sectionSizes.get(row.section) === 1 ? termsOf(row.section) : [];
      const solePrecision =
        weightOf(
          sole.filter((t) => asked.has(t)),
          weigh,
        ) / Math.max(weightOf(sole, weigh), 1e-9);
      const precision = Math.max(labelPrecision, seriesPrecision, notePrecision, solePrecision);
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

/** A question's distinct terms without its framing words ("amount", "total", "respectively": see `isFrameWord`). */
export function topicTerms(question: string): string[] {
  const framing = new Set((question.match(/[\p{L}'’]+/gu) ?? []).filter(isFrameWord).flatMap(termsOf));
  return [...new Set(termsOf(question))].filter((t) => !framing.has(t));
}

/**
 * The share of the question's terms that the tables use (then it is a table question). Framing words
 * ("amount", "total", "respectively": see `isFrameWord`) are left out of it, and terms count equally: in a
 * small corpus such a word is rare, and weighing terms by rarity would let it outweigh the series the question names.
 */
export function tableShare(question: string, tables: readonly Table[]): number {
  const asked = topicTerms(question);
  const present = new Set<string>();
  for (const table of tables) {
    for (const t of [...contextTerms(table), ...table.rows.flatMap((r) => [...labelTerms(r), ...termsOf(r.section)])])
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
      headerWeight(match.table, j, asked, weigh, match.matched) +
      (percent === PERCENT_HEADER_RE.test(col.header) ? 0.01 : 0);
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
