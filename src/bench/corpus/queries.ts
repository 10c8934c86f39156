import { createRng, deriveSeed, type Rng } from '../../prng.js';
import type { Chunk } from '../../types.js';

const CJK = /[\u3400-\u9fff]/u;
const STOP = new Set('the a an of in and to is has its by for with from that how can be'.split(' '));

function words(text: string): string[] {
  return text
    .split(/\s+/u)
    .map((w) => w.replace(/^[^\p{L}\p{N}$]+|[^\p{L}\p{N}%]+$/gu, ''))
    .filter((w) => w.length > 0);
}

function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.?!。])\s*/u).filter((s) => s.trim().length > 0);
}

function windowQuery(rng: Rng, sentence: string): string {
  if (CJK.test(sentence)) {
    const len = Math.min(sentence.length, rng.int(6, 12));
    const start = rng.int(0, Math.max(0, sentence.length - len));
    return sentence.slice(start, start + len);
  }
  const ws = words(sentence);
  const len = Math.min(ws.length, rng.int(4, 9));
  const start = rng.int(0, Math.max(0, ws.length - len));
  return ws
    .slice(start, start + len)
    .join(' ')
    .toLowerCase();
}

function keywordQuery(rng: Rng, text: string): string {
  const content = words(text).filter((w) => !STOP.has(w.toLowerCase()) && !CJK.test(w));
  const n = Math.min(content.length, rng.int(3, 6));
  const picked: string[] = [];
  for (let i = 0; i < n; i++) picked.push(rng.pick(content));
  return picked.join(' ');
}

/** The section question a chunk answers, with its speaker's name half the time. */
function sectionQuery(rng: Rng, chunk: Chunk, section: string): string {
  return chunk.speaker && rng.chance(0.5) ? `${chunk.speaker}: ${section}` : section;
}

/** A phrase window from one of the chunk's sentences ("what did X say about ..." now and then). */
function phraseQuery(rng: Rng, chunk: Chunk): string {
  const phrase = windowQuery(rng, rng.pick(sentencesOf(chunk.text)));
  return chunk.speaker && rng.chance(0.3) ? `what did ${chunk.speaker} say about ${phrase}` : phrase;
}

/**
 * `count` search queries over `chunks`, deterministic for `seed`: a mix of phrase windows from a
 * chunk's sentences ("what did X say about ..." when a speaker is known), keyword bags, and the
 * section questions the chunks answer (with a speaker name added now and then).
 */
export function generateQueries(chunks: readonly Chunk[], count: number, seed: number): string[] {
  if (chunks.length === 0) return [];
  const rng = createRng(deriveSeed(seed, 'queries'));
  const out: string[] = [];
  while (out.length < count) {
    const chunk = rng.pick(chunks);
    const kind = rng.int(0, 3);
    let q: string;
    if (kind === 0 && chunk.section) q = sectionQuery(rng, chunk, chunk.section);
    else if (kind === 1) q = keywordQuery(rng, chunk.text);
    else q = phraseQuery(rng, chunk);
    if (q.trim()) out.push(q);
  }
  return out;
}

/**
 * `count` questions for the answerer over `chunks`, deterministic for `seed` (and independent of
 * {@link generateQueries}): the same section questions and phrase windows, without keyword bags.
 */
export function generateQuestions(chunks: readonly Chunk[], count: number, seed: number): string[] {
  if (chunks.length === 0) return [];
  const rng = createRng(deriveSeed(seed, 'questions'));
  const out: string[] = [];
  while (out.length < count) {
    const chunk = rng.pick(chunks);
    const q = chunk.section && rng.chance(0.5) ? sectionQuery(rng, chunk, chunk.section) : phraseQuery(rng, chunk);
    if (q.trim()) out.push(q);
  }
  return out;
}
