import { stemmer } from 'stemmer';
import { APOSTROPHE_FREE_NEGATIONS, functionWords } from '../language/function-words.js';
import { irregularSingular } from '../language/irregular-forms.js';

/**
 * Names how words become terms; part of the corpus hash, so an index built by another tokenizer is rebuilt rather
 * than queried with terms it does not hold.
 */
export const TOKENIZER_VERSION = 'porter-irregular-plurals-1';

/** What a scanned term is: a stemmed word, a number, a hyphen compound joined up, or a whole CJK run. */
export type TermKind = 'word' | 'number' | 'compound' | 'cjk';

/** Receives each term found by {@link scanTerms}. */
export type TermVisitor = (term: string, kind: TermKind) => void;

const CJK = String.raw`\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\u30FC`;
const W = String.raw`[[\p{L}\p{M}\p{N}]--[${CJK}]]`;
const WORD = `${W}+(?:['’]${W}+)*`;
const TOKEN_RE = new RegExp(
  String.raw`([${CJK}]+)|(\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)*)(${W}*)|(${WORD}(?:-${WORD})*)`,
  'gv',
);
const DIGIT_RE = /\d/;
const NUMBER_RE = /^\d+(?:\.\d+)*$/;
const POSSESSIVE_RE = /['’]s$/;
const APOSTROPHE_RE = /['’]/g;

/** Function words the tokenizer indexes all the same: they tell questions apart ("us", "up", "down", "no", and
 * "above", "below", "under", "over", which tell one threshold of a rule from another). */
export const TOKENIZER_KEPT_WORDS: readonly string[] = ['us', 'up', 'down', 'no', 'above', 'below', 'under', 'over'];

/** Words the tokenizer drops besides the function words: adverbs and quantifiers too common to rank by. */
export const TOKENIZER_EXTRA_STOPWORDS: readonly string[] = ['also', 'just', 'many', 'much'];

/**
 * BM25 stop words: the shared function words (`language/function-words.ts`) and their apostrophe-free negations,
 * with {@link TOKENIZER_EXTRA_STOPWORDS} added and {@link TOKENIZER_KEPT_WORDS} left out.
 */
export const STOPWORDS: ReadonlySet<string> = functionWords({
  add: [...TOKENIZER_EXTRA_STOPWORDS, ...APOSTROPHE_FREE_NEGATIONS],
  keep: TOKENIZER_KEPT_WORDS,
});

const STEM_CACHE_LIMIT = 200_000;
let stemCache = new Map<string, string>();

/** Porter stem with a bounded memo (vocabularies are Zipfian, so hit rates are high). */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = word.length > 2 && !DIGIT_RE.test(word) ? stemmer(word) : word;
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache = new Map();
    stemCache.set(word, s);
  }
  return s;
}

/** NFKC + lower case: the form every term is derived from. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function visitWord(raw: string, visit: TermVisitor): void {
  const w = raw.includes("'") || raw.includes('’') ? raw.replace(POSSESSIVE_RE, '').replace(APOSTROPHE_RE, '') : raw;
  if ((w.length < 2 && !DIGIT_RE.test(w)) || STOPWORDS.has(w)) return;
  if (NUMBER_RE.test(w)) visit(w, 'number');
  else visit(stem(irregularSingular(w) ?? w), 'word');
}

/**
 * Walks the terms of `text` in order without building an array.
 * Numbers keep their decimals ("18.5%" -> "18.5") and lose thousands separators ("1,000" -> "1000");
 * currency and percent signs are dropped; words are stopword-filtered and Porter-stemmed;
 * "cross-border" yields "cross", "border" and the compound "crossborder"; CJK runs are passed whole.
 */
export function scanTerms(text: string, visit: TermVisitor): void {
  const s = normalizeText(text);
  for (const m of s.matchAll(TOKEN_RE)) {
    if (m[1] !== undefined) {
      visit(m[1], 'cjk');
    } else if (m[2] !== undefined) {
      const num = m[2].includes(',') ? m[2].replaceAll(',', '') : m[2];
      const suffix = m[3] ?? '';
      if (suffix === '') visit(num, 'number');
      else visitWord(num + suffix, visit);
    } else if (m[4] !== undefined) {
      const raw = m[4];
      if (!raw.includes('-')) {
        visitWord(raw, visit);
        continue;
      }
      const parts = raw.split('-');
      for (const p of parts) visitWord(p, visit);
      const joined = parts.join('').replace(APOSTROPHE_RE, '');
      if (!STOPWORDS.has(joined)) visit(DIGIT_RE.test(joined) ? joined : stem(joined), 'compound');
    }
  }
}

/** Calls `visit` with each overlapping character bigram of a CJK run (the single character for a run of 1). */
export function cjkBigrams(run: string, visit: (gram: string) => void): void {
  if (run.length === 1) {
    visit(run);
    return;
  }
  for (let i = 0; i + 1 < run.length; i++) visit(run.slice(i, i + 2));
}

/**
 * BM25 terms for `text`: NFKC, case-folded, stopwords removed, Porter-stemmed words (an irregular plural by its
 * singular: "children" -> "child"), numbers
 * and years kept verbatim (decimals kept, thousands separators and currency signs dropped),
 * CJK (Han/Hiragana/Katakana/Hangul) runs as overlapping character bigrams.
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  const push = (t: string) => {
    out.push(t);
  };
  scanTerms(text, (term, kind) => {
    if (kind === 'cjk') cjkBigrams(term, push);
    else out.push(term);
  });
  return out;
}
