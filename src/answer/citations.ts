import type { Citation } from './schema.js';
import type { EvidenceSentence } from './evidence.js';

/** Assigns citation numbers in order of first use; the same span always gets the same number. */
export class CitationList {
  private readonly list: Citation[] = [];

  /** Cites one or more adjacent sentences of the same passage; returns the marker number. */
  cite(sentences: readonly EvidenceSentence[], score: number, docText: string): number {
    const first = sentences[0]!;
    const start = Math.min(...sentences.map((s) => s.start));
    const end = Math.max(...sentences.map((s) => s.end));
    const existing = this.list.find((c) => c.chunkId === first.chunk.id && c.start === start && c.end === end);
    if (existing) return existing.n;
    const c = first.chunk;
    const citation: Citation = {
      n: this.list.length + 1,
      chunkId: c.id,
      docId: c.docId,
      title: c.title,
      section: c.section,
      speaker: c.speaker,
      quote: docText.slice(start, end),
      start,
      end,
      score: Math.round(score * 1000) / 1000,
    };
    this.list.push(citation);
    return citation.n;
  }

  /** Citations in number order. */
  all(): Citation[] {
    return [...this.list];
  }
}
