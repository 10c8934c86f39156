/**
 * Remembers the keys of Slack deliveries already handled (event ids, message timestamps), so that
 * Slack's retries and duplicate deliveries, on this replica or any other sharing the store, are
 * answered once.
 */
export interface SeenKeyStore {
  /**
   * Records the keys; resolves to true when none of them was seen within the time limit (the first
   * delivery). Atomic across callers sharing the store: of concurrent calls with a common key, at
   * most one resolves to true.
   */
  firstTime(...keys: string[]): Promise<boolean>;
  /** Releases what the store holds open. */
  close?(): Promise<void>;
}

/** How long a delivery is remembered: Slack retries within minutes, so an hour is ample. */
export const SEEN_TTL_MS = 60 * 60_000;

/**
 * {@link SeenKeyStore} in this process's memory, for a single replica. Bounded: the oldest keys go
 * first when full.
 */
export class SeenKeys implements SeenKeyStore {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs = SEEN_TTL_MS,
    private readonly maxKeys = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records the keys; true when none of them was seen within the time limit. */
  async firstTime(...keys: string[]): Promise<boolean> {
    return this.record(keys);
  }

  /** {@link firstTime}, synchronously. */
  record(keys: readonly string[]): boolean {
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

/** Options of {@link FallbackSeenKeys}. */
export interface FallbackSeenKeysOptions {
  /** Longest to wait for the shared store before deciding locally (Slack wants its ack within 3 s). */
  timeoutMs?: number;
  /** Told about each failure or timeout of the shared store. */
  onError?: (err: unknown) => void;
  /** The local memory consulted when the shared store fails; a fresh {@link SeenKeys} by default. */
  local?: SeenKeys;
}

/**
 * A shared {@link SeenKeyStore} (PostgreSQL or Redis) backed by this process's memory. Every key is
 * also recorded locally; the shared store decides while it answers, and when it fails or is slower
 * than `timeoutMs`, the local memory decides instead. So with the store down, a delivery is answered
 * unless this replica already saw it: a rare duplicate answer (Slack only retries deliveries that were
 * not acknowledged, and the ack never waits longer than `timeoutMs`) is preferred over never answering.
 * Never rejects.
 */
export class FallbackSeenKeys implements SeenKeyStore {
  private readonly local: SeenKeys;
  private readonly timeoutMs: number;

  constructor(
    private readonly shared: SeenKeyStore,
    private readonly options: FallbackSeenKeysOptions = {},
  ) {
    this.local = options.local ?? new SeenKeys();
    this.timeoutMs = options.timeoutMs ?? 1500;
  }

  /** The shared store's answer, or the local memory's when the shared store fails or times out. */
  async firstTime(...keys: string[]): Promise<boolean> {
    const locally = this.local.record(keys);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`the shared dedupe store did not answer within ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
    });
    try {
      return await Promise.race([this.shared.firstTime(...keys), timeout]);
    } catch (err) {
      this.options.onError?.(err);
      return locally;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Closes the shared store. */
  async close(): Promise<void> {
    await this.shared.close?.();
  }
}
