import { nounNet } from './wordnet-nouns.js';

/**
 * Senses looked at, most frequent first, of the word (one) and of the category (three): rarer senses make almost
 * anything a kind of anything. Chosen on the span pick F1 of the SQuAD training articles (`npm run fit:spans`): one
 * sense of the word gave 58.8, two 58.5, five 58.6; the category's one, three or ten senses 58.8, 58.8 and 58.7.
 */
const WORD_SENSES = 1;
const CATEGORY_SENSES = 3;
/** Hypernym steps walked up from a word's sense; WordNet's noun hierarchy is rarely deeper. */
const MAX_STEPS = 12;

/**
 * The WordNet lemma a phrase is known by: the whole phrase joined by "_" ("ocean_liner"), or failing that its longest
 * known tail, since English compounds end in their head ("satisfiability_problem", then "problem"). Undefined when no
 * tail is a WordNet noun.
 */
export function nounLemmaOf(words: readonly string[]): string | undefined {
  const senses = nounNet().senses;
  const lower = words.map((w) => w.toLowerCase());
  for (let i = 0; i < lower.length; i++) {
    const lemma = lower.slice(i).join('_');
    if (senses.has(lemma)) return lemma;
  }
  return undefined;
}

/**
 * Whether a noun (a WordNet lemma, see {@link nounLemmaOf}) names a kind or an instance of a category noun in WordNet
 * 3.1: "catholicism" of "religion", "africa" of "continent", "ocean_liner" of "ship". Only the most frequent senses of
 * each are looked at ({@link WORD_SENSES}, {@link CATEGORY_SENSES}); a noun is no kind of itself.
 */
export function isKindOf(lemma: string, category: string): boolean {
  const { senses, synsets } = nounNet();
  const targets = new Set((senses.get(category) ?? []).slice(0, CATEGORY_SENSES));
  if (!targets.size || lemma === category) return false;
  let frontier = (senses.get(lemma) ?? []).slice(0, WORD_SENSES);
  const seen = new Set(frontier);
  for (let step = 0; step < MAX_STEPS && frontier.length; step++) {
    const next: string[] = [];
    for (const s of frontier)
      for (const p of synsets.get(s)?.parents ?? []) {
        if (targets.has(p)) return true;
        if (!seen.has(p)) {
          seen.add(p);
          next.push(p);
        }
      }
    frontier = next;
  }
  return false;
}

/**
 * The lexicographer file (see lexnames(5WN)) of a phrase's most frequent WordNet noun sense: "04" (noun.act) for "ferry
 * crossing", "06" (noun.artifact) for "bridge"; undefined when no tail of it is a WordNet noun. A plural is read by
 * its singular when only that is known ("crossings").
 */
export function nounLexFile(words: readonly string[]): string | undefined {
  const { senses, synsets } = nounNet();
  const singular = [...words.slice(0, -1), (words.at(-1) ?? '').replace(/s$/iu, '')];
  const lemma = nounLemmaOf(words) ?? nounLemmaOf(singular);
  const first = lemma ? senses.get(lemma)?.[0] : undefined;
  return first ? synsets.get(first)?.lexFile : undefined;
}
