import type { SentenceSpan } from '../../types.js';

function pushTrimmed(out: SentenceSpan[], text: string, start: number, end: number, offset: number): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  if (e > s) out.push({ start: s + offset, end: e + offset, text: text.slice(s, e) });
}

export { splitSentences } from '../../ingest/sentences.js';

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
