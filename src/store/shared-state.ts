import path from 'node:path';
import type { Store } from 'hono-rate-limiter';
import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import type { FeedbackRepository } from '../feedback/repository.js';
import { SqliteFeedbackStore } from '../feedback/store.js';
import { FallbackSeenKeys, type SeenKeyStore, SeenKeys } from '../slack/dedupe.js';
import { PostgresFeedbackStore } from './postgres/feedback-store.js';
import { PostgresRateLimitStore } from './postgres/rate-limit-store.js';
import { PostgresSeenKeys } from './postgres/seen-keys.js';
import type { SqlDatabase } from './postgres/sql.js';
import { closeRedisClient, createRedisClient } from './redis/client.js';
import { redisRateLimitStore } from './redis/rate-limit-store.js';
import { RedisSeenKeys } from './redis/seen-keys.js';

/** Where one kind of shared state lives. */
export type StateBackend = 'memory' | 'sqlite' | 'postgres' | 'redis';

/** Feedback, Slack dedupe and rate-limit counters: what replicas must share to behave as one service. */
export interface SharedState {
  /** Answer ratings: PostgreSQL with a database, else `DATA_DIR/feedback.sqlite`. */
  feedback: FeedbackRepository;
  /**
   * Slack deliveries already handled: Redis, else PostgreSQL, else memory. A shared store is wrapped
   * in {@link FallbackSeenKeys}, so it never rejects: while the store is down, each replica dedupes
   * from its own memory.
   */
  seenKeys: SeenKeyStore;
  /**
   * Hit-counter stores for the rate-limit budgets (`rl:<budget>:` keys): Redis, else PostgreSQL;
   * undefined leaves each process counting in memory.
   */
  rateLimitStore: ((budget: string) => Store) | undefined;
  /** Which backend holds what. */
  backends: { feedback: StateBackend; seenKeys: StateBackend; rateLimits: StateBackend };
  /** Closes the Redis connection and the SQLite file it opened (the database pool is left to its owner). */
  close(): Promise<void>;
}

/** What {@link createSharedState} may use besides the configuration. */
export interface SharedStateDeps {
  /** The already migrated PostgreSQL pool, when `config.database` is set. */
  db?: SqlDatabase | undefined;
  /** A Redis client to use instead of connecting to `config.redisUrl` (it is not closed by `close`). */
  redis?: Redis | undefined;
  /** Told when a shared store fails (connection lost, dedupe decided locally). */
  logger?: { warn(obj: object, msg?: string): void } | undefined;
}

/** Prefix of every rate-limit key, by budget, so budgets never share counters. */
export const rateLimitPrefix = (budget: string): string => `rl:${budget}:`;

/**
 * Picks the shared state's backends from the configuration: Redis (`REDIS_URL`) for Slack dedupe
 * and rate limits, else PostgreSQL (`DATABASE_URL`, through `deps.db`); feedback in PostgreSQL when
 * there is a database; otherwise the single-process defaults (SQLite file, memory).
 */
export function createSharedState(
  config: Pick<Readonly<Config>, 'dataDir' | 'redisUrl'>,
  deps: SharedStateDeps = {},
): SharedState {
  const { db, logger } = deps;
  const ownsRedis = !deps.redis && Boolean(config.redisUrl);
  const redis =
    deps.redis ??
    (config.redisUrl
      ? createRedisClient(config.redisUrl, (err) => logger?.warn({ err }, 'Redis connection lost'))
      : undefined);
  const feedback: FeedbackRepository = db
    ? new PostgresFeedbackStore(db)
    : new SqliteFeedbackStore(path.join(config.dataDir, 'feedback.sqlite'));
  const shared: SeenKeyStore | undefined = redis ? new RedisSeenKeys(redis) : db ? new PostgresSeenKeys(db) : undefined;
  const seenKeys = shared
    ? new FallbackSeenKeys(shared, {
        onError: (err) => logger?.warn({ err }, 'Slack dedupe store unavailable; deduplicating in memory'),
      })
    : new SeenKeys();
  const rateLimitStore: SharedState['rateLimitStore'] = redis
    ? (budget) => redisRateLimitStore(redis, `citecheck:${rateLimitPrefix(budget)}`)
    : db
      ? (budget) => new PostgresRateLimitStore(db, rateLimitPrefix(budget))
      : undefined;
  const sharedBackend: StateBackend = redis ? 'redis' : db ? 'postgres' : 'memory';
  return {
    feedback,
    seenKeys,
    rateLimitStore,
    backends: { feedback: db ? 'postgres' : 'sqlite', seenKeys: sharedBackend, rateLimits: sharedBackend },
    async close() {
      await feedback.close();
      if (redis && ownsRedis) await closeRedisClient(redis);
    },
  };
}
