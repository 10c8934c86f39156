import { readFileSync } from 'node:fs';

/** Body of the interview (text after the closing `---` front-matter line); offsets refer to it. */
export function loadInterview(): string {
  const raw = readFileSync(new URL('../../corpus/digital-trade-interview.md', import.meta.url), 'utf8');
  const close = raw.indexOf('\n---\n', 3);
  return raw.slice(close + '\n---\n'.length);
}

/** One chunk per line; a "Name: " prefix starts that speaker's turn. */
export function lineChunks(
  docId: string,
  text: string,
): { id: string; docId: string; start: number; end: number; speaker: string | null }[] {
  const chunks = [];
  let speaker: string | null = null;
  let start = 0;
  for (const [i, line] of text.split('\n').entries()) {
    const label = /^([A-Z][A-Za-z ]{2,40}):\s/.exec(line)?.[1];
    if (label) speaker = label;
    chunks.push({ id: `${docId}#${i}`, docId, start, end: start + line.length + 1, speaker });
    start += line.length + 1;
  }
  return chunks;
}
