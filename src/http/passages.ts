import type { SearchHit } from '../retrieval/retriever.js';

/** The public JSON shape of a retrieved passage. */
export function toPassage(hit: SearchHit) {
  const { chunk } = hit;
  return {
    chunkId: chunk.id,
    docId: chunk.docId,
    title: chunk.title,
    section: chunk.section,
    speaker: chunk.speaker,
    text: chunk.text,
    start: chunk.start,
    end: chunk.end,
    score: hit.score,
    scores: { vector: hit.scores.vector, bm25: hit.scores.bm25 },
  };
}
