import { Redis } from 'ioredis';

/** Longest a Redis command may wait (queued while reconnecting, or unanswered) before it fails. */
export const REDIS_COMMAND_TIMEOUT_MS = 2000;

/** Clients made by {@link createRedisClient}, and whether each has been connected yet. */
const everReady = new WeakMap<Redis, { ready: boolean }>();

/**
 * An ioredis client for the shared state, tuned to fail fast rather than queue: a command fails after
 * {@link REDIS_COMMAND_TIMEOUT_MS} or one failed reconnection, so callers can answer 503 (or decide
 * locally) instead of hanging, while the client keeps reconnecting in the background and recovers
 * without a restart. Connection errors go to `onError` once per outage instead of crashing the
 * process (an `error` listener is always attached). See {@link assertRedisReachable}.
 */
export function createRedisClient(url: string, onError?: (err: Error) => void): Redis {
  const client = new Redis(url, {
    connectTimeout: REDIS_COMMAND_TIMEOUT_MS,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => Math.min(attempt * 100, 2000),
    connectionName: 'citecheck',
  });
  const state = { ready: false };
  everReady.set(client, state);
  let down = false;
  client.on('error', (err: Error) => {
    if (down) return;
    down = true;
    onError?.(err);
  });
  client.on('ready', () => {
    state.ready = true;
    down = false;
  });
  return client;
}

/** Raised instead of sending a command while a client made by {@link createRedisClient} is reconnecting. */
export class RedisUnreachableError extends Error {
  constructor() {
    super('Redis is unreachable (reconnecting)');
    this.name = 'RedisUnreachableError';
  }
}

/**
 * Throws {@link RedisUnreachableError} when `client` (made by {@link createRedisClient}) was connected
 * before and has lost its connection, so a request fails at once instead of waiting for the command
 * timeout. Commands sent before the first connection are queued as usual.
 */
export function assertRedisReachable(client: Redis): void {
  if (everReady.get(client)?.ready && client.status !== 'ready') throw new RedisUnreachableError();
}

/** Closes the connection: politely when connected, at once otherwise. */
export async function closeRedisClient(client: Redis): Promise<void> {
  if (client.status === 'ready') {
    await client.quit().catch(() => client.disconnect());
  } else {
    client.disconnect();
  }
}
