import { extractClaims } from '../../numbers/index.js';
import { tokenize } from '../../retrieval/tokenizer.js';
import { inRange, labelRange } from '../../tables/row-range.js';
import type { Table, TableRow } from '../../tables/types.js';
import { isFrameWord } from '../question/vocabulary.js';
import {
  conjunctTerms,
  contextTerms,
  labelTerms,
  noteTerms,
  plainTerms,
  type TermWeight,
  termsOf,
  weightOf,
} from './row-terms.js';

/** Question terms matched in a row's section, the caption or a column header count this much of a label match. */
const CONTEXT_MATCH = 0.5;
/**
 * A row answers only when the question's terms that occur in the table are this well covered by the row
 * (label, section, caption), and the row's label is this well covered by the question.
 */
export const MIN_ROW_RECALL = 0.5;
export const MIN_LABEL_PRECISION = 0.5;

/** A body row scored against the question. */
export interface RowMatch {
  table: Table;
  row: TableRow;
  /** Weighted share of the question's in-table terms the row covers (label and section fully, caption and headers by {@link CONTEXT_MATCH}). */
  recall: number;
  /**
   * Weighted share of the row label's terms (or of its label and section together, or of a note naming its kind, if
   * higher) the question names; a question naming one whole part of a label that joins things ("roads" of "Roads and
   * footways") gets just over {@link MIN_LABEL_PRECISION}, so a row it names whole ranks above.
   */
  precision: number;
  score: number;
  /** Question terms the row's label matched. */
  matched: ReadonlySet<string>;
}

/**
 * Words that name a calculation ("the change in X"): what a column header such as "Change" says, not what a row is
 * about, so a question's calculation word does not count toward rows it is not the label of.
 */
const CHANGE_TERMS = new Set(tokenize('change changes difference increase decrease growth movement variance'));

/** The term a row labelled by a band ("6 to 9") matches when the question gives a count in it ("seven years"). */
const BAND_TERM = '#band';

/** Counts and durations a question gives ("seven years", "12 employees"), which may fall in a row's band. */
const askedCounts = (question: string): number[] =>
  extractClaims(question)
    .filter((c) => c.unit === 'count' || c.unit === 'duration')
    .map((c) => c.value);

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
      const conjunct = conjunctTerms(row.label).some((part) => part.every((t) => asked.has(t)))
        ? MIN_LABEL_PRECISION + (1 - MIN_LABEL_PRECISION) * labelPrecision
        : 0;
      // A label's head before a bracketed qualifier names the row ("Concession (over-65s, students, jobseekers)").
      const head = termsOf(row.label.replace(BRACKETED_RE, ''));
      const headPrecision =
        head.length && head.length < label.size
          ? weightOf(
              head.filter((t) => asked.has(t)),
              weigh,
            ) / Math.max(weightOf(head, weigh), 1e-9)
          : 0;
      const precision = Math.max(
        labelPrecision,
        seriesPrecision,
        notePrecision,
        solePrecision,
        conjunct,
        headPrecision,
      );
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
  const lower = question.toLowerCase().replace(/\s+/gu, ' ');
  const written = (m: RowMatch) => (writesLabel(lower, m.row.label) ? 1 : 0);
  return out.sort((a, b) => b.score - a.score || written(b) - written(a) || a.row.row.start - b.row.row.start);
}

/** A unit or note in brackets after a row label ("Copper in concentrate (kt)"). */
const BRACKETED_RE = /\s*\([^)]*\)/gu;

/**
 * Whether the question writes a row's label word for word, as a phrase of two words or more ("copper in concentrate"
 * for "Copper in concentrate (kt)"): of two rows that match alike, that one is meant, not "Copper concentrate".
 */
function writesLabel(question: string, label: string): boolean {
  const phrase = label.replace(BRACKETED_RE, '').trim().toLowerCase().replace(/\s+/gu, ' ');
  return phrase.includes(' ') && question.includes(phrase);
}

/** A question's distinct terms without its framing words ("amount", "total", "respectively": see `isFrameWord`). */
export function topicTerms(question: string): string[] {
  const framing = new Set((question.match(/[\p{L}'’]+/gu) ?? []).filter(isFrameWord).flatMap(termsOf));
  return [...new Set(termsOf(question))].filter((t) => !framing.has(t));
}

/** The terms the tables use: their context (title, caption, headers), row labels and sections. */
function tableTerms(tables: readonly Table[]): Set<string> {
  const present = new Set<string>();
  for (const table of tables) {
    for (const t of [...contextTerms(table), ...table.rows.flatMap((r) => [...labelTerms(r), ...termsOf(r.section)])])
      present.add(t);
  }
  return present;
}

/** The question's terms (as {@link topicTerms}), and those of them that none of the tables uses. */
export interface TableTerms {
  asked: readonly string[];
  /** Asked terms no table uses ("band" of "the Band D council tax", beside a "Council tax" row). */
  beside: readonly string[];
}

/** The question's terms and those the tables lack (see {@link TableTerms}), computed once for the table route. */
export function tableTermsOf(question: string, tables: readonly Table[]): TableTerms {
  const asked = topicTerms(question);
  const present = tableTerms(tables);
  return { asked, beside: asked.filter((t) => !present.has(t)) };
}

/**
 * The share of the question's terms that the tables use (then it is a table question). Framing words
 * ("amount", "total", "respectively": see `isFrameWord`) are left out of it, and terms count equally: in a
 * small corpus such a word is rare, and weighing terms by rarity would let it outweigh the series the question names.
 */
export function tableShare({ asked, beside }: TableTerms): number {
  return asked.length ? (asked.length - beside.length) / asked.length : 0;
}
