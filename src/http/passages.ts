import { toRelated } from '../answer/grounding/related.js';
import type { SearchHit } from '../retrieval/retriever.js';

/** The public JSON shape of a search result: the passage plus each retriever's own score. */
export function toPassage(hit: SearchHit) {
  return { ...toRelated(hit), scores: { vector: hit.scores.vector, bm25: hit.scores.bm25 } };
}
