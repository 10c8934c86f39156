import { describe, expect, it } from 'vitest';
import { isAppError } from '../../src/errors.js';
import { LocalHashEmbedder } from '../../src/retrieval/local-embedder.js';
import { buildRetriever } from '../../src/retrieval/retriever.js';
import { SAMPLE } from './synthetic.js';

const retriever = await buildRetriever({ ...SAMPLE, embedder: new LocalHashEmbedder() });

describe('HybridRetriever', () => {
  it('fuses vector and BM25 rankings and reports both raw scores', async () => {
    const hits = await retriever.search('How fast did cross-border e-commerce exports grow in 2021?', { k: 3 });
    expect(hits).toHaveLength(3);
    expect(hits[0]!.chunk.id).toBe('trade#1');
    expect(hits[0]!.scores.vector).toBeGreaterThan(0);
    expect(hits[0]!.scores.bm25).toBeGreaterThan(0);
    expect(hits[0]!.score).toBeCloseTo(2 / 61, 10);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
  });

  it('finds a paraphrase with no exact keyword overlap through the vector side', async () => {
    const vec = await retriever.searchVector('what percentage of GDP comes from the digital economy', 1);
    expect(vec[0]!.chunk.id).toBe('trade#3');
    expect(vec[0]!.scores).toEqual({ vector: vec[0]!.score, bm25: null });
    const hybrid = await retriever.search('proportion of the size of exporting', { k: 2 });
    expect(hybrid.map((h) => h.chunk.docId)).toContain('trade');
  });

  it('serves BM25-only and vector-only searches', async () => {
    const bm = retriever.searchBm25('flour butter', 2);
    expect(bm[0]!.chunk.id).toBe('misc#2');
    expect(bm[0]!.scores.vector).toBeNull();
    expect((await retriever.searchVector('天气 公园', 1))[0]!.chunk.id).toBe('zh#1');
  });

  it('returns nothing for blank queries and validates k', async () => {
    expect(await retriever.search('   ')).toEqual([]);
    await expect(retriever.search('trade', { k: 0 })).rejects.toSatisfy(isAppError);
    expect(() => retriever.searchBm25('trade', 1.5)).toThrow(/k must be/);
  });

  it('caps k at the corpus size', async () => {
    expect(await retriever.search('the', { k: 50 })).toHaveLength(0);
    expect((await retriever.search('trade growth', { k: 50 })).length).toBeLessThanOrEqual(SAMPLE.chunks.length);
  });
});
