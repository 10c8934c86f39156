import { tokenize } from '../../retrieval/tokenizer.js';

/** A word of a text with its term (stem), in order; a function word or a number has no term. */
interface Word {
  raw: string;
  term: string | undefined;
}

const WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;
const LETTERS_RE = /^\p{L}+$/u;
const LOWERCASE_RE = /^\p{Ll}/u;

function wordsOf(text: string): Word[] {
  return [...text.matchAll(WORD_RE)].map((m) => {
    const [term] = tokenize(m[0]);
    return { raw: m[0], term: term && LETTERS_RE.test(term) ? term : undefined };
  });
}

/**
 * Whether a row label qualifies the question's measure with another word: the question writes a lowercase word right
 * before a term the label shares ("net profit") and the label writes a different word right before that term
 * ("Operating profit"), neither word found anywhere on the other side. Then the row is a different measure of the
 * same kind, a near miss, not the one asked for. "Total revenue" against "Revenue", "revenue from services" against
 * "Services revenue" and "Pellham's revenue" against "Store revenue" are not rivals: one side has no word there, has
 * the other's word elsewhere, or the question's word is a name.
 */
export function rivalModifier(question: string, label: string): boolean {
  const asked = wordsOf(question);
  const row = wordsOf(label);
  const askedTerms = new Set(asked.map((w) => w.term));
  const rowTerms = new Set(row.map((w) => w.term));
  for (let i = 1; i < row.length; i++) {
    const shared = row[i]!.term;
    const theirs = row[i - 1]!.term;
    if (!shared || !theirs || askedTerms.has(theirs)) continue;
    const at = asked.findIndex((w, k) => k > 0 && w.term === shared);
    const ours = asked[at - 1];
    if (ours?.term && LOWERCASE_RE.test(ours.raw) && !rowTerms.has(ours.term)) return true;
  }
  return false;
}
