import { describe, expect, it } from 'vitest';
import { MarkerNumbering, rewriteMarkers } from '../../../src/answer/grounding/markers.js';
import { MarkerStream } from '../../../src/answer/llm/marker-stream.js';

const resolves = (n: number) => n >= 1 && n <= 5;

function streamed(pieces: string[]): string[] {
  const out: string[] = [];
  const stream = new MarkerStream(new MarkerNumbering(resolves), (t) => out.push(t));
  for (const p of pieces) stream.push(p);
  stream.end();
  return out;
}

const whole = (text: string) => rewriteMarkers(text, new MarkerNumbering(resolves)).trim();

/** Deterministic pseudo-random split of `text` into pieces of 1..7 characters. */
function split(text: string, seed: number): string[] {
  const pieces: string[] = [];
  let s = seed;
  for (let i = 0; i < text.length; ) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const len = 1 + (s % 7);
    pieces.push(text.slice(i, i + len));
    i += len;
  }
  return pieces;
}

const SAMPLES = [
  'Digital trade grew 47.4% [3]. Exports rose 44.1% [5][3] [9].',
  '  Leading space [2]\nand a list:\n- one [1, 4]\n- two [6]\n\n',
  'Range [2-4], full-width ［５］, unfinished [2 and bracket [x] text [12',
  '[7] Starts with a bad marker. Then [4].   ',
];

describe('MarkerStream', () => {
  it('emits pieces that join to the verified answer, however the text is split', () => {
    for (const text of SAMPLES) {
      const expected = whole(text);
      expect(streamed([...text]).join(''), text).toBe(expected);
      for (let seed = 1; seed <= 25; seed++)
        expect(streamed(split(text, seed)).join(''), `${text} / ${seed}`).toBe(expected);
    }
  });

  it('renumbers on first use and holds back only an unfinished marker', () => {
    const out = streamed(['Growth was fast [', '3', '] and steady', ' [9', ']. Done [1]']);
    expect(out).toEqual(['Growth was fast', ' [1] and steady', '. Done [2]']);
  });
});
