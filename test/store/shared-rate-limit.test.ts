import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { migrate } from '../../src/store/postgres/migrate.js';
import { PostgresRateLimitStore } from '../../src/store/postgres/rate-limit-store.js';
import { createPool, type SqlDatabase } from '../../src/store/postgres/sql.js';
import { makeApp, type SmallApp } from '../feedback/app.js';
import { describePg, freshDatabase } from '../helpers/postgres.js';
import { describeRedis, requireRedisUrl } from '../helpers/redis.js';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy.js';

interface ErrorBody {
  error: { code: string; message: string; type?: string };
}

/** A fresh client address per test, so tests sharing a store never share counters. */
const newClient = () => ({ incoming: { socket: { remoteAddress: `10.${randomUUID().slice(0, 6)}` } } });
type Client = ReturnType<typeof newClient>;

const apiGet = (a: SmallApp, client: Client, url = '/api/nope') => Promise.resolve(a.app.request(url, {}, client));
const post = (a: SmallApp, client: Client, url: string, body: unknown) =>
  Promise.resolve(
    a.app.request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
      client,
    ),
  );
const completion = { model: 'citecheck', messages: [{ role: 'user', content: 'What is digital trade?' }] };
const feedback = { rating: 'up', question: 'q', answer: 'a' };

/** Two apps (replicas) over one store, made from the environment `env()` gives. */
function sharedLimitSuite(name: string, env: () => Record<string, string>) {
  describe(name, () => {
    const apps: SmallApp[] = [];
    const replica = async (limit: number) => {
      const a = await makeApp({ ...env(), RATE_LIMIT_PER_MIN: String(limit) });
      apps.push(a);
      return a;
    };
    afterAll(() => Promise.all(apps.map((a) => a.cleanup())));

    it('counts one client’s requests on either replica against one limit', async () => {
      const [one, two] = [await replica(3), await replica(3)];
      const client = newClient();
      expect((await apiGet(one, client)).status).toBe(404);
      expect((await apiGet(one, client)).headers.get('ratelimit-remaining')).toBe('1');
      const third = await apiGet(two, client);
      expect(third.status).toBe(404);
      expect(third.headers.get('ratelimit-remaining')).toBe('0');
      const limited = await apiGet(two, client);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await limited.json()) as ErrorBody).error.code).toBe('rate_limited');
      expect((await apiGet(one, client)).status).toBe(429);
      expect((await apiGet(one, newClient())).status).toBe(404);
    });

    it('keeps the three budgets apart on the shared store', async () => {
      const [one, two] = [await replica(1), await replica(1)];
      const client = newClient();
      expect((await apiGet(one, client)).status).toBe(404);
      expect((await apiGet(two, client)).status).toBe(429);
      expect((await post(two, client, '/api/feedback', feedback)).status).toBe(201);
      expect((await post(one, client, '/api/feedback', feedback)).status).toBe(429);
      expect((await post(one, client, '/v1/chat/completions', completion)).status).not.toBe(429);
      const limited = await post(two, client, '/v1/chat/completions', completion);
      expect(limited.status).toBe(429);
      expect(await limited.json()).toMatchObject({ error: { type: 'rate_limit_error', code: 'rate_limited' } });
    });

    it('lets exactly the limit through when both replicas are hit at once', async () => {
      const [one, two] = [await replica(10), await replica(10)];
      const client = newClient();
      const statuses = await Promise.all(
        Array.from({ length: 30 }, (_, i) => apiGet(i % 2 ? one : two, client).then((r) => r.status)),
      );
      expect(statuses.filter((s) => s === 404)).toHaveLength(10);
      expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    });
  });
}

/** While the proxy to the store is down: 503 store_unavailable (OpenAI's shape under /v1/); back up: counted again. */
async function expectUnavailableThenRecovered(a: SmallApp, proxy: TcpProxy): Promise<void> {
  const client = newClient();
  expect((await apiGet(a, client)).status).toBe(404);
  await proxy.down();
  const refused = await apiGet(a, client);
  expect(refused.status).toBe(503);
  expect(((await refused.json()) as ErrorBody).error.code).toBe('store_unavailable');
  const openai = await post(a, client, '/v1/chat/completions', completion);
  expect(openai.status).toBe(503);
  expect(await openai.json()).toMatchObject({
    error: { type: 'server_error', code: 'store_unavailable', message: expect.any(String), param: null },
  });
  expect((await post(a, client, '/api/feedback', feedback)).status).toBe(503);
  expect((await a.app.request('/healthz')).status).toBe(200);
  await proxy.up();
  await expect.poll(async () => (await apiGet(a, client)).status, { timeout: 10_000, interval: 200 }).toBe(404);
  const counted = await apiGet(a, client);
  expect(counted.headers.get('ratelimit-remaining')).toMatch(/^\d+$/);
}

describePg('rate limits shared through PostgreSQL', () => {
  let url: string;
  let drop: () => Promise<void>;
  let db: SqlDatabase;
  beforeAll(async () => {
    ({ url, drop } = await freshDatabase());
    db = createPool(loadConfig({ DATABASE_URL: url }).database!);
    await migrate(db);
  });
  afterAll(async () => {
    await db.close();
    await drop();
  });

  sharedLimitSuite('two replicas on one database', () => ({ DATABASE_URL: url }));

  it('counts fixed windows atomically per prefixed key, and resets them', async () => {
    const store = new PostgresRateLimitStore(db, 'rl:test:');
    const other = new PostgresRateLimitStore(db, 'rl:other:');
    store.init({ windowMs: 300 } as Parameters<PostgresRateLimitStore['init']>[0]);
    other.init({ windowMs: 60_000 } as Parameters<PostgresRateLimitStore['init']>[0]);
    const hits = await Promise.all(Array.from({ length: 8 }, () => store.increment('k')));
    expect(hits.map((h) => h.totalHits).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(new Set(hits.map((h) => h.resetTime!.getTime())).size).toBe(1);
    expect((await other.increment('k')).totalHits).toBe(1);
    await store.decrement('k');
    expect((await store.get('k'))?.totalHits).toBe(7);
    await new Promise((r) => setTimeout(r, 350));
    expect(await store.get('k')).toBeUndefined();
    expect((await store.increment('k')).totalHits).toBe(1);
    await store.resetKey('k');
    expect(await store.get('k')).toBeUndefined();
    await other.resetAll();
    expect(await other.get('k')).toBeUndefined();
  });

  it('answers 503 store_unavailable while the database is unreachable, and counts again once it is back', async () => {
    const proxy = await startTcpProxy(url);
    const a = await makeApp({
      DATABASE_URL: proxy.through(url),
      PG_CONNECT_TIMEOUT_MS: '1000',
      RATE_LIMIT_PER_MIN: '100',
    });
    try {
      await expectUnavailableThenRecovered(a, proxy);
    } finally {
      await a.cleanup();
      await proxy.close();
    }
  });
});

describeRedis('rate limits shared through Redis', () => {
  sharedLimitSuite('two replicas on one Redis', () => ({ REDIS_URL: requireRedisUrl() }));

  it('answers 503 store_unavailable while Redis is unreachable, and counts again once it is back', async () => {
    const proxy = await startTcpProxy(requireRedisUrl());
    const a = await makeApp({ REDIS_URL: proxy.through(requireRedisUrl()), RATE_LIMIT_PER_MIN: '100' });
    try {
      await expectUnavailableThenRecovered(a, proxy);
    } finally {
      await a.cleanup();
      await proxy.close();
    }
  });
});
