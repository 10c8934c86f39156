import { randomUUID } from 'node:crypto';
import type { WebClient } from '@slack/web-api';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatResponse } from '../../src/answer/schema.js';
import { loadConfig } from '../../src/config.js';
import { FallbackSeenKeys, type SeenKeyStore } from '../../src/slack/dedupe.js';
import { SlackBot } from '../../src/slack/slack-bot.js';
import { migrate } from '../../src/store/postgres/migrate.js';
import { PostgresSeenKeys } from '../../src/store/postgres/seen-keys.js';
import { createPool, type SqlDatabase } from '../../src/store/postgres/sql.js';
import { closeRedisClient, createRedisClient } from '../../src/store/redis/client.js';
import { RedisSeenKeys } from '../../src/store/redis/seen-keys.js';
import { describePg, freshDatabase } from '../helpers/postgres.js';
import { describeRedis, requireRedisUrl } from '../helpers/redis.js';
import { startTcpProxy } from '../helpers/tcp-proxy.js';

const unique = () => randomUUID().slice(0, 8);

/** Two replicas' stores over one backend, each with its own connection pool or client. */
function sharedStoreSuite(
  name: string,
  open: () => Promise<{ stores: [SeenKeyStore, SeenKeyStore]; expiring: SeenKeyStore }>,
) {
  describe(name, () => {
    let a: SeenKeyStore;
    let b: SeenKeyStore;
    let expiring: SeenKeyStore;
    beforeAll(async () => {
      ({
        stores: [a, b],
        expiring,
      } = await open());
    });

    it('answers a delivery received by two replicas at once exactly once, round after round', async () => {
      for (let round = 0; round < 25; round++) {
        const keys = [`msg:C1:${unique()}`, `event:${unique()}`];
        const results = await Promise.all([
          a.firstTime(...keys),
          b.firstTime(...keys),
          a.firstTime(...keys),
          b.firstTime(...keys),
        ]);
        expect(results.filter(Boolean), `round ${round}`).toHaveLength(1);
      }
    });

    it('counts a delivery as new only when none of its keys was seen, recording the new ones', async () => {
      const msg = `msg:C1:${unique()}`;
      const [e1, e2, e3] = [`event:${unique()}`, `event:${unique()}`, `event:${unique()}`];
      // The same message delivered under two event ids (a mention in a DM), concurrently: answered once.
      const both = await Promise.all([a.firstTime(msg, e1), b.firstTime(msg, e2)]);
      expect(both.filter(Boolean)).toHaveLength(1);
      expect(await a.firstTime(e2)).toBe(false);
      expect(await b.firstTime(e3, msg)).toBe(false);
      expect(await a.firstTime(e3)).toBe(false);
      expect(await a.firstTime(`event:${unique()}`, `event:${unique()}`)).toBe(true);
    });

    it('forgets keys after their time limit', async () => {
      const key = `event:${unique()}`;
      expect(await expiring.firstTime(key)).toBe(true);
      expect(await expiring.firstTime(key)).toBe(false);
      await new Promise((r) => setTimeout(r, 300));
      expect(await expiring.firstTime(key)).toBe(true);
    });

    it('lets two Slack bots on different replicas answer one event delivered to both once', async () => {
      const posted: string[] = [];
      const bot = (seen: SeenKeyStore) =>
        new SlackBot({
          chat: {
            answer: async () =>
              ({
                answer: 'An answer.',
                citations: [],
                checks: [],
                claims: [],
                abstained: false,
                mode: 'offline',
                timings: { retrieveMs: 0, answerMs: 0, totalMs: 0 },
              }) as unknown as ChatResponse,
          },
          client: {
            chat: { postMessage: async (m: { channel: string }) => (posted.push(m.channel), { ok: true }) },
          } as unknown as WebClient,
          seen,
        });
      const [one, two] = [bot(a), bot(b)];
      const channel = `C${unique()}`;
      const envelope = {
        type: 'event_callback',
        event_id: `Ev${unique()}`,
        authorizations: [{ user_id: 'UBOT' }],
        event: {
          type: 'app_mention',
          channel,
          user: 'U1',
          text: '<@UBOT> What is digital trade?',
          ts: '1700000000.000100',
        },
      };
      const outcomes = await Promise.all([one.handleEvent(envelope), two.handleEvent(envelope)]);
      expect(outcomes.sort()).toEqual(['answering', 'duplicate']);
      await Promise.all([one.drain(), two.drain()]);
      expect(posted).toEqual([channel]);
    });
  });
}

describePg('Slack dedupe in PostgreSQL', () => {
  let drop: () => Promise<void>;
  const pools: SqlDatabase[] = [];
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close()));
    await drop?.();
  });

  sharedStoreSuite('two replicas on one database', async () => {
    const fresh = await freshDatabase();
    drop = fresh.drop;
    const config = loadConfig({ DATABASE_URL: fresh.url }).database!;
    pools.push(createPool(config), createPool(config));
    await migrate(pools[0]!);
    return {
      stores: [new PostgresSeenKeys(pools[0]!), new PostgresSeenKeys(pools[1]!)],
      expiring: new PostgresSeenKeys(pools[0]!, 200),
    };
  });

  it('rejects with store_unavailable while the database is unreachable; the fallback answers from memory, then recovers', async () => {
    const fresh = await freshDatabase();
    const proxy = await startTcpProxy(fresh.url);
    const db = createPool(
      loadConfig({ DATABASE_URL: proxy.through(fresh.url), PG_CONNECT_TIMEOUT_MS: '1000' }).database!,
    );
    try {
      await migrate(db);
      const errors: unknown[] = [];
      const shared = new PostgresSeenKeys(db);
      const seen = new FallbackSeenKeys(shared, { timeoutMs: 1500, onError: (err) => errors.push(err) });
      expect(await seen.firstTime('event:before')).toBe(true);
      await proxy.down();
      await expect(shared.firstTime('event:direct')).rejects.toMatchObject({ code: 'store_unavailable' });
      const started = Date.now();
      expect(await seen.firstTime('event:during')).toBe(true);
      expect(await seen.firstTime('event:during')).toBe(false);
      expect(await seen.firstTime('event:before')).toBe(false);
      expect(Date.now() - started).toBeLessThan(3000);
      expect(errors.length).toBeGreaterThanOrEqual(2);
      await proxy.up();
      expect(await seen.firstTime('event:after')).toBe(true);
      expect(await shared.firstTime('event:after')).toBe(false);
      expect(await shared.firstTime('event:during')).toBe(true);
    } finally {
      await db.close();
      await proxy.close();
      await fresh.drop();
    }
  });
});

describeRedis('Slack dedupe in Redis', () => {
  const clients: Redis[] = [];
  afterAll(async () => {
    await Promise.all(clients.map((c) => closeRedisClient(c)));
  });

  sharedStoreSuite('two replicas on one Redis', async () => {
    const url = requireRedisUrl();
    clients.push(createRedisClient(url), createRedisClient(url));
    const prefix = `test:${unique()}:`;
    return {
      stores: [new RedisSeenKeys(clients[0]!, prefix), new RedisSeenKeys(clients[1]!, prefix)],
      expiring: new RedisSeenKeys(clients[0]!, prefix, 200),
    };
  });

  it('fails fast while Redis is unreachable; the fallback answers from memory, then recovers', async () => {
    const url = requireRedisUrl();
    const proxy = await startTcpProxy(url);
    const client = createRedisClient(proxy.through(url));
    clients.push(client);
    const shared = new RedisSeenKeys(client, `test:${unique()}:`);
    const seen = new FallbackSeenKeys(shared, { timeoutMs: 1500 });
    try {
      expect(await seen.firstTime('event:before')).toBe(true);
      await proxy.down();
      const started = Date.now();
      await expect(shared.firstTime('event:direct')).rejects.toThrow();
      expect(await seen.firstTime('event:during')).toBe(true);
      expect(await seen.firstTime('event:during')).toBe(false);
      expect(Date.now() - started).toBeLessThan(5000);
      await proxy.up();
      await expect
        .poll(() => shared.firstTime(`event:${unique()}`).catch(() => false), { timeout: 10_000, interval: 200 })
        .toBe(true);
      expect(await seen.firstTime('event:before')).toBe(false);
      expect(await shared.firstTime('event:during')).toBe(true);
    } finally {
      await proxy.close();
    }
  });

  it('does not crash or hang when Redis never answers (a closed port)', async () => {
    const proxy = await startTcpProxy(requireRedisUrl());
    const closedUrl = proxy.through(requireRedisUrl());
    await proxy.close();
    const client = createRedisClient(closedUrl);
    clients.push(client);
    const started = Date.now();
    expect(await new FallbackSeenKeys(new RedisSeenKeys(client)).firstTime('event:x')).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
    client.disconnect();
  });
});
