import type { Chunk } from '../../types.js';
import type { Citation, TableRowRef } from '../schema.js';
import type { EvidenceSentence } from './evidence.js';

/** Assigns citation numbers in order of first use; the same span always gets the same number. */
export class CitationList {
  private readonly list: Citation[] = [];

  /** Cites one or more adjacent sentences of the same passage; returns the marker number. */
  cite(sentences: readonly EvidenceSentence[], score: number, docText: string): number {
    const start = Math.min(...sentences.map((s) => s.start));
    const end = Math.max(...sentences.map((s) => s.end));
    return this.citeSpan(sentences[0]!.chunk, start, end, score, docText);
  }

  /** Cites `docText.slice(start, end)` inside `c`; a table row carries its table's headers. Returns the marker number. */
  citeSpan(c: Chunk, start: number, end: number, score: number, docText: string, table?: TableRowRef): number {
    const existing = this.list.find((x) => x.chunkId === c.id && x.start === start && x.end === end);
    if (existing) return existing.n;
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
      ...(table ? { table } : {}),
    };
    this.list.push(citation);
    return citation.n;
  }

  /** Citations in number order. */
  all(): Citation[] {
    return [...this.list];
  }
}

/** A citation cut to end where `sentence` ends, when it quotes more (the sentences after it continue a reason or a list). */
export function throughSentence(citation: Citation, sentence: EvidenceSentence | undefined): Citation {
  if (!sentence || sentence.end >= citation.end || sentence.start < citation.start) return citation;
  return { ...citation, quote: citation.quote.slice(0, sentence.end - citation.start), end: sentence.end };
}
