import type { SentenceSpan } from '../../types.js';

const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'etc', 'vs', 'mr', 'mrs', 'ms', 'dr', 'prof', 'no', 'approx', 'inc', 'ltd', 'co', 'corp', 'fig', 'jan',
  'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'st',
]);

const TERMINATOR = /[.!?。！？]+["”’)）]*/g;

function isAbbreviation(line: string, dot: number): boolean {
  const word = /([\p{L}.]+)$/u.exec(line.slice(0, dot))?.[1] ?? '';
  if (!word) return false;
  if (ABBREVIATIONS.has(word.toLowerCase())) return true;
  return /^(?:\p{L}\.)+\p{L}$/u.test(word);
}

function pushTrimmed(out: SentenceSpan[], text: string, start: number, end: number, offset: number): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  if (e > s) out.push({ start: s + offset, end: e + offset, text: text.slice(s, e) });
}

/**
 * Splits text into sentences at . ! ? 。！？ followed by whitespace or end of line, and at
 * line breaks; decimals ("294.76") and common abbreviations do not end a sentence.
 * Offsets are `offset` plus positions in `text`.
 */
export function splitSentences(text: string, offset = 0): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    let from = 0;
    for (const m of line.matchAll(TERMINATOR)) {
      const end = m.index + m[0].length;
      const next = line[end];
      const cjk = /[。！？]/.test(m[0]);
      if (!cjk && next !== undefined && !/\s/.test(next)) continue;
      if (m[0] === '.' && isAbbreviation(line, m.index) && next !== undefined) continue;
      pushTrimmed(out, text, lineStart + from, lineStart + end, offset);
      from = end;
    }
    pushTrimmed(out, text, lineStart + from, lineStart + line.length, offset);
    lineStart += line.length + 1;
  }
  return out;
}

/** Non-empty lines of `text` (trimmed), used as paragraphs. */
export function splitParagraphs(text: string, offset = 0): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    pushTrimmed(out, text, lineStart, lineStart + line.length, offset);
    lineStart += line.length + 1;
  }
  return out;
}
