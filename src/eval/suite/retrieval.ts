import { nfkc } from '../scoring/text.js';
import type { RetrievalResult } from './types.js';

/**
 * Scores ranked passages against `cites`: which strings some top-k passage contains (verbatim,
 * case-sensitive, NFKC) and the 1-based rank of the first passage containing any of them.
 */
export function judgeRetrieval(cites: string[], passages: ReadonlyArray<{ text: string }>, k: number): RetrievalResult {
  const texts = passages.slice(0, k).map((p) => nfkc(p.text));
  const needles = cites.map(nfkc);
  const citesFound = needles.map((s) => texts.some((t) => t.includes(s)));
  const index = texts.findIndex((t) => needles.some((s) => t.includes(s)));
  return { k, citesFound, firstRank: index === -1 ? null : index + 1 };
}
