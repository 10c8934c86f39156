import type { NumericClaim } from '../numbers/claims/types.js';
import { cleanNoun, MEASURE, stripFiller } from './noun-phrases.js';

const LIST_MEASURE =
  /(?:the\s+)?((?:average\s+)?(?:annual\s+)?growth rates?|scales?|shares?|proportions?|values?)\s+of\s+(.+)$/i;

/**
 * Names for figures listed with "respectively" ("A, B and C ... were 12.5%, 9% and 4.2%
 * respectively"), pairing each figure with its list item. Returns an empty map when the
 * items cannot be matched one to one.
 */
export function respectivelyNames(sentenceClaims: NumericClaim[]): Map<NumericClaim, string> {
  const out = new Map<NumericClaim, string>();
  const first = sentenceClaims[0];
  if (!first || !/\brespectively\b/i.test(first.sentence.text)) return out;
  const s = first.sentence;
  for (let i = 0; i < sentenceClaims.length; i++) {
    const run = [sentenceClaims[i] as NumericClaim];
    for (let j = i + 1; j < sentenceClaims.length; j++) {
      const a = run[run.length - 1] as NumericClaim;
      const b = sentenceClaims[j] as NumericClaim;
      if (b.unit !== a.unit || !/^\s*,?\s*(?:and\s+)?$/i.test(s.text.slice(a.end - s.start, b.start - s.start))) break;
      run.push(b);
    }
    const last = run[run.length - 1] as NumericClaim;
    if (run.length < 2 || !/^\s*respectively\b/i.test(s.text.slice(last.end - s.start))) continue;
    const segments = s.text
      .slice(0, run[0]!.start - s.start)
      .split(/,\s*|\s+and\s+/)
      .map((x) => x.trim())
      .filter(Boolean);
    const items = segments.slice(-run.length);
    if (items.length < run.length) return out;
    let measure: string | undefined;
    const lead = LIST_MEASURE.exec(items[0] ?? '');
    if (lead?.[1] && lead[2]) {
      measure = lead[1];
      items[0] = lead[2];
      items[items.length - 1] = stripFiller(items[items.length - 1] ?? '');
    } else {
      const split = /^(.+?)\s+(the\s+.+)$/i.exec(items[items.length - 1] ?? '');
      const m = split?.[2] ? MEASURE.exec(stripFiller(split[2])) : null;
      if (!split?.[1] || !m?.[1]) return out;
      measure = m[1];
      items[items.length - 1] = split[1];
    }
    const nouns = items.map((item) => cleanNoun(item, s.text));
    if (nouns.some((n) => !n || n.split(' ').length > 4)) return out;
    const m = measure
      .toLowerCase()
      .replace(/rates$/, 'rate')
      .replace(/s$/, '');
    for (const [k, c] of run.entries()) out.set(c, `${nouns[k]} ${m}`);
    i += run.length - 1;
  }
  return out;
}
