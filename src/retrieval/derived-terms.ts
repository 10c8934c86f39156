import { readDerivations } from '../language/derivations.js';
import { STOPWORDS, stem } from './tokenizer.js';

let table: ReadonlyMap<string, ReadonlySet<string>> | undefined;

/**
 * Tokenizer terms (stems) linked to other terms by WordNet's derivationally related forms (see `readDerivations`):
 * "colon" (colonize) to "coloni" (colony), "decid" (decide) to "decis" (decision). Forms the stemmer already joins,
 * and stop words, are left out; built on first use and kept.
 */
export function derivedTerms(term: string): ReadonlySet<string> | undefined {
  table ??= build();
  return table.get(term);
}

function build(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [word, forms] of readDerivations()) {
    if (STOPWORDS.has(word)) continue;
    const from = stem(word);
    for (const form of forms) {
      if (STOPWORDS.has(form)) continue;
      const to = stem(form);
      if (to === from) continue;
      const set = out.get(from) ?? new Set<string>();
      out.set(from, set);
      set.add(to);
    }
  }
  return out;
}
