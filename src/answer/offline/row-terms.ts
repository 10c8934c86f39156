import { stem, tokenize } from '../../retrieval/tokenizer.js';
import type { Table, TableRow } from '../../tables/types.js';

/** Weight of a term (inverse document frequency); unseen terms weigh most. */
export type TermWeight = (term: string) => number;

/** Words that frame a period rather than name a series ("year ended", "fiscal"); never series terms. */
const PERIOD_WORDS = new Set(tokenize('year years ended ending fiscal quarter quarters period periods fy as of at'));
/** Month names date a row ("Outstanding at September 30, 2018"); they name it only when nothing else does ("At 31 December"). */
const MONTHS = new Set(
  tokenize('january february march april may june july august september october november december'),
);

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

/** The terms of a text that can name a row: its indexed words without numbers, period words or months, with its named numbers ("scope#1"). */
export const termsOf = (text: string | null | undefined): string[] =>
  text
    ? [
        ...tokenize(text).filter((t) => !/^\d/u.test(t) && !PERIOD_WORDS.has(t) && !MONTHS.has(t)),
        ...namedNumbers(text),
      ]
    : [];

/** Bracketed notes that end a row label ("(kt)", "(%)", "($m)", "(1)"): units and footnotes, not what the row is. */
const UNIT_SUFFIX_RE = /(?:\s*\([^()]{0,24}\))+\s*$/u;
/** Every word of a text as a term, function words included ("Other", "Net"). */
export const plainTerms = (text: string | null | undefined): string[] =>
  text ? (text.toLowerCase().match(/[\p{L}]+/gu) ?? []).map(stem).filter((t) => !PERIOD_WORDS.has(t)) : [];
const [TOTAL_TERM = 'total'] = tokenize('total');
/**
 * The terms of a bracketed note that names a kind ("(Scope 1)", "(Tier 2)"): another name for the row.
 * Notes of units and footnotes ("(%)", "($m)", "(1)") name none.
 */
export const noteTerms = (label: string): string[] => {
  const note = UNIT_SUFFIX_RE.exec(label)?.[0] ?? '';
  return namedNumbers(note).length ? termsOf(note) : [];
};
/**
 * A row label's terms, with those of a note that names a kind; a label made only of a date ("At 31
 * December") is matched by its month, one made only of function words ("Other") by those words. A row with no label is the total of its section (its terms are the
 * section's and "total"), or of the table.
 */
export const labelTerms = (row: Pick<TableRow, 'label' | 'section'>): string[] => {
  if (!row.label) return [...termsOf(row.section), TOTAL_TERM];
  const terms = [...termsOf(row.label.replace(UNIT_SUFFIX_RE, '')), ...noteTerms(row.label)];
  if (terms.length) return [...new Set(terms)];
  const months = tokenize(row.label).filter((t) => MONTHS.has(t));
  return months.length ? months : plainTerms(row.label);
};

/** The summed weight of the terms. */
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

/** Joins between the alternatives of a coordinated label ("Roads and footways", "Fees, charges and rents"). */
const CONJUNCTION_RE = /\s*(?:,|&|\/|\band\b)\s*/giu;
/**
 * The terms of each part of a label that joins two or more things ("Roads and footways" gives [roads] and [footways]);
 * empty for a label that joins nothing.
 */
export const conjunctTerms = (label: string): string[][] => {
  const parts = label
    .replace(UNIT_SUFFIX_RE, '')
    .split(CONJUNCTION_RE)
    .map((p) => termsOf(p))
    .filter((t) => t.length > 0);
  return parts.length >= 2 ? parts : [];
};
