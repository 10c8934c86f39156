import { tokenF1 } from '../../scoring/token-f1.js';

/**
 * SQuAD's official answer scoring (the v2.0 evaluation script): normalisation, exact match and
 * token F1, each taken as the maximum over the gold answers.
 */

const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;
// Python's Unicode `\b` around the articles: no letter, digit or underscore on either side.
const ARTICLES = /(?<![\p{L}\p{N}_])(?:a|an|the)(?![\p{L}\p{N}_])/gu;

/**
 * The official normalisation: lower-case, remove ASCII punctuation, remove the articles a/an/the,
 * collapse whitespace. (Like the official script, other punctuation such as curly quotes is kept.)
 */
export function normalizeAnswer(text: string): string {
  return text.toLowerCase().replace(PUNCTUATION, '').replace(ARTICLES, ' ').split(/\s+/).filter(Boolean).join(' ');
}

const tokens = (text: string) => normalizeAnswer(text).split(' ').filter(Boolean);

/** 1 when the normalised texts are equal, else 0. */
export function exactMatch(prediction: string, gold: string): number {
  return normalizeAnswer(prediction) === normalizeAnswer(gold) ? 1 : 0;
}

/** Token F1 of the normalised texts; when either has no tokens, 1 if both have none, else 0. */
export function f1Score(prediction: string, gold: string): number {
  return tokenF1(tokens(prediction), tokens(gold));
}

/**
 * The best score of `prediction` against any gold answer. As in the official script, gold answers that
 * normalise to nothing are dropped, and no gold left means "no answer" (gold is '').
 */
export function maxOverGold(
  score: (prediction: string, gold: string) => number,
  prediction: string,
  golds: readonly string[],
): number {
  const kept = golds.filter((g) => normalizeAnswer(g) !== '');
  const list = kept.length ? kept : [''];
  return Math.max(...list.map((g) => score(prediction, g)));
}

const UNICODE_PUNCTUATION = /[\p{P}\p{S}]/gu;
/** Normalisation for containment: the official one, after any punctuation (curly quotes around a quoted sentence too) becomes a space. */
const containmentForm = (text: string) => normalizeAnswer(text.replace(UNICODE_PUNCTUATION, ' '));

/**
 * Whether `text` contains some gold answer as a whole run of normalised tokens (golds normalising to
 * nothing never match). Unlike EM and F1, any punctuation separates tokens, so a gold answer at the edge of a
 * quoted sentence (“Denmark …”) is found.
 */
export function containsGold(text: string, golds: readonly string[]): boolean {
  const haystack = ` ${containmentForm(text)} `;
  return golds.some((g) => {
    const needle = containmentForm(g);
    return needle.length > 0 && haystack.includes(` ${needle} `);
  });
}
