import type { EvidenceSentence, ScoredSentence } from '../../src/answer/offline/evidence.js';
import { tokenize } from '../../src/retrieval/tokenizer.js';

/** A scored sentence of a fictional passage: its text, offsets from 0, terms and score (coverage the same). */
export function scoredSentence(text: string, score: number): ScoredSentence {
  const sentence = {
    text,
    start: 0,
    end: text.length,
    termSet: new Set(tokenize(text)),
  } as unknown as EvidenceSentence;
  return { sentence, score, coverage: score };
}
