import type { ScoredIndex } from './top-k.js';

/** The retrieval signals that can be fused. */
export type RetrievalSource = 'vector' | 'bm25';

/** Each source's raw score for a hit (`null` when that source did not return it). */
export type SourceScores = Record<RetrievalSource, number | null>;

/** A fused hit: `score` is the reciprocal-rank-fusion score. */
export interface FusedHit {
  index: number;
  score: number;
  scores: SourceScores;
}

/** Conventional RRF damping constant. */
export const RRF_K = 60;

/**
 * Reciprocal-rank fusion: `score(d) = sum over sources of 1 / (k + rank_s(d))`, rank starting at 1.
 * Lists must be ordered best first. Ties break on the best single rank, then on index.
 * @param limit maximum number of fused hits returned (all by default).
 */
export function reciprocalRankFusion(
  lists: Partial<Record<RetrievalSource, readonly ScoredIndex[]>>,
  options: { k?: number; limit?: number } = {},
): FusedHit[] {
  const k = options.k ?? RRF_K;
  const acc = new Map<number, FusedHit & { bestRank: number }>();
  for (const source of Object.keys(lists) as RetrievalSource[]) {
    const list = lists[source];
    if (!list) continue;
    list.forEach((item, i) => {
      const rank = i + 1;
      let hit = acc.get(item.index);
      if (!hit) {
        hit = { index: item.index, score: 0, scores: { vector: null, bm25: null }, bestRank: rank };
        acc.set(item.index, hit);
      }
      if (hit.scores[source] !== null) return;
      hit.score += 1 / (k + rank);
      hit.scores[source] = item.score;
      hit.bestRank = Math.min(hit.bestRank, rank);
    });
  }
  const fused = [...acc.values()].sort((a, b) => b.score - a.score || a.bestRank - b.bestRank || a.index - b.index);
  const limited = options.limit === undefined ? fused : fused.slice(0, Math.max(0, options.limit));
  return limited.map(({ index, score, scores }) => ({ index, score, scores }));
}
