import type { SentenceSpan } from '../types.js';
import { isCjk } from './cjk.js';

const LATIN_TERMINATORS = new Set(['.', '!', '?', '…']);
const CJK_TERMINATORS = new Set(['。', '！', '？']);
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '}', '»', '」', '』', '）', '】', '》']);
const SENTENCE_START = /[\p{Lu}\p{Lt}\p{N}"'“‘([{«「『（【《¿¡\p{Script=Hangul}]/u;
const LEADING_OPENERS = /^[\p{Ps}\p{Pi}"']+/u;
/** List bullets: one written inside a line ("costs rose; • an increase of …") starts a new sentence at the bullet. */
const BULLETS = new Set(['•', '●', '▪', '◦', '‣']);

const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof rev hon sr jr st mt gen col capt lt sgt gov sen rep pres etc vs v cf viz al ca approx est ' +
    'dept univ inc ltd co corp plc bros fig figs eq eqs ref refs vol vols ch sec para p pp ed eds jan feb mar apr ' +
    'jun jul aug sep sept oct nov dec'
  ).split(' '),
);
/** Abbreviations that are also ordinary words, so they only count before a number ("No. 5"). */
const NUMBER_ABBREVIATIONS = new Set(['no', 'nos', 'art']);

/**
 * Splits `text` into sentences. Offsets are absolute: `offset` is added to every index, so
 * `text.slice(s.start - offset, s.end - offset) === s.text`. Sentence texts are trimmed.
 *
 * A sentence ends at a newline; at `.`, `!` or `?` (plus closing quotes or brackets) followed by
 * whitespace and an uppercase letter, digit, opening quote or bracket, or CJK character; at
 * `。`, `！` or `？` (plus closing quotes); before a list bullet inside a line; or at the end of the text.
 * Decimal points, common abbreviations, initials and list numbers do not end a sentence.
 */
export function splitSentences(text: string, offset = 0): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    let segmentStart = lineStart;
    for (const cut of [...sentenceEnds(text, lineStart, lineEnd), lineEnd]) {
      pushTrimmed(spans, text, segmentStart, cut, offset);
      segmentStart = cut;
    }
    lineStart = lineEnd + 1;
  }
  return spans;
}

function pushTrimmed(spans: SentenceSpan[], text: string, start: number, end: number, offset: number): void {
  let s = start;
  let e = end;
  while (s < e && /\s/u.test(text[s]!)) s++;
  while (e > s && /\s/u.test(text[e - 1]!)) e--;
  if (e > s) spans.push({ start: s + offset, end: e + offset, text: text.slice(s, e) });
}

/** Indices inside [from, to) just after each sentence-final punctuation run. */
function sentenceEnds(text: string, from: number, to: number): number[] {
  const cuts: number[] = [];
  let segmentStart = from;
  for (let i = from; i < to; i++) {
    const ch = text[i]!;
    if (BULLETS.has(ch) && i > segmentStart && /\s/u.test(text[i - 1]!) && text.slice(segmentStart, i).trim()) {
      cuts.push(i);
      segmentStart = i;
      continue;
    }
    if (CJK_TERMINATORS.has(ch)) {
      let j = i + 1;
      while (j < to && (CJK_TERMINATORS.has(text[j]!) || text[j] === '!' || text[j] === '?')) j++;
      while (j < to && CLOSERS.has(text[j]!)) j++;
      if (j < to) cuts.push(j);
      segmentStart = j;
      i = j - 1;
      continue;
    }
    if (!LATIN_TERMINATORS.has(ch)) continue;
    let runEnd = i + 1;
    while (runEnd < to && LATIN_TERMINATORS.has(text[runEnd]!)) runEnd++;
    let j = runEnd;
    while (j < to && CLOSERS.has(text[j]!)) j++;
    let k = j;
    while (k < to && /\s/u.test(text[k]!)) k++;
    if (k === to || k === j) {
      i = runEnd - 1;
      continue;
    }
    const next = String.fromCodePoint(text.codePointAt(k)!);
    const startsSentence = SENTENCE_START.test(next) || isCjk(next);
    if (!startsSentence || (ch === '.' && runEnd === i + 1 && isNonTerminalPeriod(text, segmentStart, i, next))) {
      i = runEnd - 1;
      continue;
    }
    cuts.push(j);
    segmentStart = k;
    i = k - 1;
  }
  return cuts;
}

/** True when the period at `dot` belongs to an abbreviation, an initial or a list number. */
function isNonTerminalPeriod(text: string, segmentStart: number, dot: number, next: string): boolean {
  let tokenStart = dot;
  while (tokenStart > segmentStart && !/\s/u.test(text[tokenStart - 1]!)) tokenStart--;
  const token = text.slice(tokenStart, dot).replace(LEADING_OPENERS, '');
  if (!token) return false;
  if (/^\p{Lu}$/u.test(token)) return true;
  if (/^(?:\p{L}\.)+\p{L}$/u.test(token)) return true;
  const lower = token.toLowerCase();
  if (NUMBER_ABBREVIATIONS.has(lower)) return /\p{N}/u.test(next);
  if (ABBREVIATIONS.has(lower)) return true;
  const isFirstToken = text.slice(segmentStart, tokenStart).trim() === '';
  return isFirstToken && /^\d{1,3}$/u.test(token);
}
