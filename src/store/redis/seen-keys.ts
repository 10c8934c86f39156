import type { Redis } from 'ioredis';
import { SEEN_TTL_MS, type SeenKeyStore } from '../../slack/dedupe.js';
import { assertRedisReachable } from './client.js';

/**
 * Slack dedupe keys in Redis: `SET key 1 NX PX ttl` for each key of a delivery, all in one
 * MULTI/EXEC transaction, so Redis runs them as one step and two replicas receiving the same
 * delivery cannot both find a key new. A delivery is new only when every key was set (none was
 * remembered); Redis expires the keys. Rejects when Redis cannot be reached; wrap it in
 * `FallbackSeenKeys` for the Slack bot.
 */
export class RedisSeenKeys implements SeenKeyStore {
  /**
   * @param client a connected client (not closed by {@link close}).
   * @param prefix prepended to every key.
   * @param ttlMs how long a key is remembered.
   */
  constructor(
    private readonly client: Redis,
    private readonly prefix = 'citecheck:slack-seen:',
    private readonly ttlMs = SEEN_TTL_MS,
  ) {}

  /** Records the keys; true when none of them was remembered (atomically, across replicas). */
  async firstTime(...keys: string[]): Promise<boolean> {
    const unique = [...new Set(keys)];
    if (unique.length === 0) return true;
    assertRedisReachable(this.client);
    const multi = this.client.multi();
    for (const key of unique) multi.set(this.prefix + key, '1', 'PX', this.ttlMs, 'NX');
    const replies = await multi.exec();
    if (!replies) throw new Error('the Redis transaction was aborted');
    for (const [err] of replies) if (err) throw err;
    return replies.every(([, reply]) => reply === 'OK');
  }

  /** Nothing to release: the client belongs to its creator. */
  async close(): Promise<void> {}
}
