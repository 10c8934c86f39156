import { createHash } from 'node:crypto';
import type { SourceDocument } from '../types.js';

/**
 * SHA-256 (hex) identifying a corpus: every document's path, metadata and text, plus `extra`
 * strings that also shape the index (chunker version, chunking options, ...).
 * Independent of document order; fields are length-prefixed so no two inputs collide by concatenation.
 */
export function computeCorpusHash(docs: readonly SourceDocument[], extra: readonly string[] = []): string {
  const h = createHash('sha256');
  const field = (s: string) => {
    h.update(`${Buffer.byteLength(s)}:`);
    h.update(s);
  };
  field('citecheck-corpus-v1');
  const sorted = [...docs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.docId < b.docId ? -1 : 1));
  field(String(sorted.length));
  for (const d of sorted) {
    const meta = [
      d.path,
      d.docId,
      d.title,
      d.format,
      d.source ?? null,
      d.date ?? null,
      d.language ?? null,
      d.interviewer ?? null,
    ];
    field(JSON.stringify(meta));
    field(d.text);
  }
  field(String(extra.length));
  for (const e of extra) field(e);
  return h.digest('hex');
}
