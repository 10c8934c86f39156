import { splitSentences } from '../../ingest/sentences.js';
import { stripCitationMarkers } from './text.js';

/** The answer's first sentence with citation markers (`[1]`, `[1, 2]`) removed and spaces collapsed. */
export function firstSentence(answer: string): string {
  const clean = stripCitationMarkers(answer)
    .replace(/[ \t]+/g, ' ')
    .trim();
  const first = splitSentences(clean)[0]?.text ?? clean;
  return first.replace(/\s+([.,;:!?])/g, '$1').trim();
}
