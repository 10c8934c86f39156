import { splitSentences } from '../../ingest/sentences.js';
import { conceptTable } from '../../retrieval/concepts.js';
import { cjkBigrams, scanTerms } from '../../retrieval/tokenizer.js';
import type { Chunk, SentenceSpan } from '../../types.js';

/** A verbatim span of a document: `docText.slice(start, end) === quote`. */
export interface QuoteSpan {
  start: number;
  end: number;
  quote: string;
}

/** Options of {@link narrowQuote}. */
export interface NarrowQuoteOptions {
  /** Most adjacent sentences in the quote (1 or 2; default 2). */
  maxSentences?: 1 | 2;
}

/** Comparable content of a text: stemmed content words (CJK as bigrams) and numerals as written. */
export interface TermProfile {
  words: Set<string>;
  numbers: Set<string>;
}

const NUMBER_WEIGHT = 4;
const YEAR_WEIGHT = 2;
const CONCEPT_WEIGHT = 0.5;
/** A second sentence must add at least this much to the score to be included. */
const PAIR_GAIN = 2;

/** Stemmed content words and numerals of `text` (NFKC, so full-width digits count as digits). */
export function termProfile(text: string): TermProfile {
  const words = new Set<string>();
  const numbers = new Set<string>();
  scanTerms(text, (term, kind) => {
    if (kind === 'number') numbers.add(term);
    else if (kind === 'cjk') cjkBigrams(term, (g) => words.add(g));
    else if (!/\d/.test(term)) words.add(term);
  });
  return { words, numbers };
}

/**
 * How many of `statement`'s words `source` contains: 1 for the same stem, {@link CONCEPT_WEIGHT}
 * for a word in the same synonym group ("grew" / "increase").
 */
export function wordOverlap(statement: ReadonlySet<string>, source: ReadonlySet<string>): number {
  const concepts = conceptTable();
  const sourceConcepts = new Set<number>();
  for (const w of source) for (const c of concepts.get(w) ?? []) sourceConcepts.add(c);
  let score = 0;
  for (const w of statement) {
    if (source.has(w)) score += 1;
    else if ((concepts.get(w) ?? []).some((c) => sourceConcepts.has(c))) score += CONCEPT_WEIGHT;
  }
  return score;
}

const isYear = (n: string) => /^(?:19|20)\d\d$/.test(n);

function supportScore(target: TermProfile, window: TermProfile): number {
  let score = wordOverlap(target.words, window.words);
  for (const n of target.numbers) if (window.numbers.has(n)) score += isYear(n) ? YEAR_WEIGHT : NUMBER_WEIGHT;
  return score;
}

/** How well `text` supports `statement`: shared words (synonyms half) plus weighted shared numerals. */
export function supportOf(statement: string, text: string): number {
  return supportScore(termProfile(statement), termProfile(text));
}

function merge(a: TermProfile, b: TermProfile): TermProfile {
  return { words: new Set([...a.words, ...b.words]), numbers: new Set([...a.numbers, ...b.numbers]) };
}

/** Drops a leading "Speaker:" label so the quote starts with what was said. */
function withoutLabel(s: SentenceSpan, speaker: string | null, docText: string): SentenceSpan {
  if (!speaker || !s.text.startsWith(speaker)) return s;
  const m = /^\s*[:：]\s*/u.exec(s.text.slice(speaker.length));
  if (!m || speaker.length + m[0].length >= s.text.length) return s;
  const start = s.start + speaker.length + m[0].length;
  return { start, end: s.end, text: docText.slice(start, s.end) };
}

const span = (docText: string, start: number, end: number): QuoteSpan => ({
  start,
  end,
  quote: docText.slice(start, end),
});

/**
 * The sentence, or two adjacent sentences, of `chunk` that best support `statement`, as a
 * verbatim span of `docText`. Sentences are scored by shared content words (stemmed, with
 * synonyms counting half) and, weighted most, numerals written the same way (years less).
 * A second sentence is added only when it raises the score by a clear margin. With no overlap
 * at all the chunk's first sentence is returned; the whole chunk only when it is one sentence.
 */
export function narrowQuote(
  docText: string,
  chunk: Chunk,
  statement: string,
  opts: NarrowQuoteOptions = {},
): QuoteSpan {
  const sentences = splitSentences(docText.slice(chunk.start, chunk.end), chunk.start).map((s) =>
    withoutLabel(s, chunk.speaker, docText),
  );
  if (sentences.length === 0) return span(docText, chunk.start, chunk.end);
  const target = termProfile(statement);
  const profiles = sentences.map((s) => termProfile(s.text));
  const scores = profiles.map((p) => supportScore(target, p));

  let best = { from: 0, to: 0, score: scores[0]! };
  scores.forEach((score, i) => {
    if (score > best.score) best = { from: i, to: i, score };
  });
  if ((opts.maxSentences ?? 2) >= 2) {
    for (let i = 0; i + 1 < sentences.length; i++) {
      const score = supportScore(target, merge(profiles[i]!, profiles[i + 1]!));
      const gain = score - Math.max(scores[i]!, scores[i + 1]!);
      if (gain >= PAIR_GAIN && score > best.score) best = { from: i, to: i + 1, score };
    }
  }
  return span(docText, sentences[best.from]!.start, sentences[best.to]!.end);
}
