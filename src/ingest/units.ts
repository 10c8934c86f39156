import { splitSentences } from './sentences.js';
import { wordWeight } from './words.js';

/** How a unit is separated from the one before it; later kinds are worse places to cut. */
export type UnitBoundary = 'paragraph' | 'sentence' | 'clause' | 'token';

/** An indivisible span of document text that the chunker packs into chunks. */
export interface Unit {
  start: number;
  end: number;
  weight: number;
  boundary: UnitBoundary;
}

const CLAUSE_END = /(?:[,;:](?=\s)|[，；：、])/gu;
const ATOM = new RegExp(
  [
    String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}][^\s\p{L}\p{N}]*`,
    String.raw`[^\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+`,
  ].join('|'),
  'gu',
);

/**
 * Splits the paragraph `text.slice(start, end)` into units of at most `maxWords`: the whole
 * paragraph when it fits, else its sentences. A sentence longer than `maxWords` is split after
 * clause punctuation, and a clause still too long between words; numbers are never split.
 */
export function paragraphUnits(text: string, start: number, end: number, maxWords: number): Unit[] {
  const paragraph = text.slice(start, end);
  const weight = wordWeight(paragraph);
  if (weight <= maxWords) return [{ start, end, weight, boundary: 'paragraph' }];
  const units: Unit[] = [];
  for (const sentence of splitSentences(paragraph, start)) {
    const first = units.length === 0 ? 'paragraph' : 'sentence';
    const w = wordWeight(sentence.text);
    if (w <= maxWords) units.push({ start: sentence.start, end: sentence.end, weight: w, boundary: first });
    else units.push(...splitLong(text, sentence.start, sentence.end, maxWords, first));
  }
  return units;
}

function splitLong(text: string, start: number, end: number, maxWords: number, first: UnitBoundary): Unit[] {
  const units: Unit[] = [];
  for (const [s, e] of pieces(text, start, end, CLAUSE_END)) {
    const boundary = units.length === 0 ? first : 'clause';
    const w = wordWeight(text.slice(s, e));
    if (w <= maxWords) {
      units.push({ start: s, end: e, weight: w, boundary });
      continue;
    }
    const slice = text.slice(s, e);
    for (const m of slice.matchAll(ATOM)) {
      const atomStart = s + m.index;
      units.push({
        start: atomStart,
        end: atomStart + m[0].length,
        weight: wordWeight(m[0]),
        boundary: units.length === 0 ? first : atomStart === s ? boundary : 'token',
      });
    }
  }
  return units;
}

/** Trimmed pieces of `text.slice(start, end)` cut just after each match of `separator`. */
function pieces(text: string, start: number, end: number, separator: RegExp): Array<[number, number]> {
  const slice = text.slice(start, end);
  const cuts = [...slice.matchAll(separator)].map((m) => m.index + m[0].length);
  const out: Array<[number, number]> = [];
  let from = 0;
  for (const cut of [...cuts, slice.length]) {
    let s = from;
    let e = cut;
    while (s < e && /\s/u.test(slice[s]!)) s++;
    while (e > s && /\s/u.test(slice[e - 1]!)) e--;
    if (e > s) out.push([start + s, start + e]);
    from = cut;
  }
  return out;
}
