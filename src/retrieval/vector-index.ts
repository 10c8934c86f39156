import hnswlib from 'hnswlib-node';
import { type ScoredIndex, TopK } from './top-k.js';

const { HierarchicalNSW } = hnswlib;
type Hnsw = InstanceType<typeof HierarchicalNSW>;

/** HNSW graph parameters. */
export interface HnswParams {
  /** Max out-degree per layer (layer 0 uses 2M). */
  m: number;
  /** Candidate list width while inserting: a wider one builds a better graph, more slowly. */
  efConstruction: number;
  /** Search beam width; raised to `k` when `k` is larger. */
  efSearch: number;
  randomSeed: number;
}

/**
 * The tunable HNSW parameters as configured (`HNSW_M`, `HNSW_EF_CONSTRUCTION`, `HNSW_EF_SEARCH`);
 * an absent one takes its default from {@link defaultHnswParams}. `m` and `efConstruction` shape
 * the graph, so changing either needs a rebuild; `efSearch` applies whenever an index is loaded.
 */
export interface HnswSettings {
  /** See {@link HnswParams.m}. */
  m?: number | undefined;
  /** See {@link HnswParams.efConstruction}. */
  efConstruction?: number | undefined;
  /** See {@link HnswParams.efSearch}. */
  efSearch?: number | undefined;
}

/** Indexes up to this many vectors use {@link SMALL_INDEX_EF_CONSTRUCTION}. */
export const SMALL_INDEX_MAX_VECTORS = 20_000;

/** Default construction beam for small indexes, where a wide one is cheap. */
export const SMALL_INDEX_EF_CONSTRUCTION = 128;

/**
 * Defaults for 512-d text embeddings, chosen with `npm run bench -- --hnsw-sweep` at 100k chunks of
 * the synthetic corpus with short queries (README, Performance): the fastest graph build measured
 * (ingest about 3,000 chunks/s on 2 cores), recall@10 0.872 against exact search and a vector query
 * p50 of about 1.5 ms. Denser graphs raise recall at this `efSearch` but cut ingest by a third or
 * more; `efSearch` 2400 (`HNSW_EF_SEARCH=2400`, no rebuild) reaches recall@10 0.984 at about 10 ms.
 */
export const DEFAULT_HNSW_PARAMS: HnswParams = { m: 32, efConstruction: 36, efSearch: 240, randomSeed: 100 };

/** {@link DEFAULT_HNSW_PARAMS} with {@link SMALL_INDEX_EF_CONSTRUCTION} for indexes of up to {@link SMALL_INDEX_MAX_VECTORS} vectors. */
export function defaultHnswParams(count: number): HnswParams {
  const efConstruction =
    count <= SMALL_INDEX_MAX_VECTORS ? SMALL_INDEX_EF_CONSTRUCTION : DEFAULT_HNSW_PARAMS.efConstruction;
  return { ...DEFAULT_HNSW_PARAMS, efConstruction };
}

/** The parameters an index of `count` vectors is built and searched with: the defaults, overridden by every value given in `settings`. */
export function resolveHnswParams(count: number, settings: Partial<HnswParams> | HnswSettings = {}): HnswParams {
  return overlay(defaultHnswParams(count), settings);
}

/** A copy of `base` with every value `settings` gives (undefined ones skipped). */
function overlay(base: HnswParams, settings: Partial<HnswParams> | HnswSettings): HnswParams {
  const p = { ...base };
  const given = settings as Partial<Record<keyof HnswParams, number | undefined>>;
  for (const key of Object.keys(p) as (keyof HnswParams)[]) {
    const v = given[key];
    if (v !== undefined) p[key] = v;
  }
  return p;
}

/**
 * Why a graph built with `built` is not the graph `wanted` asks for (`m` or `efConstruction`
 * differ), or undefined when it is. `efSearch` is not compared: it is set when the index is loaded.
 */
export function graphParamsMismatch(
  built: Pick<HnswParams, 'm' | 'efConstruction'>,
  wanted: Pick<HnswParams, 'm' | 'efConstruction'>,
): string | undefined {
  if (built.m === wanted.m && built.efConstruction === wanted.efConstruction) return undefined;
  return `HNSW graph built with M ${built.m}, efConstruction ${built.efConstruction}; configured M ${wanted.m}, efConstruction ${wanted.efConstruction}`;
}

/** Vectors either as a row-major matrix or as one array per row. */
export type VectorInput = Float32Array | readonly (readonly number[])[];

function rowCount(vectors: VectorInput, dim: number): number {
  if (vectors instanceof Float32Array) {
    if (vectors.length % dim !== 0) throw new Error(`Matrix length ${vectors.length} is not a multiple of ${dim}`);
    return vectors.length / dim;
  }
  return vectors.length;
}

function copyRow(vectors: VectorInput, dim: number, row: number, into: number[]): number[] {
  if (vectors instanceof Float32Array) {
    const base = row * dim;
    for (let j = 0; j < dim; j++) into[j] = vectors[base + j]!;
    return into;
  }
  const v = vectors[row]!;
  if (v.length !== dim) throw new Error(`Vector ${row} has ${v.length} dimensions, expected ${dim}`);
  for (let j = 0; j < dim; j++) into[j] = v[j]!;
  return into;
}

/**
 * What hybrid search needs of a vector index: the in-memory HNSW graph ({@link VectorIndex}) or
 * pgvector in the shared database. `score` is the cosine similarity, best first.
 */
export interface VectorSearcher {
  readonly dimension: number;
  /** The graph settings searches run with. */
  readonly params: HnswParams;
  readonly size: number;
  search(query: ArrayLike<number>, k: number): ScoredIndex[] | Promise<ScoredIndex[]>;
}

/**
 * Cosine nearest-neighbour index over hnswlib-node. Labels are row ordinals (chunk positions).
 * One scratch array is reused for every insert and query, since the binding accepts only plain arrays.
 */
export class VectorIndex implements VectorSearcher {
  readonly dimension: number;
  readonly params: HnswParams;
  private readonly hnsw: Hnsw;
  private readonly scratch: number[];

  private constructor(hnsw: Hnsw, dimension: number, params: HnswParams) {
    this.hnsw = hnsw;
    this.dimension = dimension;
    this.params = params;
    this.scratch = new Array<number>(dimension).fill(0);
  }

  /** An empty index with room for `capacity` vectors; fill it with {@link VectorIndex.addRows}. */
  static create(capacity: number, dimension: number, params: Partial<HnswParams> | HnswSettings = {}): VectorIndex {
    const p = resolveHnswParams(capacity, params);
    const hnsw = new HierarchicalNSW('cosine', dimension);
    hnsw.initIndex({
      maxElements: Math.max(1, capacity),
      m: p.m,
      efConstruction: p.efConstruction,
      randomSeed: p.randomSeed,
    });
    hnsw.setEf(p.efSearch);
    return new VectorIndex(hnsw, dimension, p);
  }

  /** Builds an index of all rows of `vectors` (labels 0..n-1). */
  static build(vectors: VectorInput, dimension: number, params: Partial<HnswParams> | HnswSettings = {}): VectorIndex {
    const n = rowCount(vectors, dimension);
    const index = VectorIndex.create(n, dimension, params);
    index.addRows(vectors, 0);
    return index;
  }

  /** Adds every row of `vectors` with labels `firstLabel`, `firstLabel + 1`, ... */
  addRows(vectors: VectorInput, firstLabel: number): void {
    const n = rowCount(vectors, this.dimension);
    for (let i = 0; i < n; i++) this.hnsw.addPoint(copyRow(vectors, this.dimension, i, this.scratch), firstLabel + i);
  }

  /** Loads an index written by {@link VectorIndex.write}; `params` records how it was built and sets `efSearch`. */
  static async read(
    file: string,
    dimension: number,
    params: Partial<HnswParams> | HnswSettings = {},
  ): Promise<VectorIndex> {
    const p = overlay(DEFAULT_HNSW_PARAMS, params);
    const hnsw = new HierarchicalNSW('cosine', dimension);
    await hnsw.readIndex(file);
    hnsw.setEf(p.efSearch);
    return new VectorIndex(hnsw, dimension, p);
  }

  /** Number of indexed vectors. */
  get size(): number {
    return this.hnsw.getCurrentCount();
  }

  /** Changes the search beam width. */
  setEfSearch(ef: number): void {
    this.params.efSearch = ef;
    this.hnsw.setEf(ef);
  }

  /** Writes the graph and vectors to `file` (hnswlib binary format). */
  async write(file: string): Promise<void> {
    await this.hnsw.writeIndex(file);
  }

  /** Approximate top `k` by cosine similarity, best first (`score` = cosine); a zero query finds nothing. */
  search(query: ArrayLike<number>, k: number): ScoredIndex[] {
    const n = this.size;
    if (k <= 0 || n === 0) return [];
    if (query.length !== this.dimension)
      throw new Error(`Query has ${query.length} dimensions, expected ${this.dimension}`);
    let norm = 0;
    for (let j = 0; j < this.dimension; j++) {
      const x = query[j]!;
      this.scratch[j] = x;
      norm += x * x;
    }
    if (!(norm > 0)) return [];
    const { neighbors, distances } = this.hnsw.searchKnn(this.scratch, Math.min(k, n));
    const out: ScoredIndex[] = new Array(neighbors.length);
    for (let i = 0; i < neighbors.length; i++) out[i] = { index: neighbors[i]!, score: 1 - distances[i]! };
    return out;
  }
}

/**
 * Exact cosine top `k` over a row-major matrix (reference for recall measurements).
 * Rows need not be normalised.
 */
export function bruteForceSearch(
  matrix: Float32Array,
  dimension: number,
  query: ArrayLike<number>,
  k: number,
): ScoredIndex[] {
  const n = matrix.length / dimension;
  let qn = 0;
  for (let j = 0; j < dimension; j++) qn += query[j]! * query[j]!;
  if (qn === 0 || k <= 0) return [];
  const heap = new TopK(k);
  const qInv = 1 / Math.sqrt(qn);
  for (let i = 0; i < n; i++) {
    const base = i * dimension;
    let dot = 0;
    let norm = 0;
    for (let j = 0; j < dimension; j++) {
      const x = matrix[base + j]!;
      dot += x * query[j]!;
      norm += x * x;
    }
    heap.push(i, norm > 0 ? (dot * qInv) / Math.sqrt(norm) : 0);
  }
  return heap.sorted();
}

/** Fraction of `exact` indices that appear in `approx` (recall@|exact|). */
export function recallAt(approx: readonly ScoredIndex[], exact: readonly ScoredIndex[]): number {
  if (exact.length === 0) return 1;
  const got = new Set(approx.map((h) => h.index));
  let hit = 0;
  for (const e of exact) if (got.has(e.index)) hit++;
  return hit / exact.length;
}
