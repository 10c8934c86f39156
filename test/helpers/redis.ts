import { describe } from 'vitest';

/** The test Redis server (see `servers-global.ts`), or undefined when none could be started. */
export const redisTestUrl = process.env.REDIS_TEST_URL;

/** `describe` for suites that need Redis: skipped without a server, failing under `REQUIRE_REDIS`. */
export const describeRedis = redisTestUrl || process.env.REQUIRE_REDIS ? describe : describe.skip;

/** The test server's URL, or an error naming why there is none. */
export function requireRedisUrl(): string {
  if (!redisTestUrl) throw new Error('REDIS_TEST_URL is not set and no Redis server could be started');
  return redisTestUrl;
}
