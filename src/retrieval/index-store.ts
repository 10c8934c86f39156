import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Chunk, SourceDocument } from '../types.js';
import { Bm25Index } from './bm25.js';
import { decodeBm25, encodeBm25 } from './bm25-codec.js';
import { decodeChunksFile, encodeChunksFile } from './chunks-file.js';
import { fsyncPath, replaceFileAtomic, sha256, sha256File, writeFileSynced } from './durable-fs.js';
import { withFileLock } from './file-lock.js';
import { BUILD_FILES, collectGarbage, indexLayout, newBuildId, readCurrent } from './index-layout.js';
import { hashFilesInBackground } from './parallel-hash.js';
import {
  DEFAULT_HNSW_PARAMS,
  graphParamsMismatch,
  type HnswParams,
  type HnswSettings,
  resolveHnswParams,
  VectorIndex,
} from './vector-index.js';

/** Bumped when the on-disk layout or the tokenizer's terms change; older builds then load as `mismatch` and are rebuilt. */
export const INDEX_FORMAT_VERSION = 2;

const ManifestSchema = z.object({
  version: z.number().int(),
  corpusHash: z.string(),
  embedderId: z.string(),
  dimension: z.number().int().positive(),
  chunkCount: z.number().int().nonnegative(),
  docCount: z.number().int().nonnegative(),
  builtAt: z.string(),
  buildMs: z.number().nonnegative(),
  hnsw: z.object({ m: z.number(), efConstruction: z.number(), efSearch: z.number(), randomSeed: z.number() }),
  files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
});

/** Contents of `manifest.json` in a build directory. */
export type IndexManifest = z.infer<typeof ManifestSchema>;

/** Everything a build persists. */
export interface IndexData {
  corpusHash: string;
  embedderId: string;
  chunks: readonly Chunk[];
  docs: readonly SourceDocument[];
  vectors: VectorIndex;
  bm25: Bm25Index;
  buildMs: number;
}

/** A verified, loaded build. */
export interface StoredIndex {
  buildId: string;
  dir: string;
  manifest: IndexManifest;
  chunks: Chunk[];
  docs: SourceDocument[];
  vectors: VectorIndex;
  bm25: Bm25Index;
}

/** Outcome of {@link loadIndex}; anything but `ok` means "rebuild". */
export type LoadIndexResult =
  | { status: 'ok'; index: StoredIndex }
  | { status: 'missing' | 'mismatch' | 'corrupt'; reason: string };

/** What the caller expects the stored index to have been built from. */
export interface IndexExpectation {
  corpusHash: string;
  embedderId: string;
  /**
   * The configured HNSW settings: a graph built with another `m` or `efConstruction` than these
   * resolve to for the stored chunk count (defaults when absent) is a `mismatch`. `efSearch` here
   * is the search width used after loading (the built-in default when absent).
   */
  hnsw?: HnswSettings;
}

const activeTmp = new Set<string>();

/** Lets pending callbacks run (e.g. a finished checksum starting the HNSW read) between long synchronous steps. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Persists a build crash-safely: files go to `builds/<id>.tmp`, are fsynced, the directory is
 * renamed to `builds/<id>`, then `CURRENT` is atomically replaced. Afterwards abandoned tmp
 * directories and all builds but the new and the previous one are deleted. Writers are serialised
 * by a lock file for the swap. Returns the build id.
 */
export async function writeIndex(dataDir: string, data: IndexData): Promise<string> {
  const layout = indexLayout(dataDir);
  await fs.mkdir(layout.buildsDir, { recursive: true });
  const buildId = newBuildId();
  const tmpName = `${buildId}.tmp`;
  const tmpDir = path.join(layout.buildsDir, tmpName);
  activeTmp.add(tmpName);
  try {
    await fs.mkdir(tmpDir);
    const files: Record<string, string> = {};
    const vectorsPath = path.join(tmpDir, BUILD_FILES.vectors);
    await data.vectors.write(vectorsPath);
    await fsyncPath(vectorsPath);
    files[BUILD_FILES.vectors] = await sha256File(vectorsPath);
    const encoded = encodeChunksFile(data.chunks, data.docs);
    for (const [name, bytes] of [
      [BUILD_FILES.chunks, encoded.json],
      [BUILD_FILES.texts, encoded.texts],
      [BUILD_FILES.bm25, encodeBm25(data.bm25.toState())],
    ] as const) {
      await writeFileSynced(path.join(tmpDir, name), bytes);
      files[name] = sha256(bytes);
    }
    const manifest: IndexManifest = {
      version: INDEX_FORMAT_VERSION,
      corpusHash: data.corpusHash,
      embedderId: data.embedderId,
      dimension: data.vectors.dimension,
      chunkCount: data.chunks.length,
      docCount: data.docs.length,
      builtAt: new Date().toISOString(),
      buildMs: Math.round(data.buildMs),
      hnsw: { ...data.vectors.params },
      files,
    };
    await writeFileSynced(path.join(tmpDir, BUILD_FILES.manifest), JSON.stringify(manifest, null, 2));
    await fsyncPath(tmpDir);
    await withFileLock(layout.lock, async () => {
      await fs.rename(tmpDir, path.join(layout.buildsDir, buildId));
      activeTmp.delete(tmpName);
      await fsyncPath(layout.buildsDir);
      const previous = await readCurrent(layout);
      await replaceFileAtomic(layout.current, `${buildId}\n`);
      const keep = new Set([buildId]);
      if (previous) keep.add(previous);
      await collectGarbage(layout, keep, activeTmp);
    });
    return buildId;
  } catch (err) {
    await fs.rm(tmpDir, { recursive: true, force: true });
    throw err;
  } finally {
    activeTmp.delete(tmpName);
  }
}

/**
 * Loads the build named by `CURRENT` after checking it was made from the expected corpus and
 * embedder and that every file matches its manifest checksum (so truncated or altered files are
 * reported as `corrupt` instead of reaching the native HNSW reader), and that its HNSW graph was
 * built with the configured `m` and `efConstruction` (`expect.hnsw`).
 * @param options.efSearch the HNSW search width; else `expect.hnsw.efSearch`, else the built-in default
 *   (the width stored in the manifest is the one of the build, not used for searching).
 */
export async function loadIndex(
  dataDir: string,
  expect: IndexExpectation,
  options: { efSearch?: number } = {},
): Promise<LoadIndexResult> {
  const layout = indexLayout(dataDir);
  const buildId = await readCurrent(layout);
  if (buildId === undefined) return { status: 'missing', reason: 'no index has been built yet' };
  if (buildId === null) return { status: 'corrupt', reason: 'CURRENT does not name a build' };
  const dir = path.join(layout.buildsDir, buildId);
  if (
    !(await fs
      .stat(dir)
      .then((s) => s.isDirectory())
      .catch(() => false))
  ) {
    return { status: 'missing', reason: `CURRENT names build ${buildId}, which does not exist` };
  }
  let manifest: IndexManifest;
  try {
    manifest = ManifestSchema.parse(JSON.parse(await fs.readFile(path.join(dir, BUILD_FILES.manifest), 'utf8')));
  } catch (err) {
    return { status: 'corrupt', reason: `unreadable manifest: ${(err as Error).message.slice(0, 200)}` };
  }
  if (manifest.version !== INDEX_FORMAT_VERSION) {
    return { status: 'mismatch', reason: `index format ${manifest.version}, expected ${INDEX_FORMAT_VERSION}` };
  }
  if (manifest.corpusHash !== expect.corpusHash)
    return { status: 'mismatch', reason: 'corpus changed since the index was built' };
  if (manifest.embedderId !== expect.embedderId) {
    return {
      status: 'mismatch',
      reason: `index built with ${manifest.embedderId}, current embedder is ${expect.embedderId}`,
    };
  }
  const graphMismatch = graphParamsMismatch(manifest.hnsw, resolveHnswParams(manifest.chunkCount, expect.hnsw));
  if (graphMismatch) return { status: 'mismatch', reason: graphMismatch };
  const fileOf = (name: string) => path.join(dir, name);
  const names = [BUILD_FILES.vectors, BUILD_FILES.chunks, BUILD_FILES.texts, BUILD_FILES.bm25];
  const missing = names.find((n) => !manifest.files[n]);
  if (missing) return { status: 'corrupt', reason: `manifest lists no checksum for ${missing}` };
  const hashes = hashFilesInBackground(names.map(fileOf));
  const verified = async (name: string) => {
    const actual = await hashes.get(fileOf(name))!.catch((err: Error) => {
      throw new Error(`cannot read ${name}: ${err.message}`);
    });
    if (actual !== manifest.files[name]) throw new Error(`checksum mismatch for ${name}`);
  };
  const hnsw: HnswParams = {
    ...manifest.hnsw,
    efSearch: options.efSearch ?? expect.hnsw?.efSearch ?? DEFAULT_HNSW_PARAMS.efSearch,
  };
  const vectorsPromise = verified(BUILD_FILES.vectors).then(() =>
    VectorIndex.read(fileOf(BUILD_FILES.vectors), manifest.dimension, hnsw),
  );
  vectorsPromise.catch(() => undefined);
  const allVerified = Promise.all(names.map(verified));
  allVerified.catch(() => undefined);
  try {
    let decoded: { chunks: Chunk[]; docs: SourceDocument[]; bm25: Bm25Index };
    try {
      const [json, texts, bm25Bytes] = await Promise.all(
        [BUILD_FILES.chunks, BUILD_FILES.texts, BUILD_FILES.bm25].map((n) => fs.readFile(fileOf(n))),
      );
      const bm25 = Bm25Index.fromState(decodeBm25(bm25Bytes!));
      await yieldToEventLoop();
      decoded = { ...decodeChunksFile(json!, texts!), bm25 };
    } catch (err) {
      await allVerified;
      throw err;
    }
    await allVerified;
    const vectors = await vectorsPromise;
    const { chunks, docs, bm25 } = decoded;
    if (chunks.length !== manifest.chunkCount || docs.length !== manifest.docCount) {
      return { status: 'corrupt', reason: 'chunk or document count differs from the manifest' };
    }
    if (bm25.size !== chunks.length || vectors.size !== chunks.length) {
      return { status: 'corrupt', reason: 'vector, BM25 and chunk counts disagree' };
    }
    return { status: 'ok', index: { buildId, dir, manifest, chunks, docs, vectors, bm25 } };
  } catch (err) {
    return { status: 'corrupt', reason: (err as Error).message.slice(0, 300) };
  }
}
