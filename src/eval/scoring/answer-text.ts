import { splitSentences } from '../../ingest/sentences.js';
import { stripCitationMarkers } from './text.js';

/** An attribution before a quote that opens the answer ("“Report” says: “", "According to Ana Ruiz: “"). */
const ATTRIBUTION_RE = /^[^“”.!?\n]{0,120}?(?:“[^“”]{0,200}”[^“”.!?\n]{0,60}?)?:\s*“/u;

/**
 * The answer's first sentence with citation markers (`[1]`, `[1, 2]`) removed and spaces collapsed. When the answer
 * opens with an attributed quote ("“Report 3” says: “Revenue rose.”"), the quote's words, without the attribution
 * and quotation marks, since they are what the answer states.
 */
export function firstSentence(answer: string): string {
  const clean = stripCitationMarkers(answer)
    .replace(/[ \t]+/g, ' ')
    .trim();
  const attribution = ATTRIBUTION_RE.exec(clean);
  const body = attribution ? clean.slice(attribution[0].length) : clean;
  const first = (splitSentences(body)[0]?.text ?? body).replace(/\s+([.,;:!?])/g, '$1').trim();
  return attribution ? first.replace(/”$/u, '').trim() : first;
}
