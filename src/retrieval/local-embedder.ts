import { Embeddings } from '@langchain/core/embeddings';
import { conceptTable } from './concepts.js';
import { FeatureAccumulator } from './feature-accumulator.js';
import { combine, fnv1a, fnvStep } from './hashing.js';
import { scanTerms, type TermKind } from './tokenizer.js';

/** Bump when features or weights change: it is part of {@link LocalHashEmbedder.id}, so stored indexes rebuild. */
export const LOCAL_EMBEDDER_VERSION = 6;

/** Default output dimension. */
export const DEFAULT_LOCAL_DIM = 512;

const SEED_WORD = 0x1b873593;
const SEED_GRAM = 0x2f0a5c1d;
const SEED_CONCEPT = 0x68e31da4;
const SEED_BIGRAM = 0x3c6ef372;
const SEED_CJK = 0x7f4a7c15;
const SEED_CJK2 = 0x510e527f;

/** Base weight of each feature family (before the 1 + ln tf factor and normalisation). */
export const FEATURE_WEIGHTS = {
  word: 1.0,
  number: 1.2,
  compound: 0.6,
  concept: 0.8,
  bigram: 0.5,
  charGram: 0.2,
  cjkChar: 0.4,
  cjkBigram: 1.0,
} as const;

interface TermFeatures {
  hash: number;
  grams: Int32Array;
  concepts: Int32Array;
}

const CACHE_LIMIT = 100_000;
let cache = new Map<string, TermFeatures>();

function charGrams(term: string): Int32Array {
  const s = `<${term}>`;
  const n = s.length;
  if (n < 3) return new Int32Array(0);
  const out = new Int32Array(Math.max(0, 3 * n - 9));
  let count = 0;
  for (let i = 0; i + 3 <= n; i++) {
    let h = fnvStep(fnvStep(fnvStep(SEED_GRAM, s.charCodeAt(i)), s.charCodeAt(i + 1)), s.charCodeAt(i + 2));
    out[count++] = h;
    for (let len = 4; len <= 5 && i + len <= n; len++) {
      h = fnvStep(h, s.charCodeAt(i + len - 1));
      out[count++] = h;
    }
  }
  return out.subarray(0, count);
}

function termFeatures(term: string, kind: TermKind): TermFeatures {
  let f = cache.get(term);
  if (f === undefined) {
    const concepts = conceptTable().get(term);
    f = {
      hash: fnv1a(term, SEED_WORD),
      grams: kind === 'number' ? new Int32Array(0) : charGrams(term),
      concepts: Int32Array.from(concepts ?? [], (c) => fnvStep(SEED_CONCEPT, c + 1)),
    };
    if (cache.size >= CACHE_LIMIT) cache = new Map();
    cache.set(term, f);
  }
  return f;
}

function addCjk(acc: FeatureAccumulator, run: string): void {
  let prev = 0;
  for (let i = 0; i < run.length; i++) {
    const c = run.charCodeAt(i);
    acc.add(fnvStep(SEED_CJK, c), FEATURE_WEIGHTS.cjkChar);
    if (i > 0) acc.add(fnvStep(fnvStep(SEED_CJK2, prev), c), FEATURE_WEIGHTS.cjkBigram);
    prev = c;
  }
}

/** Adds every feature of `text` to `acc`. */
function collect(acc: FeatureAccumulator, text: string): void {
  let prev = 0;
  scanTerms(text, (term, kind) => {
    if (kind === 'cjk') {
      addCjk(acc, term);
      prev = 0;
      return;
    }
    const f = termFeatures(term, kind);
    acc.add(
      f.hash,
      kind === 'number'
        ? FEATURE_WEIGHTS.number
        : kind === 'compound'
          ? FEATURE_WEIGHTS.compound
          : FEATURE_WEIGHTS.word,
    );
    for (let i = 0; i < f.concepts.length; i++) acc.add(f.concepts[i]!, FEATURE_WEIGHTS.concept);
    if (kind === 'compound') return;
    for (let i = 0; i < f.grams.length; i++) acc.add(f.grams[i]!, FEATURE_WEIGHTS.charGram);
    if (prev !== 0) acc.add(combine(prev ^ SEED_BIGRAM, f.hash), FEATURE_WEIGHTS.bigram);
    prev = f.hash;
  });
}

/** Options for {@link LocalHashEmbedder}. */
export interface LocalHashEmbedderOptions {
  /** Output dimension (default 512). */
  dimension?: number;
}

/**
 * Deterministic, offline text embedder based on signed feature hashing; no model, no network.
 *
 * Features of a text (after the BM25 tokenizer's NFKC, case folding, stopwords and Porter stemming):
 * - stemmed word unigrams (weight 1.0) and numbers kept verbatim (1.2), hyphen compounds joined (0.6);
 * - adjacent word bigrams (0.5), so word order and phrases count a little;
 * - character 3-5-grams of each stemmed word with boundary marks (0.2 each) for morphology and typos;
 * - concept features (0.8) from a small, general English synonym table
 *   (increase/growth/rise, share/proportion/percentage, exports/exporting, scale/size/volume, ...),
 *   so common paraphrases share a dimension;
 * - CJK (Han/Kana/Hangul) character unigrams (0.4) and bigrams (1.0).
 * Each feature's count becomes `weight * (1 + ln tf)`; FNV-1a/murmur-finalised hashes pick a
 * bucket and a sign; the vector is L2-normalised (an empty text embeds to the zero vector).
 *
 * Limits: it is lexical. It knows nothing beyond the synonym table, does not understand negation,
 * and cannot relate different languages (an English question will not match Chinese text).
 * With 512 dimensions, unrelated texts have cosine around +/-0.05 from hash collisions.
 * The version in {@link LocalHashEmbedder.id} changes whenever features or weights change.
 */
export class LocalHashEmbedder extends Embeddings {
  /** Output dimension. */
  readonly dimension: number;
  private readonly acc = new FeatureAccumulator();

  constructor(options: LocalHashEmbedderOptions = {}) {
    super({});
    const dim = options.dimension ?? DEFAULT_LOCAL_DIM;
    if (!Number.isInteger(dim) || dim < 8) throw new Error(`Invalid embedding dimension ${dim}`);
    this.dimension = dim;
  }

  /** Identifies features, weights and dimension, e.g. `local-hash-v1-512`. */
  get id(): string {
    return `local-hash-v${LOCAL_EMBEDDER_VERSION}-${this.dimension}`;
  }

  /** Embeds `text` into `out[offset, offset + dimension)`. */
  embedInto(text: string, out: Float32Array, offset = 0): void {
    collect(this.acc, text);
    this.acc.flush(out, offset, this.dimension);
  }

  /** Embeds `texts` into one row-major matrix (`texts.length * dimension`). */
  embedMatrix(texts: readonly string[]): Float32Array {
    const out = new Float32Array(texts.length * this.dimension);
    for (let i = 0; i < texts.length; i++) this.embedInto(texts[i]!, out, i * this.dimension);
    return out;
  }

  /** Embeds one text as a Float32Array. */
  embedVector(text: string): Float32Array {
    const out = new Float32Array(this.dimension);
    this.embedInto(text, out, 0);
    return out;
  }

  override async embedDocuments(texts: string[]): Promise<number[][]> {
    const m = this.embedMatrix(texts);
    const d = this.dimension;
    return texts.map((_, i) => Array.from(m.subarray(i * d, (i + 1) * d)));
  }

  override async embedQuery(text: string): Promise<number[]> {
    return Array.from(this.embedVector(text));
  }
}
