import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createEmbedder } from '../../src/retrieval/embedder.js';
import { indexLayout, readCurrent } from '../../src/retrieval/index-layout.js';
import { KnowledgeBase } from '../../src/retrieval/knowledge-base.js';
import { makeTmpDir } from '../helpers/app.js';
import { writeGeneratedCorpus } from '../helpers/generated-corpus.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const tmpDirs: string[] = [];

afterAll(() => Promise.all(tmpDirs.map((d) => fs.rm(d, { recursive: true, force: true }))));

function kbFor(corpusDir: string, dataDir: string): KnowledgeBase {
  const config = loadConfig({ CORPUS_DIR: corpusDir, DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  return new KnowledgeBase({ corpusDir: config.corpusDir, dataDir: config.dataDir, embedder: createEmbedder(config) });
}

const QUERIES = ['harbour freight tariff', 'solar battery vehicle', 'customs data privacy'];

async function rankings(kb: KnowledgeBase): Promise<string[][]> {
  const snap = kb.require();
  return Promise.all(QUERIES.map(async (q) => (await snap.retriever.search(q, { k: 5 })).map((h) => h.chunk.id)));
}

/**
 * Runs the ingest CLI with `--force` as one separate process (`node --import tsx`, so the signal
 * reaches the process doing the work rather than a wrapper) and SIGKILLs it the moment its build
 * directory (`builds/<id>.tmp`) appears, i.e. while it is writing the new index files.
 */
function killIngestMidBuild(
  corpusDir: string,
  dataDir: string,
): Promise<{ signal: NodeJS.Signals | null; tmp: string | undefined }> {
  const buildsDir = indexLayout(dataDir).buildsDir;
  return new Promise((resolve, reject) => {
    let tmp: string | undefined;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/ingest.ts', '--force'], {
      cwd: ROOT,
      env: { ...process.env, CORPUS_DIR: corpusDir, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const watcher = watch(buildsDir, (_event, name) => {
      if (tmp === undefined && typeof name === 'string' && name.endsWith('.tmp')) {
        tmp = name;
        child.kill('SIGKILL');
      }
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      watcher.close();
      if (signal !== 'SIGKILL')
        reject(new Error(`ingest exited on its own (code ${code}) before being killed: ${stderr}`));
      else resolve({ signal, tmp });
    });
  });
}

describe('crash safety', () => {
  it('a build killed with SIGKILL leaves the previous index serving, intact, and its leftovers are collected', async () => {
    const corpus = await makeTmpDir('citecheck-crash-corpus-');
    const dataDir = await makeTmpDir('citecheck-crash-data-');
    tmpDirs.push(corpus, dataDir);
    await writeGeneratedCorpus(corpus, 120, 40);

    const first = kbFor(corpus, dataDir);
    const built = await first.open();
    expect(built.rebuilt).toBe(true);
    const before = built.snapshot.buildId;
    const expected = await rankings(first);

    const { signal, tmp } = await killIngestMidBuild(corpus, dataDir);
    expect(signal).toBe('SIGKILL');
    expect(tmp).toMatch(/\.tmp$/);
    const layout = indexLayout(dataDir);
    expect(await readCurrent(layout)).toBe(before);
    expect(await fs.readdir(layout.buildsDir)).toContain(tmp);

    const next = kbFor(corpus, dataDir);
    const reopened = await next.open();
    expect(reopened).toMatchObject({ rebuilt: false, snapshot: { buildId: before, origin: 'disk' } });
    expect(reopened.snapshot.chunks).toEqual(built.snapshot.chunks);
    expect(await rankings(next)).toEqual(expected);

    const rebuilt = await next.open({ force: true });
    expect(rebuilt.snapshot.buildId).not.toBe(before);
    const left = await fs.readdir(layout.buildsDir);
    expect(left).not.toContain(tmp);
    expect(left.sort()).toEqual([before, rebuilt.snapshot.buildId].sort());
  }, 120_000);
});
