import type { Chunk, SourceDocument } from '../types.js';

/** A chunk on disk: its text is omitted when it equals `doc.text.slice(start, end)` (the usual case). */
type StoredChunk = Omit<Chunk, 'text'> & { text?: string };

/** A document on disk: its text lives in the texts file at UTF-8 byte range `[textStart, textEnd)`. */
type StoredDoc = Omit<SourceDocument, 'text'> & { textStart: number; textEnd: number };

interface ChunksFile {
  version: 2;
  docs: StoredDoc[];
  chunks: StoredChunk[];
}

/** Encoded chunks metadata (`chunks.json`) and concatenated UTF-8 document texts (`texts.bin`). */
export interface EncodedChunks {
  json: Buffer;
  texts: Buffer;
}

/**
 * Serialises chunks and documents. Document texts go to a separate byte blob so loading does
 * not JSON-parse the whole corpus; chunk texts are not stored twice.
 */
export function encodeChunksFile(chunks: readonly Chunk[], docs: readonly SourceDocument[]): EncodedChunks {
  const byId = new Map(docs.map((d) => [d.docId, d]));
  const parts: Buffer[] = [];
  let offset = 0;
  const storedDocs = docs.map((d): StoredDoc => {
    const { text, ...meta } = d;
    const bytes = Buffer.from(text, 'utf8');
    parts.push(bytes);
    offset += bytes.length;
    return { ...meta, textStart: offset - bytes.length, textEnd: offset };
  });
  const stored = chunks.map((c): StoredChunk => {
    const { text, ...rest } = c;
    const doc = byId.get(c.docId);
    return doc && doc.text.slice(c.start, c.end) === text ? rest : c;
  });
  const file: ChunksFile = { version: 2, docs: storedDocs, chunks: stored };
  return { json: Buffer.from(JSON.stringify(file), 'utf8'), texts: Buffer.concat(parts, offset) };
}

/** Inverse of {@link encodeChunksFile}; throws when the content does not fit together. */
export function decodeChunksFile(json: Buffer, texts: Buffer): { chunks: Chunk[]; docs: SourceDocument[] } {
  const file = JSON.parse(json.toString('utf8')) as ChunksFile;
  if (file?.version !== 2 || !Array.isArray(file.docs) || !Array.isArray(file.chunks)) {
    throw new Error('chunks.json has an unexpected shape');
  }
  const docs = file.docs.map(({ textStart, textEnd, ...meta }): SourceDocument => {
    if (
      !(
        Number.isInteger(textStart) &&
        Number.isInteger(textEnd) &&
        textStart >= 0 &&
        textStart <= textEnd &&
        textEnd <= texts.length
      )
    ) {
      throw new Error(`document ${meta.docId} has an invalid text range`);
    }
    return { ...meta, text: texts.toString('utf8', textStart, textEnd) };
  });
  const byId = new Map(docs.map((d) => [d.docId, d]));
  const chunks = file.chunks.map((c): Chunk => {
    if (typeof c.text === 'string') return c as Chunk;
    const doc = byId.get(c.docId);
    if (!doc) throw new Error(`chunk ${c.id} refers to unknown document ${c.docId}`);
    return Object.assign(c, { text: doc.text.slice(c.start, c.end) });
  });
  return { chunks, docs };
}
