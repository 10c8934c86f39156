import type { ClaimUnit, Qualifier } from '../numbers/claims/types.js';
import type { Currency, Scale } from '../numbers/quantity.js';
import type { Chunk, SourceDocument } from '../types.js';

/** One figure from the corpus, named and located; `docText.slice(start, end) === text`. */
export interface IndicatorRecord {
  /** Stable hash of document, offsets and figure. */
  id: string;
  /** Indicator the figure measures, e.g. "freight volume". */
  name: string;
  /** The figure as written, e.g. "US$12.5 billion". */
  text: string;
  /** The number as written, in `scale`. */
  value: number;
  unit: ClaimUnit;
  scale: Scale | null;
  currency?: Currency | undefined;
  qualifier?: Qualifier | undefined;
  /** The figure's own year when clear, else every year in its sentence. */
  years: number[];
  /**
   * Place as written in the text ("Ruritania", "Northern Isles") or "world", from the nearest
   * mention (see regions.ts), else the document's most-mentioned place; speakers are not places.
   */
  region: string | null;
  speaker: string | null;
  docId: string;
  chunkId: string | null;
  start: number;
  end: number;
  /** The sentence the figure appears in (for a table cell, its row as written). */
  context: string;
  /** For a table cell: the row label, with the section row above it ("Revenue: Services"). */
  series?: string | undefined;
  /** For a table cell: its column's header ("Year ended June 30 2019"), null when the column has none. */
  period?: string | null | undefined;
}

/** Document fields buildIndicators reads. */
export type IndicatorDoc = Pick<SourceDocument, 'docId' | 'text'>;
/** Chunk fields buildIndicators reads. */
export type IndicatorChunk = Pick<Chunk, 'id' | 'docId' | 'start' | 'end' | 'speaker'>;
