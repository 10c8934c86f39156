import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createEmbedder } from '../../src/retrieval/embedder.js';
import { KnowledgeBase } from '../../src/retrieval/knowledge-base.js';
import { VectorIndex } from '../../src/retrieval/vector-index.js';
import { migrate } from '../../src/store/postgres/migrate.js';
import { BUILD_LOCK_KEY, PgSharedBuilds } from '../../src/store/postgres/pg-shared-builds.js';
import { createPool, type SqlDatabase } from '../../src/store/postgres/sql.js';
import { makeTmpDir } from '../helpers/app.js';
import { describePg, freshDatabase } from '../helpers/postgres.js';

const DOC_A =
  '# Fictional harbour report\n\nThis document is fictional. The harbour of Brenmoor handled 412 ships in the test year.\n';
const DOC_B =
  '# Fictional orchard notes\n\nThis document is fictional. The orchard at Keswin grows 37 kinds of pear.\n';

const until = async (what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describePg('knowledge bases sharing builds through PostgreSQL', () => {
  let url: string;
  let drop: () => Promise<void>;
  let corpusDir: string;
  const pools: SqlDatabase[] = [];
  const kbs: KnowledgeBase[] = [];

  /** A replica: its own pool, listener and knowledge base over the shared database and corpus. */
  async function replica(): Promise<{ kb: KnowledgeBase; shared: PgSharedBuilds }> {
    const config = loadConfig({
      CORPUS_DIR: corpusDir,
      DATA_DIR: await makeTmpDir('citecheck-replica-'),
      DATABASE_URL: url,
      LOG_LEVEL: 'silent',
    });
    const db = createPool(config.database!);
    pools.push(db);
    await migrate(db);
    const shared = new PgSharedBuilds(db, { listenUrl: url });
    const kb = new KnowledgeBase({
      corpusDir: config.corpusDir,
      dataDir: config.dataDir,
      embedder: createEmbedder(config),
      shared,
    });
    kbs.push(kb);
    return { kb, shared };
  }

  beforeAll(async () => {
    ({ url, drop } = await freshDatabase());
    corpusDir = await makeTmpDir('citecheck-shared-corpus-');
    await fs.writeFile(path.join(corpusDir, 'harbour.md'), DOC_A);
  });
  afterAll(async () => {
    for (const kb of kbs) await kb.close();
    for (const db of pools) await db.close();
    await drop();
  });

  it('builds once when replicas start together, and every replica serves that build', async () => {
    const [a, b, c] = await Promise.all([replica(), replica(), replica()]);
    const results = await Promise.all([a.kb.open(), b.kb.open(), c.kb.open()]);
    expect(results.filter((r) => r.rebuilt)).toHaveLength(1);
    const ids = new Set(results.map((r) => r.snapshot.buildId));
    expect(ids.size).toBe(1);
    expect(results.map((r) => r.snapshot.origin).sort()).toEqual(['build', 'database', 'database']);
    for (const r of results) {
      expect(r.snapshot.retriever.vectors).toBeInstanceOf(VectorIndex);
      const hits = await r.snapshot.retriever.search('How many ships did the harbour handle?', { k: 1 });
      expect(hits[0]!.chunk.text).toContain('412 ships');
      const doc = r.snapshot.docById.get(hits[0]!.chunk.docId)!;
      expect(doc.text.slice(hits[0]!.chunk.start, hits[0]!.chunk.end)).toBe(hits[0]!.chunk.text);
    }
  });

  it('a reindex asked of one replica is served by every replica', async () => {
    const a = kbs[0]!;
    const before = a.current()!.buildId;
    await fs.writeFile(path.join(corpusDir, 'orchard.md'), DOC_B);
    const first = await a.startReindex();
    expect(first.joined).toBe(false);
    const report = await first.done;
    expect(report.state).toBe('succeeded');
    expect(report.buildId).not.toBe(before);
    for (const kb of kbs)
      await until('every replica to serve the new build', () => kb.current()?.buildId === report.buildId);
    for (const kb of kbs) {
      const hits = await kb.current()!.retriever.search('How many kinds of pear grow in the orchard?', { k: 1 });
      expect(hits[0]!.chunk.text).toContain('37 kinds of pear');
      expect(kb.status()).toMatchObject({ state: 'ready', docs: 2 });
    }
    const { rows } = await pools[0]!.query<{ state: string; build_id: string }>(
      'SELECT state, build_id FROM reindex_jobs WHERE id = $1',
      [first.report.id],
    );
    expect(rows[0]).toEqual({ state: 'succeeded', build_id: report.buildId });
  });

  it('a reindex asked while another replica builds joins that rebuild and reports it', async () => {
    const holder = createPool(loadConfig({ DATABASE_URL: url }).database!);
    pools.push(holder);
    const current = kbs[1]!.current()!.buildId;
    await holder.session(async (conn) => {
      await conn.query('SELECT pg_advisory_lock($1)', [BUILD_LOCK_KEY]);
      await conn.query(
        "INSERT INTO reindex_jobs (id, state, replica, previous_build_id) VALUES ('elsewhere1', 'running', 'other:1', $1)",
        [current],
      );
      const joined = await kbs[1]!.startReindex();
      expect(joined).toMatchObject({ joined: true, report: { id: 'elsewhere1', state: 'running' } });
      expect(kbs[1]!.status()).toMatchObject({ reindexing: true, reindex: { id: 'elsewhere1' } });
      const again = await kbs[2]!.startReindex();
      expect(again.report.id).toBe('elsewhere1');
      await conn.query(
        "UPDATE reindex_jobs SET state = 'succeeded', finished_at = now(), build_id = $1 WHERE id = 'elsewhere1'",
        [current],
      );
      await conn.query('SELECT pg_advisory_unlock($1)', [BUILD_LOCK_KEY]);
      expect(await joined.done).toMatchObject({ id: 'elsewhere1', state: 'succeeded', buildId: current });
      expect((await again.done).state).toBe('succeeded');
    });
  });

  it('a job left running by a replica that went away is closed, so a new reindex runs', async () => {
    await pools[0]!.query("INSERT INTO reindex_jobs (id, state, replica) VALUES ('gone1', 'running', 'dead:1')");
    const shared = new PgSharedBuilds(pools[0]!);
    expect(await shared.runningJob()).toBeUndefined();
    expect((await shared.job('gone1'))?.state).toBe('failed');
    const run = await kbs[2]!.startReindex();
    expect(run.joined).toBe(false);
    expect((await run.done).state).toBe('succeeded');
  });
});
