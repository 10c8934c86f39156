import type { SearchHit } from '../../retrieval/retriever.js';
import type { RelatedPassage } from '../schema.js';

/** A retrieved passage in the shape responses use (`related`, stream `meta`, search results). */
export function toRelated({ chunk, score }: SearchHit): RelatedPassage {
  return {
    chunkId: chunk.id,
    docId: chunk.docId,
    title: chunk.title,
    section: chunk.section,
    speaker: chunk.speaker,
    text: chunk.text,
    start: chunk.start,
    end: chunk.end,
    score,
  };
}
