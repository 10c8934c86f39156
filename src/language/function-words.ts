import { stopwords } from '@orama/stopwords/english';

/** Function words the maintained list leaves out: the article "a". */
const MISSING_FROM_LIST: readonly string[] = ['a'];

/**
 * English function words (pronouns, auxiliaries and modals, prepositions, conjunctions, determiners,
 * negations and their contractions), lower case: the English stop list that `@orama/stopwords` maintains
 * (Snowball-style, function words only), plus {@link MISSING_FROM_LIST}. The one source every stop-word
 * and filler vocabulary of the service derives from.
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([...stopwords, ...MISSING_FROM_LIST]);

/** A negative contraction: "don't", "isn't", "won't". */
const NEGATIVE_CONTRACTION_RE = /n['’]t$/;

/**
 * The negative contractions of {@link FUNCTION_WORDS} as text typed without an apostrophe spells them
 * ("dont", "isnt"), for consumers that match words with apostrophes removed. Other contractions are left
 * out: without the apostrophe they read as other words ("he'll" / "hell", "we'd" / "wed", "i'll" / "ill").
 */
export const APOSTROPHE_FREE_NEGATIONS: readonly string[] = [...FUNCTION_WORDS]
  .filter((w) => NEGATIVE_CONTRACTION_RE.test(w))
  .map((w) => w.replace(/['’]/, ''));

/** Changes one consumer makes to {@link FUNCTION_WORDS}, each a named and documented list of its own. */
export interface FunctionWordChanges {
  /** Words the consumer also treats as function words. */
  add?: Iterable<string>;
  /** Function words the consumer keeps as meaningful. */
  keep?: Iterable<string>;
}

/** {@link FUNCTION_WORDS} with `add` included and `keep` left out. */
export function functionWords(changes: FunctionWordChanges = {}): ReadonlySet<string> {
  const words = new Set([...FUNCTION_WORDS, ...(changes.add ?? [])]);
  for (const w of changes.keep ?? []) words.delete(w);
  return words;
}
