import { describe, expect, it } from 'vitest';
import { generateCorpus, generateDocument, makeLexicon } from '../../src/bench/corpus/generator.js';
import { generateQueries, generateQuestions } from '../../src/bench/corpus/queries.js';
import { pseudoWords } from '../../src/bench/corpus/vocabulary.js';
import { createRng, mulberry32 } from '../../src/prng.js';

describe('mulberry32 and createRng', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const seqA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(seqA);
    expect(Array.from({ length: 5 }, c)).not.toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('draws integers in range and picks from lists', () => {
    const rng = createRng(7);
    const ints = Array.from({ length: 500 }, () => rng.int(2, 4));
    expect(new Set(ints)).toEqual(new Set([2, 3, 4]));
    const items = ['a', 'b', 'c', 'd'];
    const zipf = Array.from({ length: 2000 }, () => rng.zipf(items));
    const count = (x: string) => zipf.filter((z) => z === x).length;
    expect(count('a')).toBeGreaterThan(count('d'));
    expect(() => rng.pick([])).toThrow();
  });
});

describe('synthetic corpus', () => {
  it('generates the same documents and chunks for the same seed', () => {
    const a = generateCorpus(300, 11);
    const b = generateCorpus(300, 11);
    expect(a.chunks).toHaveLength(300);
    expect(b.chunks.map((c) => c.id)).toEqual(a.chunks.map((c) => c.id));
    expect(b.docs.map((d) => d.text)).toEqual(a.docs.map((d) => d.text));
    expect(generateCorpus(300, 12).chunks[0]!.text).not.toBe(a.chunks[0]!.text);
  });

  it('writes interviews with speakers, section questions, figures and some Chinese', () => {
    const { docs, chunks } = generateCorpus(400, 5);
    const text = docs.map((d) => d.text).join('\n');
    expect(text).toMatch(/US\$\d+\.\d{2} (?:million|billion|trillion)/);
    expect(text).toMatch(/\d+\.\d%/);
    expect(text).toMatch(/\b20[0-2]\d\b/);
    expect(text).toMatch(/[\u4e00-\u9fff]{4,}/);
    expect(chunks.some((c) => c.speaker !== null)).toBe(true);
    expect(chunks.some((c) => c.section?.endsWith('?'))).toBe(true);
    for (const c of chunks) {
      const doc = docs.find((d) => d.docId === c.docId)!;
      expect(doc.text.slice(c.start, c.end)).toBe(c.text);
    }
  });

  it('keeps a document on its topic and gives every document several paragraphs', () => {
    const lexicon = makeLexicon(3, 10);
    expect(lexicon).toHaveLength(10);
    const doc = generateDocument(createRng(1), 0, lexicon);
    expect(doc.interviewer).toBeTruthy();
    expect(doc.text.split('\n').length).toBeGreaterThan(5);
    expect(lexicon.some((t) => t.entities.some((e) => doc.text.includes(e)))).toBe(true);
  });

  it('makes distinct pseudo-words deterministically', () => {
    const words = pseudoWords(200, 9);
    expect(new Set(words).size).toBe(200);
    expect(pseudoWords(200, 9)).toEqual(words);
  });
});

describe('generateQueries', () => {
  it('returns the requested number of non-empty queries, deterministically', () => {
    const { chunks } = generateCorpus(200, 2);
    const q = generateQueries(chunks, 50, 2);
    expect(q).toHaveLength(50);
    expect(q.every((s) => s.trim().length > 0)).toBe(true);
    expect(generateQueries(chunks, 50, 2)).toEqual(q);
    expect(generateQueries([], 5, 2)).toEqual([]);
  });
});

describe('generateQuestions', () => {
  it('returns section questions and phrase windows, deterministically', () => {
    const { chunks } = generateCorpus(200, 2);
    const q = generateQuestions(chunks, 60, 2);
    expect(q).toHaveLength(60);
    expect(generateQuestions(chunks, 60, 2)).toEqual(q);
    const sections = new Set(chunks.flatMap((c) => (c.section ? [c.section] : [])));
    const isSection = (s: string) => sections.has(s) || [...sections].some((x) => s.endsWith(`: ${x}`));
    expect(q.some(isSection)).toBe(true);
    expect(q.some((s) => !isSection(s))).toBe(true);
    expect(generateQuestions([], 5, 2)).toEqual([]);
  });
});
