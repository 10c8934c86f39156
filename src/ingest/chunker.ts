import { createHash } from 'node:crypto';
import { AppError } from '../errors.js';
import type { Chunk, SourceDocument } from '../types.js';
import { packUnits } from './pack.js';
import { type Paragraph, parseStructure } from './structure.js';
import { paragraphUnits, type Unit } from './units.js';

export { countWords } from './words.js';

/** Changes whenever chunk boundaries, ids or sections may change; part of index manifests. */
export const CHUNKER_VERSION = 'structure-v2';

/** Chunk size limits in words (CJK: two characters per word). */
export interface ChunkOptions {
  /** Chunks below this are merged into a neighbour of the same speaker and section when possible. Default 60. */
  minWords?: number;
  /** Upper bound for a chunk unless a single unsplittable token is longer. Default 220. */
  maxWords?: number;
}

/** Default chunk size limits. */
export const DEFAULT_CHUNK_OPTIONS: Readonly<Required<ChunkOptions>> = Object.freeze({ minWords: 60, maxWords: 220 });

/**
 * Splits a document into retrievable chunks. Consecutive body paragraphs with the same section
 * and speaker form a group; each group is packed into chunks of whole paragraphs, or whole
 * sentences when a paragraph exceeds `maxWords`. Chunks never span two speakers or sections,
 * and `doc.text.slice(chunk.start, chunk.end) === chunk.text`.
 */
export function chunkDocument(doc: SourceDocument, opts: ChunkOptions = {}): Chunk[] {
  const minWords = opts.minWords ?? DEFAULT_CHUNK_OPTIONS.minWords;
  const maxWords = opts.maxWords ?? DEFAULT_CHUNK_OPTIONS.maxWords;
  const valid = Number.isFinite(maxWords) && Number.isFinite(minWords) && maxWords >= 1 && minWords >= 0;
  if (!valid || minWords > maxWords) {
    throw new AppError('invalid_argument', `Invalid chunk size: minWords=${minWords}, maxWords=${maxWords}`);
  }
  const spans: Array<Omit<Chunk, 'id' | 'ordinal' | 'docId' | 'title' | 'text'>> = [];
  for (const group of groupParagraphs(parseStructure(doc))) {
    const first = group[0]!;
    const units: Unit[] = group.flatMap((p) => paragraphUnits(doc.text, p.start, p.end, maxWords));
    for (const [from, to] of packUnits(units, minWords, maxWords)) {
      spans.push({
        section: first.section,
        speaker: first.speaker,
        start: units[from]!.start,
        end: units[to - 1]!.end,
      });
    }
  }
  const seen = new Map<string, number>();
  return spans.map((span, ordinal) => {
    const text = doc.text.slice(span.start, span.end);
    const repeat = seen.get(text) ?? 0;
    seen.set(text, repeat + 1);
    return {
      id: chunkId(doc.docId, text, repeat),
      docId: doc.docId,
      title: doc.title,
      section: span.section,
      speaker: span.speaker,
      ordinal,
      start: span.start,
      end: span.end,
      text,
    };
  });
}

/** First 16 hex characters of sha256(docId + "\n" + text); repeated texts get a suffix. */
export function chunkId(docId: string, text: string, repeat = 0): string {
  const input = repeat === 0 ? `${docId}\n${text}` : `${docId}\n${text}\n#${repeat}`;
  return createHash('sha256').update(input).digest('hex').slice(0, 16);
}

function groupParagraphs(paragraphs: Paragraph[]): Paragraph[][] {
  const groups: Paragraph[][] = [];
  let current: Paragraph[] = [];
  for (const p of paragraphs) {
    const last = current[current.length - 1];
    if (p.kind !== 'body' || (last && (last.section !== p.section || last.speaker !== p.speaker))) {
      if (current.length) groups.push(current);
      current = [];
    }
    if (p.kind === 'body') current.push(p);
  }
  if (current.length) groups.push(current);
  return groups;
}
