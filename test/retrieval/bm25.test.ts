import { describe, expect, it } from 'vitest';
import { Bm25Index } from '../../src/retrieval/bm25.js';
import { decodeBm25, encodeBm25 } from '../../src/retrieval/bm25-codec.js';
import { SAMPLE } from './synthetic.js';

const docs = SAMPLE.chunks.map((c) => ({ id: c.id, text: c.text }));

describe('Bm25Index', () => {
  const index = Bm25Index.build(docs);

  it('ranks the passage sharing rare query terms first', () => {
    const hits = index.search('cross-border e-commerce exports 2021', 3);
    expect(docs[hits[0]!.index]!.id).toBe('trade#1');
    expect(hits[0]!.score).toBeGreaterThan(hits[1]?.score ?? 0);
  });

  it('matches numbers exactly, including decimals', () => {
    expect(docs[index.search('294.76', 1)[0]!.index]!.id).toBe('trade#0');
    expect(docs[index.search('how much is 1.69 trillion', 1)[0]!.index]!.id).toBe('trade#2');
  });

  it('finds Chinese text by bigrams', () => {
    expect(docs[index.search('跨境电商', 1)[0]!.index]!.id).toBe('zh#0');
  });

  it('returns only documents sharing a term, sorted, at most k', () => {
    expect(index.search('zebra unicorn', 5)).toEqual([]);
    const hits = index.search('exports', 2);
    expect(hits.length).toBe(2);
    expect(hits[0]!.score).toBeGreaterThanOrEqual(hits[1]!.score);
    expect(index.search('', 5)).toEqual([]);
    expect(index.search('trade', 0)).toEqual([]);
  });

  it('prefers shorter documents for equal term frequency (length normalisation)', () => {
    const small = Bm25Index.build([
      { id: 'long', text: `apple ${'filler words here '.repeat(30)}` },
      { id: 'short', text: 'apple pie' },
    ]);
    expect(small.search('apple', 2)[0]!.index).toBe(1);
  });

  it('matches a hand-computed score', () => {
    const tiny = Bm25Index.build([
      { id: 1, text: 'alpha beta' },
      { id: 2, text: 'gamma delta' },
    ]);
    const idf = Math.log(1 + (2 - 1 + 0.5) / (1 + 0.5));
    const tf = 1;
    const expected = (idf * (tf * 2.2)) / (tf + 1.2 * (1 - 0.75 + 0.75 * (2 / 2)));
    expect(tiny.search('alpha', 1)[0]!.score).toBeCloseTo(expected, 5);
  });

  it('round-trips through toJSON/fromJSON and the binary codec with identical results', () => {
    const fromJson = Bm25Index.fromJSON(JSON.parse(JSON.stringify(index)));
    const fromBin = Bm25Index.fromState(decodeBm25(encodeBm25(index.toState())));
    for (const q of ['digital trade share', '跨境电商出口', 'flour butter eggs']) {
      expect(fromJson.search(q, 5)).toEqual(index.search(q, 5));
      expect(fromBin.search(q, 5)).toEqual(index.search(q, 5));
    }
    expect(fromBin.idAt(1)).toBe('trade#1');
  });

  it('rejects a truncated binary file', () => {
    const bytes = encodeBm25(index.toState());
    expect(() => decodeBm25(bytes.subarray(0, bytes.length - 4))).toThrow();
  });
});
