import { describe, expect, it } from 'vitest';
import { reciprocalRankFusion } from '../../src/retrieval/fusion.js';

describe('reciprocalRankFusion', () => {
  it('sums 1/(60 + rank) over the lists and keeps raw scores per source', () => {
    const fused = reciprocalRankFusion({
      vector: [
        { index: 7, score: 0.9 },
        { index: 3, score: 0.8 },
      ],
      bm25: [
        { index: 3, score: 12.5 },
        { index: 5, score: 4 },
      ],
    });
    expect(fused.map((h) => h.index)).toEqual([3, 7, 5]);
    expect(fused[0]!.score).toBeCloseTo(1 / 62 + 1 / 61, 12);
    expect(fused[0]!.scores).toEqual({ vector: 0.8, bm25: 12.5 });
    expect(fused[1]!.score).toBeCloseTo(1 / 61, 12);
    expect(fused[1]!.scores).toEqual({ vector: 0.9, bm25: null });
    expect(fused[2]!.scores).toEqual({ vector: null, bm25: 4 });
  });

  it('breaks ties on best rank then index, honours limit and custom k', () => {
    const fused = reciprocalRankFusion(
      { vector: [{ index: 2, score: 1 }], bm25: [{ index: 1, score: 1 }] },
      { k: 10, limit: 1 },
    );
    expect(fused).toEqual([{ index: 1, score: 1 / 11, scores: { vector: null, bm25: 1 } }]);
  });

  it('handles empty and missing lists', () => {
    expect(reciprocalRankFusion({})).toEqual([]);
    expect(reciprocalRankFusion({ vector: [], bm25: [] })).toEqual([]);
    expect(reciprocalRankFusion({ bm25: [{ index: 0, score: 3 }] })[0]!.scores.vector).toBeNull();
  });
});
