import type { Bm25State } from './bm25.js';

const MAGIC = 0x4d42_4343; // "CCBM" little-endian
const VERSION = 1;
const HEADER_BYTES = 64;

const align4 = (n: number) => (n + 3) & ~3;

/**
 * Binary layout: 64-byte header (magic, version, counts, k1, b, section lengths), then UTF-8
 * newline-joined terms, UTF-8 JSON ids, offsets, docs, docLens (u32) and tfs (u16), 4-byte aligned.
 */
export function encodeBm25(state: Bm25State): Buffer {
  const terms = Buffer.from(state.terms.join('\n'), 'utf8');
  const ids = Buffer.from(JSON.stringify(state.ids), 'utf8');
  const sections: ArrayBufferView[] = [state.offsets, state.docs, state.docLens, state.tfs];
  let size = HEADER_BYTES + align4(terms.length) + align4(ids.length);
  for (const s of sections) size += align4(s.byteLength);
  const out = Buffer.alloc(size);
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt32LE(VERSION, 4);
  out.writeUInt32LE(state.terms.length, 8);
  out.writeUInt32LE(state.docLens.length, 12);
  out.writeUInt32LE(state.docs.length, 16);
  out.writeUInt32LE(terms.length, 20);
  out.writeUInt32LE(ids.length, 24);
  out.writeDoubleLE(state.params.k1, 32);
  out.writeDoubleLE(state.params.b, 40);
  let pos = HEADER_BYTES;
  terms.copy(out, pos);
  pos += align4(terms.length);
  ids.copy(out, pos);
  pos += align4(ids.length);
  for (const s of sections) {
    Buffer.from(s.buffer, s.byteOffset, s.byteLength).copy(out, pos);
    pos += align4(s.byteLength);
  }
  return out;
}

/** Inverse of {@link encodeBm25}; throws on a malformed or truncated buffer. */
export function decodeBm25(buf: Buffer): Bm25State {
  if (buf.length < HEADER_BYTES || buf.readUInt32LE(0) !== MAGIC) throw new Error('Not a BM25 index file');
  if (buf.readUInt32LE(4) !== VERSION) throw new Error(`Unsupported BM25 file version ${buf.readUInt32LE(4)}`);
  const nTerms = buf.readUInt32LE(8);
  const nDocs = buf.readUInt32LE(12);
  const nPostings = buf.readUInt32LE(16);
  const termBytes = buf.readUInt32LE(20);
  const idBytes = buf.readUInt32LE(24);
  const params = { k1: buf.readDoubleLE(32), b: buf.readDoubleLE(40) };
  const expected =
    HEADER_BYTES +
    align4(termBytes) +
    align4(idBytes) +
    align4((nTerms + 1) * 4) +
    align4(nPostings * 4) +
    align4(nDocs * 4) +
    align4(nPostings * 2);
  if (buf.length !== expected) throw new Error(`BM25 file has ${buf.length} bytes, expected ${expected}`);
  let pos = HEADER_BYTES;
  const termText = buf.toString('utf8', pos, pos + termBytes);
  pos += align4(termBytes);
  const ids = JSON.parse(buf.toString('utf8', pos, pos + idBytes)) as (string | number)[];
  pos += align4(idBytes);
  const take = <T>(Ctor: { new (b: ArrayBuffer): T }, bytes: number): T => {
    const copy = new ArrayBuffer(bytes);
    new Uint8Array(copy).set(buf.subarray(pos, pos + bytes));
    pos += align4(bytes);
    return new Ctor(copy);
  };
  const offsets = take(Uint32Array, (nTerms + 1) * 4);
  const docs = take(Uint32Array, nPostings * 4);
  const docLens = take(Uint32Array, nDocs * 4);
  const tfs = take(Uint16Array, nPostings * 2);
  const terms = nTerms === 0 ? [] : termText.split('\n');
  if (terms.length !== nTerms || !Array.isArray(ids)) throw new Error('BM25 file term/id table is inconsistent');
  return { params, ids, terms, offsets, docs, tfs, docLens };
}
