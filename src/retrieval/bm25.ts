import { tokenize } from './tokenizer.js';
import { type ScoredIndex, TopK } from './top-k.js';

/** A document to index: `id` is carried along, results refer to the position in the input array. */
export interface Bm25Doc {
  id: string | number;
  text: string;
}

/** BM25 free parameters. */
export interface Bm25Params {
  k1: number;
  b: number;
}

/** Plain, structured-clone friendly state of a {@link Bm25Index}; `tfs` are clamped to 65535. */
export interface Bm25State {
  params: Bm25Params;
  ids: (string | number)[];
  terms: string[];
  /** CSR offsets into `docs`/`tfs`, length terms.length + 1. */
  offsets: Uint32Array;
  docs: Uint32Array;
  tfs: Uint16Array;
  docLens: Uint32Array;
}

/** JSON form of {@link Bm25State}: typed arrays as little-endian base64. */
export interface Bm25Json {
  version: 1;
  params: Bm25Params;
  ids: (string | number)[];
  terms: string[];
  offsets: string;
  docs: string;
  tfs: string;
  docLens: string;
}

/** Default Okapi parameters. */
export const BM25_DEFAULTS: Bm25Params = { k1: 1.2, b: 0.75 };

class GrowU32 {
  data = new Uint32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/** Groups per-document term counts into CSR postings ordered by term id, then document. */
function buildState(docs: readonly Bm25Doc[], params: Bm25Params): Bm25State {
  const vocab = new Map<string, number>();
  const terms: string[] = [];
  const pTerm = new GrowU32();
  const pDoc = new GrowU32();
  const pTf = new GrowU32();
  const docLens = new Uint32Array(docs.length);
  const local = new Map<number, number>();
  for (let d = 0; d < docs.length; d++) {
    const toks = tokenize(docs[d]!.text);
    docLens[d] = toks.length;
    local.clear();
    for (const t of toks) {
      let id = vocab.get(t);
      if (id === undefined) {
        id = terms.length;
        vocab.set(t, id);
        terms.push(t);
      }
      local.set(id, (local.get(id) ?? 0) + 1);
    }
    for (const [id, tf] of local) {
      pTerm.push(id);
      pDoc.push(d);
      pTf.push(tf);
    }
  }
  const offsets = new Uint32Array(terms.length + 1);
  for (let i = 0; i < pTerm.length; i++) offsets[pTerm.data[i]! + 1]!++;
  for (let t = 0; t < terms.length; t++) offsets[t + 1]! += offsets[t]!;
  const cursor = offsets.slice(0, terms.length);
  const outDocs = new Uint32Array(pTerm.length);
  const outTfs = new Uint16Array(pTerm.length);
  for (let i = 0; i < pTerm.length; i++) {
    const pos = cursor[pTerm.data[i]!]!++;
    outDocs[pos] = pDoc.data[i]!;
    outTfs[pos] = Math.min(65535, pTf.data[i]!);
  }
  return { params, ids: docs.map((d) => d.id), terms, offsets, docs: outDocs, tfs: outTfs, docLens };
}

const toB64 = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
function fromB64<T>(s: string, Ctor: { new (buf: ArrayBuffer): T }): T {
  const b = Buffer.from(s, 'base64');
  const copy = new ArrayBuffer(b.byteLength);
  new Uint8Array(copy).set(b);
  return new Ctor(copy);
}

/**
 * Okapi BM25 over an inverted index held in typed arrays (CSR postings with precomputed
 * per-posting term weights). Queries touch only the postings of their terms and reuse
 * per-index scratch buffers, so nothing corpus-sized is allocated per query.
 */
export class Bm25Index {
  readonly params: Bm25Params;
  private readonly state: Bm25State;
  private readonly vocab: Map<string, number>;
  private readonly weights: Float32Array;
  private readonly idf: Float32Array;
  private readonly acc: Float32Array;
  private readonly touched: Uint32Array;
  private readonly heap = new TopK(16);

  private constructor(state: Bm25State) {
    this.state = state;
    this.params = state.params;
    const { k1, b } = state.params;
    const n = state.docLens.length;
    const nTerms = state.terms.length;
    this.vocab = new Map();
    for (let t = 0; t < nTerms; t++) this.vocab.set(state.terms[t]!, t);
    let total = 0;
    for (let d = 0; d < n; d++) total += state.docLens[d]!;
    const avgdl = n > 0 ? total / n || 1 : 1;
    const norm = new Float32Array(n);
    for (let d = 0; d < n; d++) norm[d] = k1 * (1 - b + (b * state.docLens[d]!) / avgdl);
    this.weights = new Float32Array(state.docs.length);
    for (let p = 0; p < state.docs.length; p++) {
      const tf = state.tfs[p]!;
      this.weights[p] = (tf * (k1 + 1)) / (tf + norm[state.docs[p]!]!);
    }
    this.idf = new Float32Array(nTerms);
    for (let t = 0; t < nTerms; t++) {
      const df = state.offsets[t + 1]! - state.offsets[t]!;
      this.idf[t] = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }
    this.acc = new Float32Array(n);
    this.touched = new Uint32Array(n);
  }

  /** Tokenizes and indexes `docs`; result indices are positions in this array. */
  static build(docs: readonly Bm25Doc[], params: Partial<Bm25Params> = {}): Bm25Index {
    return new Bm25Index(buildState(docs, { ...BM25_DEFAULTS, ...params }));
  }

  /** Restores an index from {@link Bm25Index.toState} output. */
  static fromState(state: Bm25State): Bm25Index {
    const { offsets, docs, tfs, docLens, terms, ids } = state;
    const ok =
      offsets.length === terms.length + 1 &&
      docs.length === tfs.length &&
      offsets[terms.length] === docs.length &&
      ids.length === docLens.length;
    if (!ok) throw new Error('BM25 state is inconsistent');
    for (let p = 0; p < docs.length; p++) if (docs[p]! >= docLens.length) throw new Error('BM25 posting out of range');
    return new Bm25Index(state);
  }

  /** Restores an index from {@link Bm25Index.toJSON} output. */
  static fromJSON(json: Bm25Json): Bm25Index {
    if (json.version !== 1) throw new Error(`Unsupported BM25 state version ${String(json.version)}`);
    return Bm25Index.fromState({
      params: json.params,
      ids: json.ids,
      terms: json.terms,
      offsets: fromB64(json.offsets, Uint32Array),
      docs: fromB64(json.docs, Uint32Array),
      tfs: fromB64(json.tfs, Uint16Array),
      docLens: fromB64(json.docLens, Uint32Array),
    });
  }

  /** Number of indexed documents. */
  get size(): number {
    return this.state.docLens.length;
  }

  /** Number of distinct terms. */
  get vocabularySize(): number {
    return this.state.terms.length;
  }

  /** The id given for the document at `index`. */
  idAt(index: number): string | number | undefined {
    return this.state.ids[index];
  }

  /** The underlying arrays (shared, do not mutate). */
  toState(): Bm25State {
    return this.state;
  }

  /** JSON-safe snapshot. */
  toJSON(): Bm25Json {
    const s = this.state;
    return {
      version: 1,
      params: s.params,
      ids: s.ids,
      terms: s.terms,
      offsets: toB64(s.offsets),
      docs: toB64(s.docs),
      tfs: toB64(s.tfs),
      docLens: toB64(s.docLens),
    };
  }

  /** Top `k` documents for `query`, best first; documents sharing no term with it are not returned. */
  search(query: string, k: number): ScoredIndex[] {
    if (k <= 0 || this.size === 0) return [];
    const qtf = new Map<number, number>();
    for (const t of tokenize(query)) {
      const id = this.vocab.get(t);
      if (id !== undefined) qtf.set(id, (qtf.get(id) ?? 0) + 1);
    }
    if (qtf.size === 0) return [];
    const { offsets, docs } = this.state;
    const acc = this.acc;
    const touched = this.touched;
    const weights = this.weights;
    let nTouched = 0;
    for (const [t, count] of qtf) {
      const w = this.idf[t]! * count;
      const end = offsets[t + 1]!;
      for (let p = offsets[t]!; p < end; p++) {
        const d = docs[p]!;
        if (acc[d] === 0) touched[nTouched++] = d;
        acc[d] = acc[d]! + w * weights[p]!;
      }
    }
    const heap = this.heap;
    heap.reset(k);
    for (let i = 0; i < nTouched; i++) {
      const d = touched[i]!;
      heap.push(d, acc[d]!);
      acc[d] = 0;
    }
    return heap.sorted();
  }
}
