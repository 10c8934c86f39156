/**
 * Remembers keys (event ids, message timestamps) for a limited time so that Slack's retries and
 * duplicate deliveries are handled once. Bounded: the oldest keys go first when full.
 */
export class SeenKeys {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs = 60 * 60_000,
    private readonly maxKeys = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records the keys; true when none of them was seen within the time limit (the first delivery). */
  firstTime(...keys: string[]): boolean {
    const now = this.now();
    this.evict(now);
    const fresh = keys.every((key) => {
      const expires = this.seen.get(key);
      return expires === undefined || expires <= now;
    });
    for (const key of keys) {
      this.seen.delete(key);
      this.seen.set(key, now + this.ttlMs);
    }
    return fresh;
  }

  /** Keys currently remembered. */
  get size(): number {
    return this.seen.size;
  }

  private evict(now: number): void {
    // Insertion order is expiry order (every key gets the same time limit and is re-inserted on update).
    for (const [key, expires] of this.seen) {
      if (expires > now && this.seen.size < this.maxKeys) break;
      this.seen.delete(key);
    }
  }
}
