import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { isAppError } from '../../src/errors.js';
import { createEmbedder } from '../../src/retrieval/embedder.js';
import { BUILD_FILES, indexLayout, readCurrent } from '../../src/retrieval/index-layout.js';
import { type KbLogger, KnowledgeBase } from '../../src/retrieval/knowledge-base.js';
import { CORPUS_DIR, makeTmpDir } from '../helpers/app.js';

interface LogRecord {
  level: 'info' | 'warn';
  obj: object;
  msg: string | undefined;
}

class RecordingLogger implements KbLogger {
  readonly records: LogRecord[] = [];
  info(obj: object, msg?: string): void {
    this.records.push({ level: 'info', obj, msg });
  }
  warn(obj: object, msg?: string): void {
    this.records.push({ level: 'warn', obj, msg });
  }
  get warnings(): LogRecord[] {
    return this.records.filter((r) => r.level === 'warn');
  }
}

const tmpDirs: string[] = [];
async function tmp(prefix: string): Promise<string> {
  const dir = await makeTmpDir(prefix);
  tmpDirs.push(dir);
  return dir;
}

/** A knowledge base configured the way the server configures it. */
function kbFor(corpusDir: string, dataDir: string, env: Record<string, string> = {}) {
  const config = loadConfig({ CORPUS_DIR: corpusDir, DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env });
  const logger = new RecordingLogger();
  const kb = new KnowledgeBase({
    corpusDir: config.corpusDir,
    dataDir: config.dataDir,
    embedder: createEmbedder(config),
    logger,
  });
  return { kb, logger, config };
}

/** A copy of the real corpus that tests may edit. */
async function corpusCopy(): Promise<string> {
  const dir = await tmp('citecheck-corpus-');
  await fs.cp(CORPUS_DIR, dir, { recursive: true });
  return dir;
}

/** A copy of the data dir built in beforeAll, so a test can damage it without affecting others. */
async function dataCopy(): Promise<string> {
  const dir = await tmp('citecheck-data-copy-');
  await fs.cp(mainDataDir, dir, { recursive: true });
  return dir;
}

async function currentBuildDir(dataDir: string): Promise<string> {
  const layout = indexLayout(dataDir);
  const id = await readCurrent(layout);
  if (!id) throw new Error('no CURRENT build');
  return path.join(layout.buildsDir, id);
}

const QUERIES = [
  'compound annual growth rate of digital service trade',
  'cross-border e-commerce imports and exports 1.69 trillion yuan',
  'two key directions of the 14th Five-Year Plan',
  'why does the central government attach importance to digital trade',
];

async function ranking(kb: KnowledgeBase, q: string) {
  const hits = await kb.require().retriever.search(q, { k: 5 });
  return hits.map((h) => ({ id: h.chunk.id, score: h.score, scores: h.scores }));
}

let mainDataDir: string;
let first: ReturnType<typeof kbFor>;
let firstResult: Awaited<ReturnType<KnowledgeBase['open']>>;

beforeAll(async () => {
  mainDataDir = await tmp('citecheck-kb-');
  first = kbFor(CORPUS_DIR, mainDataDir);
  expect(first.kb.status().state).toBe('starting');
  firstResult = await first.kb.open();
});

afterAll(async () => {
  await Promise.all(tmpDirs.map((d) => fs.rm(d, { recursive: true, force: true })));
});

describe('KnowledgeBase', () => {
  it('builds on first open and persists the build', async () => {
    const { kb, logger } = first;
    expect(firstResult.rebuilt).toBe(true);
    expect(firstResult.reason).toMatch(/^missing/);
    const snap = firstResult.snapshot;
    expect(snap.origin).toBe('build');
    expect(kb.require()).toBe(snap);
    expect(snap.docs.map((d) => d.docId)).toEqual(['digital-trade-interview']);
    expect(snap.chunks.length).toBeGreaterThan(5);
    expect(snap.warnings).toEqual([]);
    expect(kb.status()).toEqual({
      state: 'ready',
      buildId: snap.buildId,
      docs: 1,
      chunks: snap.chunks.length,
      origin: 'build',
      reindexing: false,
    });
    expect(await readCurrent(indexLayout(mainDataDir))).toBe(snap.buildId);
    const files = await fs.readdir(await currentBuildDir(mainDataDir));
    expect(files.sort()).toEqual(Object.values(BUILD_FILES).sort());
    expect(logger.warnings).toEqual([]);
    expect(logger.records.some((r) => r.msg === 'index built')).toBe(true);
  });

  it('loads the stored build from disk in a second instance, with identical search results', async () => {
    const second = kbFor(CORPUS_DIR, mainDataDir);
    const result = await second.kb.open();
    expect(result.rebuilt).toBe(false);
    expect(result.snapshot.origin).toBe('disk');
    expect(result.snapshot.buildId).toBe(firstResult.snapshot.buildId);
    expect(result.snapshot.corpusHash).toBe(firstResult.snapshot.corpusHash);
    expect(result.snapshot.chunks).toEqual(firstResult.snapshot.chunks);
    expect(second.kb.status()).toMatchObject({ state: 'ready', origin: 'disk', buildId: firstResult.snapshot.buildId });
    for (const q of QUERIES) expect(await ranking(second.kb, q), q).toEqual(await ranking(first.kb, q));
    expect(second.logger.warnings).toEqual([]);
    expect(second.logger.records.some((r) => r.msg === 'index loaded')).toBe(true);
  });

  it('throws not_ready before the first open', () => {
    const { kb } = kbFor(CORPUS_DIR, mainDataDir);
    expect(kb.current()).toBeUndefined();
    try {
      kb.require();
      expect.unreachable();
    } catch (err) {
      expect(isAppError(err) && err.code).toBe('not_ready');
    }
  });

  it('rebuilds with a new build id when a corpus file is edited', async () => {
    const corpus = await corpusCopy();
    const dataDir = await dataCopy();
    // The copied index matches the copied (unchanged) corpus.
    const before = kbFor(corpus, dataDir);
    expect((await before.kb.open()).snapshot.origin).toBe('disk');

    const file = path.join(corpus, 'digital-trade-interview.md');
    const text = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, `${text}\n\nZhang Wei: Quantum widget exports reached US$7.5 billion in 2021.\n`);

    const after = kbFor(corpus, dataDir);
    const result = await after.kb.open();
    expect(result.rebuilt).toBe(true);
    expect(result.reason).toMatch(/mismatch: corpus changed/);
    expect(result.snapshot.origin).toBe('build');
    expect(result.snapshot.buildId).not.toBe(firstResult.snapshot.buildId);
    expect(result.snapshot.corpusHash).not.toBe(firstResult.snapshot.corpusHash);
    expect(await readCurrent(indexLayout(dataDir))).toBe(result.snapshot.buildId);
    const [top] = await after.kb.require().retriever.search('quantum widget exports', { k: 1 });
    expect(top!.chunk.text).toContain('US$7.5 billion');
    expect(after.logger.warnings.map((w) => w.msg)).toContain('stored index unusable; rebuilding');

    // The rebuilt index is what a third instance then loads.
    const third = kbFor(corpus, dataDir);
    const reloaded = await third.kb.open();
    expect(reloaded.snapshot.origin).toBe('disk');
    expect(reloaded.snapshot.buildId).toBe(result.snapshot.buildId);
  });

  it('detects a corrupted vectors file, warns and rebuilds', async () => {
    const dataDir = await dataCopy();
    const vectors = path.join(await currentBuildDir(dataDir), BUILD_FILES.vectors);
    const bytes = await fs.readFile(vectors);
    expect(bytes.length).toBeGreaterThan(64);
    for (const at of [Math.floor(bytes.length / 3), Math.floor(bytes.length / 2), bytes.length - 5])
      bytes[at] = bytes[at]! ^ 0xff;
    await fs.writeFile(vectors, bytes);

    const { kb, logger } = kbFor(CORPUS_DIR, dataDir);
    const result = await kb.open();
    expect(result.rebuilt).toBe(true);
    expect(result.reason).toMatch(/^corrupt: .*vectors\.hnsw/);
    expect(result.snapshot.origin).toBe('build');
    expect(result.snapshot.buildId).not.toBe(firstResult.snapshot.buildId);
    const warning = logger.warnings.find((w) => w.msg === 'stored index unusable; rebuilding');
    expect(warning).toBeDefined();
    expect(JSON.stringify(warning!.obj)).toMatch(/checksum mismatch for vectors\.hnsw/);
    for (const q of QUERIES)
      expect(
        (await ranking(kb, q)).map((h) => h.id),
        q,
      ).toEqual((await ranking(first.kb, q)).map((h) => h.id));
  });

  it.each([BUILD_FILES.chunks, BUILD_FILES.texts, BUILD_FILES.bm25, BUILD_FILES.vectors])(
    'detects a truncated %s by its checksum and rebuilds',
    async (name) => {
      const dataDir = await dataCopy();
      const file = path.join(await currentBuildDir(dataDir), name);
      const { size } = await fs.stat(file);
      await fs.truncate(file, Math.floor(size / 2));
      const { kb, logger } = kbFor(CORPUS_DIR, dataDir);
      const result = await kb.open();
      expect(result.rebuilt).toBe(true);
      expect(result.reason).toMatch(new RegExp(`^corrupt: .*${name.replace('.', '\\.')}`));
      expect(logger.warnings.map((w) => w.msg)).toContain('stored index unusable; rebuilding');
      expect(await readCurrent(indexLayout(dataDir))).toBe(result.snapshot.buildId);
      expect((await ranking(kb, QUERIES[0]!)).map((h) => h.id)).toEqual(
        (await ranking(first.kb, QUERIES[0]!)).map((h) => h.id),
      );
    },
  );

  it('detects a truncated manifest and rebuilds', async () => {
    const dataDir = await dataCopy();
    const manifest = path.join(await currentBuildDir(dataDir), BUILD_FILES.manifest);
    await fs.truncate(manifest, 40);
    const result = await kbFor(CORPUS_DIR, dataDir).kb.open();
    expect(result).toMatchObject({ rebuilt: true, reason: expect.stringMatching(/^corrupt: unreadable manifest/) });
  });

  it('detects an unreadable CURRENT pointer and rebuilds', async () => {
    const dataDir = await dataCopy();
    await fs.writeFile(indexLayout(dataDir).current, 'not-a-build-id\n');
    const { kb, logger } = kbFor(CORPUS_DIR, dataDir);
    const result = await kb.open();
    expect(result.rebuilt).toBe(true);
    expect(result.reason).toMatch(/^corrupt/);
    expect(logger.warnings).toHaveLength(1);
    expect(await readCurrent(indexLayout(dataDir))).toBe(result.snapshot.buildId);
  });

  it('rebuilds when the embedder dimension differs', async () => {
    const dataDir = await dataCopy();
    const { kb, logger } = kbFor(CORPUS_DIR, dataDir, { LOCAL_EMBEDDING_DIM: '256' });
    const result = await kb.open();
    expect(result.rebuilt).toBe(true);
    expect(result.reason).toMatch(
      /mismatch: index built with local-hash-v\d+-512, current embedder is local-hash-v\d+-256/,
    );
    expect(result.snapshot.origin).toBe('build');
    expect(result.snapshot.buildId).not.toBe(firstResult.snapshot.buildId);
    expect(result.snapshot.retriever.vectors.dimension).toBe(256);
    expect(logger.warnings.map((w) => w.msg)).toContain('stored index unusable; rebuilding');
    const manifest = JSON.parse(
      await fs.readFile(path.join(await currentBuildDir(dataDir), BUILD_FILES.manifest), 'utf8'),
    ) as { dimension: number; embedderId: string };
    expect(manifest).toMatchObject({ dimension: 256, embedderId: expect.stringMatching(/-256$/) });
    const [top] = await kb.require().retriever.search('compound annual growth rate of digital service trade', { k: 1 });
    expect(top!.chunk.text).toContain('6.7%');
  });

  it('skips a broken extra file with a warning and loads the rest', async () => {
    const corpus = await corpusCopy();
    await fs.writeFile(
      path.join(corpus, 'broken.pdf'),
      Buffer.from('%PDF-1.7\n\x00\x01garbage that is not a PDF\x02\xff'),
    );
    await fs.writeFile(path.join(corpus, 'notes.docx'), 'unsupported');
    const { kb, logger } = kbFor(corpus, await tmp('citecheck-kb-pdf-'));
    const result = await kb.open();
    expect(result.snapshot.docs.map((d) => d.docId)).toEqual(['digital-trade-interview']);
    expect(result.snapshot.chunks).toEqual(firstResult.snapshot.chunks);
    expect(result.snapshot.warnings.map((w) => w.file).sort()).toEqual(['broken.pdf', 'notes.docx']);
    const pdfWarning = logger.warnings.find((w) => (w.obj as { file?: string }).file === 'broken.pdf');
    expect(pdfWarning?.msg).toMatch(/skipped broken\.pdf/);
    expect(kb.status().state).toBe('ready');
  });

  it('force rebuilds even when the stored build matches', async () => {
    const dataDir = await dataCopy();
    const { kb } = kbFor(CORPUS_DIR, dataDir);
    const result = await kb.open({ force: true });
    expect(result).toMatchObject({ rebuilt: true, reason: 'forced rebuild' });
    expect(result.snapshot.buildId).not.toBe(firstResult.snapshot.buildId);
    expect(result.snapshot.chunks).toEqual(firstResult.snapshot.chunks);
  });

  it('reports failed when the corpus cannot be read, and stays not ready', async () => {
    const { kb } = kbFor(path.join(await tmp('citecheck-missing-'), 'nope'), await tmp('citecheck-kb-fail-'));
    await expect(kb.open()).rejects.toThrow();
    expect(kb.status()).toMatchObject({ state: 'failed', error: expect.any(String) });
    expect(() => kb.require()).toThrow(/not ready/);
  });

  describe('reindex', () => {
    it('builds a new snapshot in the background, swaps it in, and leaves the old one usable by whoever holds it', async () => {
      const dataDir = await dataCopy();
      const { kb, logger } = kbFor(CORPUS_DIR, dataDir);
      const old = (await kb.open()).snapshot;
      const run = kb.reindex();
      expect(run.joined).toBe(false);
      expect(kb.status()).toMatchObject({
        state: 'ready',
        buildId: old.buildId,
        reindexing: true,
        reindex: { state: 'running', previousBuildId: old.buildId },
      });
      expect(kb.require()).toBe(old);
      const joined = kb.reindex();
      expect(joined.joined).toBe(true);
      expect(joined.report.id).toBe(run.report.id);
      const report = await run.done;
      expect(await joined.done).toBe(report);
      expect(report).toMatchObject({ state: 'succeeded', previousBuildId: old.buildId, buildId: kb.require().buildId });
      expect(kb.require().buildId).not.toBe(old.buildId);
      expect(kb.status()).toMatchObject({
        reindexing: false,
        buildId: report.buildId,
        reindex: { state: 'succeeded' },
      });
      expect((await old.retriever.search(QUERIES[0]!, { k: 3 })).length).toBe(3);
      expect(await readCurrent(indexLayout(dataDir))).toBe(report.buildId);
      expect(logger.records.map((r) => r.msg)).toEqual(expect.arrayContaining(['reindex started', 'reindex finished']));
    });

    it('never clears the served snapshot when the rebuild fails, and can run again afterwards', async () => {
      const corpus = await corpusCopy();
      const { kb, logger } = kbFor(corpus, await dataCopy());
      const served = (await kb.open()).snapshot;
      for (const name of await fs.readdir(corpus)) await fs.rm(path.join(corpus, name), { recursive: true });
      const empty = await kb.reindex().done;
      expect(empty).toMatchObject({ state: 'failed', error: expect.stringMatching(/no readable documents/) });
      expect(kb.require()).toBe(served);
      expect(kb.status()).toMatchObject({ state: 'ready', buildId: served.buildId, reindexing: false });
      expect(logger.warnings.map((w) => w.msg)).toContain('reindex failed; still serving the previous build');

      await fs.rm(corpus, { recursive: true });
      const missing = await kb.reindex().done;
      expect(missing).toMatchObject({ state: 'failed', error: expect.stringMatching(/ENOENT|no such file/) });
      expect(kb.require()).toBe(served);

      await fs.cp(CORPUS_DIR, corpus, { recursive: true });
      const ok = await kb.reindex().done;
      expect(ok.state).toBe('succeeded');
      expect(kb.require().buildId).toBe(ok.buildId);
    });

    it('refuses while the first load is still running', async () => {
      const { kb } = kbFor(CORPUS_DIR, await dataCopy());
      const opening = kb.open();
      try {
        kb.reindex();
        expect.unreachable();
      } catch (err) {
        expect(isAppError(err) && err.code).toBe('not_ready');
      }
      await opening;
    });
  });
});
