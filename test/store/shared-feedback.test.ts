import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { PostgresFeedbackStore } from '../../src/store/postgres/feedback-store.js';
import { migrate } from '../../src/store/postgres/migrate.js';
import { createPool, type SqlDatabase } from '../../src/store/postgres/sql.js';
import { makeApp, type SmallApp, sendJson } from '../feedback/app.js';
import { describePg, freshDatabase } from '../helpers/postgres.js';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy.js';

const TOKEN = 'shared-feedback-admin-token';
const input = {
  rating: 'up' as const,
  question: 'What was the CAGR, "roughly"?',
  answer: 'About 6.67% a year [1].',
  citations: [{ n: 1, docId: 'doc', chunkId: 'c1', title: 'Doc', quote: 'grew', start: 3, end: 7 }],
};

interface ErrorBody {
  error: { code: string; message: string };
}

describePg('feedback shared through PostgreSQL', () => {
  let url: string;
  let drop: () => Promise<void>;
  const pools: SqlDatabase[] = [];
  const apps: SmallApp[] = [];
  const pool = (databaseUrl = url, extra: Record<string, string> = {}) => {
    const db = createPool(loadConfig({ DATABASE_URL: databaseUrl, ...extra }).database!);
    pools.push(db);
    return db;
  };
  const app = async (env: Record<string, string> = {}) => {
    const a = await makeApp({ DATABASE_URL: url, ADMIN_TOKEN: TOKEN, RATE_LIMIT_PER_MIN: '0', ...env });
    apps.push(a);
    return a;
  };
  const exportFrom = async (a: SmallApp, format: 'json' | 'csv') =>
    a.app.request(`/api/feedback?format=${format}`, { headers: { Authorization: `Bearer ${TOKEN}` } });

  beforeAll(async () => {
    ({ url, drop } = await freshDatabase());
    await migrate(pool());
  });
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.cleanup()));
    await Promise.all(pools.map((p) => p.close()));
    await drop();
  });

  it('adds, comments and lists through the store, each replica seeing the rows of the other', async () => {
    const a = new PostgresFeedbackStore(pool());
    const b = new PostgresFeedbackStore(pool());
    const first = await a.add({ ...input, comment: 'first' }, new Date('2026-01-02T03:04:05.678Z'));
    const second = await b.add({ ...input, rating: 'down', question: 'earlier' }, new Date('2026-01-01T00:00:00Z'));
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(await b.setComment(first, 'changed on b')).toBe(true);
    expect(await a.setComment('00000000-0000-4000-8000-000000000000', 'x')).toBe(false);
    expect(await a.setComment('not-a-uuid', 'x')).toBe(false);
    const listed = await a.list();
    expect(listed.map((r) => r.id)).toEqual([second, first]);
    expect(listed[1]).toEqual({ id: first, createdAt: '2026-01-02T03:04:05.678Z', comment: 'changed on b', ...input });
    expect(listed[0]).toMatchObject({ rating: 'down', question: 'earlier', comment: null });
    expect(await b.list()).toEqual(listed);
  });

  it('posts to one app, comments on another and exports JSON and CSV from either', async () => {
    const [one, two] = [await app(), await app()];
    const posted = await sendJson(one.app, 'POST', '/api/feedback', { ...input, question: 'posted to one' });
    expect(posted.status).toBe(201);
    const { id } = (await posted.json()) as { id: string };
    expect((await sendJson(two.app, 'PATCH', `/api/feedback/${id}`, { comment: 'from two' })).status).toBe(200);
    expect(
      (await sendJson(two.app, 'PATCH', '/api/feedback/00000000-0000-4000-8000-000000000000', { comment: 'x' })).status,
    ).toBe(404);

    const json = await exportFrom(two, 'json');
    expect(json.status).toBe(200);
    const { feedback } = (await json.json()) as { feedback: { id: string; comment: string | null }[] };
    expect(feedback.find((f) => f.id === id)).toMatchObject({ comment: 'from two' });
    const csv = await exportFrom(one, 'csv');
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toContain(`${id},`);
    expect(text).toContain('posted to one');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(1 + feedback.length);
  });

  it('answers 503 store_unavailable while the database is unreachable, stores nothing, and recovers', async () => {
    const proxy: TcpProxy = await startTcpProxy(url);
    try {
      const a = await app({ DATABASE_URL: proxy.through(url), PG_CONNECT_TIMEOUT_MS: '1000' });
      const before = (await a.feedback.list()).length;
      await proxy.down();
      const refused = await sendJson(a.app, 'POST', '/api/feedback', { ...input, question: 'while down' });
      expect(refused.status).toBe(503);
      const body = (await refused.json()) as ErrorBody;
      expect(body.error.code).toBe('store_unavailable');
      expect(body.error.message).toMatch(/database is unavailable/);
      expect(
        (await sendJson(a.app, 'PATCH', '/api/feedback/00000000-0000-4000-8000-000000000000', { comment: 'x' })).status,
      ).toBe(503);
      const exported = await exportFrom(a, 'json');
      expect(exported.status).toBe(503);
      expect(((await exported.json()) as ErrorBody).error.code).toBe('store_unavailable');

      await proxy.up();
      const stored = await sendJson(a.app, 'POST', '/api/feedback', { ...input, question: 'after recovery' });
      expect(stored.status).toBe(201);
      const direct = await new PostgresFeedbackStore(pool()).list();
      expect(direct.map((r) => r.question)).toContain('after recovery');
      expect(direct.map((r) => r.question)).not.toContain('while down');
      expect(direct).toHaveLength(before + 1);
    } finally {
      await proxy.close();
    }
  });

  it('never acknowledges a write whose connection is cut before the commit (pg_terminate_backend)', async () => {
    const store = new PostgresFeedbackStore(pool());
    const locker = pool();
    const admin = pool();
    // Hold a lock the insert waits for, cut the inserting connection while it waits, then release.
    const outcome = await locker.transaction(async (tx) => {
      await tx.query('LOCK TABLE feedback IN ACCESS EXCLUSIVE MODE');
      const waiting = store.add({ ...input, question: 'cut mid-write' }).then(
        () => 'acknowledged',
        (err: { code?: string }) => err.code ?? 'rejected',
      );
      await expect
        .poll(async () => (await admin.query(TERMINATE_INSERTS)).rowCount, { timeout: 5000 })
        .toBeGreaterThan(0);
      return waiting;
    });
    expect(outcome).toBe('store_unavailable');
    expect((await store.list()).map((r) => r.question)).not.toContain('cut mid-write');
    expect(await store.add({ ...input, question: 'next write' })).toMatch(/^[0-9a-f-]{36}$/);
  });
});

const TERMINATE_INSERTS = `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
  WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'INSERT INTO feedback%'`;
