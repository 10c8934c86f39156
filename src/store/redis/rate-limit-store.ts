import { type RedisClient, RedisStore } from 'hono-rate-limiter';
import type { Redis } from 'ioredis';
import { assertRedisReachable } from './client.js';

/**
 * hono-rate-limiter's `RedisClient` (script load, evalsha, decr, del) over an ioredis client; each
 * call fails at once while the client is reconnecting (see `assertRedisReachable`).
 */
export function rateLimitRedisClient(client: Redis): RedisClient {
  return {
    scriptLoad: async (script) => {
      assertRedisReachable(client);
      return String(await client.script('LOAD', script));
    },
    evalsha: async <TArgs extends unknown[], TData = unknown>(sha1: string, keys: string[], args: TArgs) => {
      assertRedisReachable(client);
      return (await client.evalsha(sha1, keys.length, ...keys, ...args.map((a) => String(a)))) as TData;
    },
    decr: async (key) => {
      assertRedisReachable(client);
      return client.decr(key);
    },
    del: async (key) => {
      assertRedisReachable(client);
      return client.del(key);
    },
  };
}

/**
 * hono-rate-limiter's own `RedisStore` (atomic Lua scripts, windows expired by Redis) counting under
 * `prefix`, so the limit holds across replicas; give each budget its own prefix. Its calls reject
 * when Redis cannot be reached.
 */
export function redisRateLimitStore(client: Redis, prefix: string): RedisStore {
  return new RedisStore({ client: rateLimitRedisClient(client), prefix });
}
